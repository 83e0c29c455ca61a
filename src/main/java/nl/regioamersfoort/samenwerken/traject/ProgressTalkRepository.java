package nl.regioamersfoort.samenwerken.traject;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProgressTalkRepository extends JpaRepository<ProgressTalk, Long> {

    List<ProgressTalk> findByTrackIdOrderByHeldAtAsc(String trackId);
}
