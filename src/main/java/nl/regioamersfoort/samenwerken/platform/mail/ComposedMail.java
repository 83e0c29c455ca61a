package nl.regioamersfoort.samenwerken.platform.mail;

/**
 * A deadline mail ready to send: plain text and HTML alternatives of the same content, and the
 * agenda item (.ics) so the deadline lands in the recipient's calendar.
 */
public record ComposedMail(String subject, String text, String html, byte[] ics) {
}
