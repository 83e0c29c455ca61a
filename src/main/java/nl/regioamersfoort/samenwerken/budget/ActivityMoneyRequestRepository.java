package nl.regioamersfoort.samenwerken.budget;

import org.springframework.data.jpa.repository.JpaRepository;

interface ActivityMoneyRequestRepository extends JpaRepository<ActivityMoneyRequest, Long> {
}
