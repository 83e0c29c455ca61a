package nl.regioamersfoort.samenwerken.platform.mail;

public enum MailStatus {
    /** Delivered to the SMTP server. */
    VERZONDEN("Verzonden"),
    /** No SMTP server configured (the demo run): the outbox page is where people read it. */
    IN_OUTBOX("In de outbox"),
    /** Not sent: the person has no (valid) e-mail address. */
    OVERGESLAGEN("Overgeslagen"),
    /** The SMTP server refused or was unreachable; the job retries. */
    MISLUKT("Mislukt");

    private final String label;

    MailStatus(String label) {
        this.label = label;
    }

    /** How the outbox and the case files name the status. */
    public String getLabel() {
        return label;
    }
}
