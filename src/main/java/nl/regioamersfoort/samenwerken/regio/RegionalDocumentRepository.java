package nl.regioamersfoort.samenwerken.regio;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface RegionalDocumentRepository extends JpaRepository<RegionalDocument, Long> {

    List<RegionalDocument> findByProgrammeIdOrderByIdAsc(String programmeId);

    Optional<RegionalDocument> findFirstByProgrammeIdAndKindAndStepOrderByIdDesc(String programmeId, String kind, String step);
}
