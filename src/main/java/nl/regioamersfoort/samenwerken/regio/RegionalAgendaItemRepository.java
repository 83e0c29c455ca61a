package nl.regioamersfoort.samenwerken.regio;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface RegionalAgendaItemRepository extends JpaRepository<RegionalAgendaItem, Long> {

    List<RegionalAgendaItem> findByProgrammeIdOrderByMeetingDateAscIdAsc(String programmeId);

    boolean existsByConsentId(Long consentId);

    List<RegionalAgendaItem> findByProgrammeIdAndMeetingDateOrderByIdAsc(String programmeId, LocalDate meetingDate);
}
