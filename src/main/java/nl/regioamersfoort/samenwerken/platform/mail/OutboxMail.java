package nl.regioamersfoort.samenwerken.platform.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** One deadline mail to one person, as it was sent, kept, skipped or failed. */
@Entity
@Table(name = "mail_message")
public class OutboxMail {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "task_id", nullable = false)
    private String taskId;
    @Column(name = "task_name", nullable = false)
    private String taskName;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MailKind kind;
    @Column(nullable = false)
    private String recipient;
    @Column(name = "recipient_email")
    private String recipientEmail;
    private String subject;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MailStatus status;
    private String reason;
    @Column(name = "recorded_at", nullable = false)
    private LocalDateTime recordedAt;

    protected OutboxMail() {
    }

    OutboxMail(String taskId, String taskName, MailKind kind, String recipient, String recipientEmail, String subject,
            MailStatus status, String reason, LocalDateTime recordedAt) {
        this.taskId = taskId;
        this.taskName = taskName.length() > 500 ? taskName.substring(0, 500) : taskName;
        this.kind = kind;
        this.recipient = recipient;
        this.recipientEmail = recipientEmail;
        this.subject = subject;
        this.status = status;
        this.reason = reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 1000);
        this.recordedAt = recordedAt;
    }

    public Long getId() {
        return id;
    }

    public String getTaskId() {
        return taskId;
    }

    public String getTaskName() {
        return taskName;
    }

    public MailKind getKind() {
        return kind;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getRecipientEmail() {
        return recipientEmail;
    }

    public String getSubject() {
        return subject;
    }

    public MailStatus getStatus() {
        return status;
    }

    public String getReason() {
        return reason;
    }

    public LocalDateTime getRecordedAt() {
        return recordedAt;
    }
}
