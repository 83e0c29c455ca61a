package nl.regioamersfoort.samenwerken.programma;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface PortfolioHandOverRepository extends JpaRepository<PortfolioHandOver, Long> {

    List<PortfolioHandOver> findByProgrammeIdOrderByIdAsc(String programmeId);

    Optional<PortfolioHandOver> findFirstByProgrammeIdAndMunicipalityCodeOrderByIdDesc(String programmeId, String municipalityCode);
}
