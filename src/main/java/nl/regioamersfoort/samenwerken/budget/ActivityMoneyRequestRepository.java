package nl.regioamersfoort.samenwerken.budget;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ActivityMoneyRequestRepository extends JpaRepository<ActivityMoneyRequest, Long> {
}
