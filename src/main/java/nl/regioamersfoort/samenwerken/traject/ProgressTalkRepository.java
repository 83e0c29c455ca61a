package nl.regioamersfoort.samenwerken.traject;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ProgressTalkRepository extends JpaRepository<ProgressTalk, Long> {
}
