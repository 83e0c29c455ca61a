package nl.regioamersfoort.samenwerken.budget;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ActivityMoneyRequestRepository extends JpaRepository<ActivityMoneyRequest, Long> {

    List<ActivityMoneyRequest> findByProgrammeIdAndMunicipalityCodeOrderByIdDesc(String programmeId, String municipalityCode);

    List<ActivityMoneyRequest> findByProgrammeIdAndStatusOrderByIdDesc(String programmeId, RequestStatus status);
}
