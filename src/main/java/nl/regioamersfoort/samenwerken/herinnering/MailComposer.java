package nl.regioamersfoort.samenwerken.herinnering;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Composes the mails Samenwerken sends: deadline mails for civil servants (subject, plain text and
 * HTML alternatives, and an agenda item (.ics) holding the deadline) and the hours signal. Sending
 * is someone else's job, so this stays free of mail transport and can be tested without a mail server.
 */
@Component
public class MailComposer {

    static final Locale DUTCH = Locale.forLanguageTag("nl");

    private static final DateTimeFormatter DUE_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", DUTCH);
    private static final String TASK_PATH = "/camunda/app/tasklist/default/#/?task=";
    private static final String PRODUCT_ID = "-//Regio Amersfoort//Samenwerken//NL";
    private static final String UID_DOMAIN = "samenwerken.regioamersfoort.nl";
    private static final String HTML_TEMPLATE = "taakdeadline.html";
    private static final String TEXT_TEMPLATE = "taakdeadline.txt";
    private static final String HOURS_HTML_TEMPLATE = "urensignaal.html";
    private static final String HOURS_TEXT_TEMPLATE = "urensignaal.txt";

    private final String tasklistUrl;
    private final TemplateEngine templates = mailTemplateEngine();

    public MailComposer(@Value("${samenwerken.tasklist-url:http://localhost:8080}") String tasklistUrl) {
        // Operators write the base URL with or without a trailing slash; the link must not get "//".
        this.tasklistUrl = Objects.requireNonNull(tasklistUrl, "tasklistUrl").strip().replaceAll("/+$", "");
    }

    public ComposedMail compose(MailKind kind, TaskDeadline task, String recipientName) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(task, "task");
        String link = taskLink(task.taskId());
        String dueDate = DUE_DATE.format(task.dueDate());
        String subject = subject(kind, task, dueDate);

        Context context = new Context(DUTCH);
        context.setVariable("subject", subject);
        context.setVariable("escalation", kind == MailKind.ESCALATIE);
        context.setVariable("recipientName", recipientName);
        context.setVariable("taskName", task.taskName());
        context.setVariable("municipalityName", task.municipalityName());
        context.setVariable("programmeName", task.programmeName());
        context.setVariable("dueDate", dueDate);
        context.setVariable("taskLink", link);

        String text = templates.process(TEXT_TEMPLATE, context);
        String html = templates.process(HTML_TEMPLATE, context);
        return new ComposedMail(subject, text, html, agendaItem(kind, task, link));
    }

    /**
     * The signal to the projectleider that the adviser's booked hours reached {@code threshold}
     * percent of the year's cap. No agenda item: there is no deadline, only a number to act on.
     */
    public ComposedMail composeHoursSignal(String recipientName, String programmeId, String programmeName, int year, int threshold,
            BigDecimal booked, BigDecimal cap) {
        String subject = threshold >= 100
                ? "Adviesuren " + year + ": het jaarplafond van " + hours(cap) + " uur is bereikt"
                : "Adviesuren " + year + ": " + threshold + "% van het jaarplafond geboekt";
        Context context = new Context(DUTCH);
        context.setVariable("subject", subject);
        context.setVariable("recipientName", recipientName);
        context.setVariable("programmeName", programmeName);
        context.setVariable("year", year);
        context.setVariable("threshold", threshold);
        context.setVariable("booked", hours(booked));
        context.setVariable("cap", hours(cap));
        context.setVariable("left", hours(cap.subtract(booked).max(BigDecimal.ZERO)));
        context.setVariable("overCap", booked.compareTo(cap) > 0);
        context.setVariable("percentage", booked.multiply(BigDecimal.valueOf(100)).divide(cap, 0, RoundingMode.DOWN));
        context.setVariable("accountLink", tasklistUrl + "/api/programmas/" + programmeId + "/verantwoording/" + year + ".pdf");
        return new ComposedMail(subject, templates.process(HOURS_TEXT_TEMPLATE, context),
                templates.process(HOURS_HTML_TEMPLATE, context), null);
    }

    /** Hours the Dutch way: 12,5 and 400 rather than 12.50 and 400.00. */
    private static String hours(BigDecimal hours) {
        return hours.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    String taskLink(String taskId) {
        return tasklistUrl + TASK_PATH + taskId;
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
    private static String oneLine(String value) {
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

    /**
     * Mail templates get their own engine so that they render the same inside and outside a web
     * request and do not depend on Spring MVC's view resolver settings. Both resolvers look in the
     * same folder; the resolvable patterns keep the HTML resolver from claiming the .txt template
     * (and vice versa), since with existence checks the first resolver that finds a file wins.
     * The Spring flavour of the engine evaluates expressions with SpEL; the plain engine would need
     * OGNL, which is not on the classpath of a Spring Boot application.
     */
    private static TemplateEngine mailTemplateEngine() {
        TemplateEngine engine = new SpringTemplateEngine();
        engine.addTemplateResolver(resolver(".html", TemplateMode.HTML, 1));
        engine.addTemplateResolver(resolver(".txt", TemplateMode.TEXT, 2));
        return engine;
    }

    private static ClassLoaderTemplateResolver resolver(String suffix, TemplateMode mode, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setSuffix(suffix);
        resolver.setResolvablePatterns(Set.of("*" + suffix));
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        resolver.setOrder(order);
        resolver.setCheckExistence(true);
        return resolver;
    }
}
