package nl.regioamersfoort.samenwerken.traject;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface DiscussionRepository extends JpaRepository<Discussion, Long> {

    List<Discussion> findByTrackIdOrderByIdAsc(String trackId);
}
