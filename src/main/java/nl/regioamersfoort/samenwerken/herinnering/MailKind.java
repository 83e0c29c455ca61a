package nl.regioamersfoort.samenwerken.herinnering;

/**
 * Why a deadline mail is sent: a reminder before the due date goes to the people who can pick up
 * the task; an escalation after the due date goes to the projectleider, who has to act on it.
 */
public enum MailKind {
    HERINNERING,
    ESCALATIE
}
