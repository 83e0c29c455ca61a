package nl.regioamersfoort.samenwerken.besluit;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface DecisionRepository extends JpaRepository<Decision, Long> {

    List<Decision> findBySubjectTypeAndSubjectRefOrderByIdAsc(SubjectType subjectType, String subjectRef);

    List<Decision> findByProgrammeIdAndMunicipalityCodeOrderByIdAsc(String programmeId, String municipalityCode);
}
