package nl.regioamersfoort.samenwerken.traject;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface LocalTrackRepository extends JpaRepository<LocalTrack, String> {

    List<LocalTrack> findByProgrammeIdOrderByMunicipalityCodeAsc(String programmeId);
}
