package nl.regioamersfoort.samenwerken.platform.mail;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface OutboxMailRepository extends JpaRepository<OutboxMail, Long> {

    List<OutboxMail> findByOrderByIdDesc(Pageable page);

    List<OutboxMail> findByTaskIdOrderByIdAsc(String taskId);

    List<OutboxMail> findByTaskIdInOrderByIdAsc(Collection<String> taskIds);
}
