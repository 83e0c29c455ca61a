package nl.regioamersfoort.samenwerken.platform.mail;

import java.util.Collection;
import java.util.List;
import nl.regioamersfoort.samenwerken.platform.time.EngineClock;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The record of every deadline mail; in the demo run, where no SMTP server is set, the mail itself. */
@Service
public class Outbox {

    private final OutboxMailRepository mails;

    Outbox(OutboxMailRepository mails) {
        this.mails = mails;
    }

    @Transactional
    public void record(String taskId, String taskName, MailKind kind, String recipient, String email, String subject,
            MailStatus status, String reason) {
        mails.save(new OutboxMail(taskId, taskName, kind, recipient, email, subject, status, reason, EngineClock.now()));
    }

    /** A failed attempt is kept even though the job's own transaction rolls back. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFailure(String taskId, String taskName, MailKind kind, String recipient, String email, String subject,
            String reason) {
        mails.save(new OutboxMail(taskId, taskName, kind, recipient, email, subject, MailStatus.MISLUKT, reason, EngineClock.now()));
    }

    @Transactional(readOnly = true)
    public List<OutboxMail> latest(int count) {
        return mails.findByOrderByIdDesc(PageRequest.of(0, count));
    }

    @Transactional(readOnly = true)
    public List<OutboxMail> ofTask(String taskId) {
        return mails.findByTaskIdOrderByIdAsc(taskId);
    }

    @Transactional(readOnly = true)
    public List<OutboxMail> ofTasks(Collection<String> taskIds) {
        return mails.findByTaskIdInOrderByIdAsc(taskIds);
    }
}
