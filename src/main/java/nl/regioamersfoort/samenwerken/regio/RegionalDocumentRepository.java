package nl.regioamersfoort.samenwerken.regio;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RegionalDocumentRepository extends JpaRepository<RegionalDocument, Long> {

    Optional<RegionalDocument> findFirstByProgrammeIdAndKindAndStepOrderByIdDesc(String programmeId, String kind, String step);
}
