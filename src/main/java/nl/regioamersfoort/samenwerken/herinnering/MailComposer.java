package nl.regioamersfoort.samenwerken.herinnering;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import nl.regioamersfoort.samenwerken.platform.mail.ComposedMail;
import nl.regioamersfoort.samenwerken.platform.mail.MailKind;
import nl.regioamersfoort.samenwerken.platform.mail.MailTemplates;
import nl.regioamersfoort.samenwerken.platform.text.Dutch;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;

/**
 * Composes the deadline mails for civil servants: subject, plain text and HTML alternatives, and an
 * agenda item (.ics) holding the deadline. Sending is someone else's job, so this stays free of mail
 * transport and can be tested without a mail server.
 */
@Component
public class MailComposer {

    static final String TASKLIST_PATH = "/camunda/app/tasklist/default/";
    static final String TASK_PATH = TASKLIST_PATH + "#/?task=";
    private static final String PRODUCT_ID = "-//Regio Amersfoort//Samenwerken//NL";
    private static final String UID_DOMAIN = "samenwerken.regioamersfoort.nl";
    private static final String TEMPLATE = "taakdeadline";

    private final MailTemplates templates;

    public MailComposer(MailTemplates templates) {
        this.templates = templates;
    }

    public ComposedMail compose(MailKind kind, TaskDeadline task, String recipientName) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(task, "task");
        String link = taskLink(task.taskId());
        String dueDate = Dutch.dayAndDate(task.dueDate());
        String subject = subject(kind, task, dueDate);

        Context context = MailTemplates.context();
        context.setVariable("subject", subject);
        context.setVariable("escalation", kind == MailKind.ESCALATIE);
        context.setVariable("recipientName", recipientName);
        context.setVariable("taskName", task.taskName());
        context.setVariable("municipalityName", task.municipalityName());
        context.setVariable("programmeName", task.programmeName());
        context.setVariable("dueDate", dueDate);
        context.setVariable("taskLink", link);

        return templates.compose(subject, TEMPLATE, context, agendaItem(kind, task, link));
    }

    String taskLink(String taskId) {
        return templates.link(TASK_PATH + taskId);
    }

    private static String subject(MailKind kind, TaskDeadline task, String dueDate) {
        StringBuilder subject = new StringBuilder(kind == MailKind.ESCALATIE ? "Termijn verstreken: " : "Herinnering: ");
        subject.append(oneLine(task.taskName()));
        if (hasText(task.municipalityName())) {
            subject.append(" (gemeente ").append(oneLine(task.municipalityName())).append(')');
        }
        subject.append(kind == MailKind.ESCALATIE ? " – deadline was " : " – deadline ").append(dueDate);
        return subject.toString();
    }

    /**
     * Task and municipality names come from user input; a line break in them would break the
     * subject header (or smuggle in another header), so all whitespace runs become one space.
     */
    static String oneLine(String value) {
        return value == null ? "" : value.replaceAll("\\s+", " ").strip();
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    /**
     * An all-day event on the due date, so that the deadline shows up in Outlook and the like
     * without blocking the recipient's time. The UID includes the kind so a reminder and an
     * escalation for the same task stay two separate agenda items instead of overwriting each other.
     */
    private static byte[] agendaItem(MailKind kind, TaskDeadline task, String link) {
        VEvent deadline = new VEvent(task.dueDate(), task.dueDate().plusDays(1), "Deadline: " + oneLine(task.taskName()));
        // replace, not add: the VEvent constructor already stamps, and DTSTAMP may occur only once.
        deadline.replace(new DtStamp(Instant.now()));
        deadline.add(new Uid(task.taskId() + "-" + kind.name().toLowerCase(Locale.ROOT) + "@" + UID_DOMAIN));
        deadline.add(new Description(agendaDescription(task, link)));
        deadline.add(new Url(URI.create(link)));

        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT_ID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(deadline);

        StringWriter ics = new StringWriter();
        try {
            // Not validating: RFC 5546 wants an ORGANIZER on a PUBLISH event, but these items have no
            // organiser mailbox to name; calendar clients import them fine, and validation would only
            // log a warning for every mail.
            new CalendarOutputter(false).output(calendar, ics);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException("Ongeldig agenda-item voor taak " + task.taskId(), e);
        }
        return ics.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String agendaDescription(TaskDeadline task, String link) {
        StringBuilder description = new StringBuilder("Deadline van de taak ").append(oneLine(task.taskName()));
        if (hasText(task.municipalityName())) {
            description.append(" (gemeente ").append(oneLine(task.municipalityName())).append(')');
        }
        if (hasText(task.programmeName())) {
            description.append(" in het programma ").append(oneLine(task.programmeName()));
        }
        return description.append(".\nOpen de taak in Tasklist: ").append(link).toString();
    }
}
