package nl.regioamersfoort.samenwerken.gemeente;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface MunicipalElectionRepository extends JpaRepository<MunicipalElection, LocalDate> {

    List<MunicipalElection> findByDateBetweenOrderByDateAsc(LocalDate from, LocalDate to);
}
