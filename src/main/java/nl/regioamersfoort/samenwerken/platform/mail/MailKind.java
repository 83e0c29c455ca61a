package nl.regioamersfoort.samenwerken.platform.mail;

/**
 * Why a mail is sent: a reminder before the due date goes to the people who can pick up the task;
 * an escalation after the due date goes to the projectleider, who has to act on it; so does the
 * signal that the adviser's hours reached 80% or 100% of the year's cap, and the report that a
 * municipality left the programme (to the projectleider and the stuurgroep). The weekly digest
 * lists a person's open tasks on the first working day of the week.
 */
public enum MailKind {
    HERINNERING("Herinnering"),
    ESCALATIE("Escalatie"),
    URENSIGNAAL("Signaal adviesuren"),
    DEELNAME_BEEINDIGD("Deelname beëindigd"),
    WEEKOVERZICHT("Weekoverzicht");

    private final String label;

    MailKind(String label) {
        this.label = label;
    }

    /** How the outbox page names the kind. */
    public String getLabel() {
        return label;
    }
}
