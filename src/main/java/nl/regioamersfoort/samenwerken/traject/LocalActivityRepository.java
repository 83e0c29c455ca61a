package nl.regioamersfoort.samenwerken.traject;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface LocalActivityRepository extends JpaRepository<LocalActivity, Long> {

    List<LocalActivity> findByTrackIdOrderByPositionAsc(String trackId);

    List<LocalActivity> findByTrackIdAndStatusOrderByPositionAsc(String trackId, ActivityStatus status);
}
