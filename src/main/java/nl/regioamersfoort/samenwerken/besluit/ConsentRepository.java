package nl.regioamersfoort.samenwerken.besluit;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ConsentRepository extends JpaRepository<Consent, Long> {

    List<Consent> findByProgrammeIdOrderByIdAsc(String programmeId);

    List<Consent> findByProgrammeIdAndSubjectTypeOrderByIdAsc(String programmeId, SubjectType subjectType);
}
