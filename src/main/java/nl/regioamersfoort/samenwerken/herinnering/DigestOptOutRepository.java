package nl.regioamersfoort.samenwerken.herinnering;

import org.springframework.data.jpa.repository.JpaRepository;

interface DigestOptOutRepository extends JpaRepository<DigestOptOut, String> {
}
