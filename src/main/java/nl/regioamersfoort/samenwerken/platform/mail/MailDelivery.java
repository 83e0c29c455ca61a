package nl.regioamersfoort.samenwerken.platform.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
import java.util.function.Function;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Delivers one mail to one Camunda user and records it in the outbox: sent, kept in the outbox
 * (no SMTP server set), skipped (no usable address) or failed. A failure throws, so the engine job
 * that called this fails and retries; a job sends to one person only, so a retry never sends twice.
 */
@Component
public class MailDelivery {

    private final Outbox outbox;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final IdentityService identityService;

    MailDelivery(Outbox outbox, ObjectProvider<JavaMailSender> mailSender, IdentityService identityService) {
        this.outbox = outbox;
        this.mailSender = mailSender;
        this.identityService = identityService;
    }

    /**
     * @param reference what the mail is about (a task id, a process instance id), as the outbox lists it
     * @param referenceName its name for people
     * @param compose the mail, given the recipient's display name
     */
    public void deliver(String reference, String referenceName, MailKind kind, String userId, Function<String, ComposedMail> compose) {
        User user = userId == null ? null : identityService.createUserQuery().userId(userId).singleResult();
        String email = user == null ? null : user.getEmail();
        String problem = addressProblem(user, email);
        if (problem != null) {
            outbox.record(reference, referenceName, kind, String.valueOf(userId), email, null, MailStatus.OVERGESLAGEN, problem);
            return;
        }
        ComposedMail mail = compose.apply(displayName(user));
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            outbox.record(reference, referenceName, kind, userId, email, mail.subject(), MailStatus.IN_OUTBOX, null);
            return;
        }
        try {
            sender.send(mime(sender, email, mail));
        } catch (MailException | MessagingException e) {
            outbox.recordFailure(reference, referenceName, kind, userId, email, mail.subject(), e.getMessage());
            throw new MailDeliveryException("Could not deliver " + kind + " about " + reference + " to " + email, e);
        }
        outbox.record(reference, referenceName, kind, userId, email, mail.subject(), MailStatus.VERZONDEN, null);
    }

    private static MimeMessage mime(JavaMailSender sender, String to, ComposedMail mail) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(new InternetAddress("samenwerken@regioamersfoort.example.org"));
        helper.setTo(to);
        helper.setSubject(mail.subject());
        helper.setText(mail.text(), mail.html());
        if (mail.ics() != null) {
            helper.addAttachment("deadline.ics", new ByteArrayDataSource(mail.ics(), "text/calendar; charset=UTF-8"));
        }
        return message;
    }

    private static String addressProblem(User user, String email) {
        if (user == null) {
            return "Onbekende gebruiker.";
        }
        if (email == null || email.isBlank()) {
            return "Geen e-mailadres bekend.";
        }
        try {
            new InternetAddress(email, true).validate();
        } catch (AddressException e) {
            return "Ongeldig e-mailadres: " + email;
        }
        return null;
    }

    private static String displayName(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return name.isEmpty() ? user.getId() : name;
    }

    /** The SMTP server did not take the mail; the job fails and Camunda retries it. */
    static class MailDeliveryException extends RuntimeException {
        MailDeliveryException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
