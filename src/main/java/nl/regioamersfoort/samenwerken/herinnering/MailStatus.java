package nl.regioamersfoort.samenwerken.herinnering;

public enum MailStatus {
    /** Delivered to the SMTP server. */
    VERZONDEN,
    /** No SMTP server configured (the demo run): the outbox page is where people read it. */
    IN_OUTBOX,
    /** Not sent: the person has no (valid) e-mail address. */
    OVERGESLAGEN,
    /** The SMTP server refused or was unreachable; the job retries. */
    MISLUKT
}
