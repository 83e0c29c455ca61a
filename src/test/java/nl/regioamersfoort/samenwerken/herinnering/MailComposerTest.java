package nl.regioamersfoort.samenwerken.herinnering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import nl.regioamersfoort.samenwerken.platform.mail.ComposedMail;
import nl.regioamersfoort.samenwerken.platform.mail.MailKind;
import nl.regioamersfoort.samenwerken.platform.mail.MailTemplates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MailComposerTest {

    private static final String LINK = "http://samenwerken.example.org/camunda/app/tasklist/default/#/?task=t-1";
    private static final LocalDate DUE = LocalDate.of(2022, 4, 26);

    // The trailing slash is deliberate: the link must not end up with "//camunda".
    private final MailComposer composer = new MailComposer(new MailTemplates("http://samenwerken.example.org/"));

    private static TaskDeadline baarn(String taskName) {
        return new TaskDeadline("t-1", taskName, "Baarn", DUE, "Inclusie en diversiteit 2022-2026");
    }

    @Test
    void reminderSubjectNamesTaskMunicipalityAndDutchDueDate() {
        ComposedMail mail = composer.compose(MailKind.HERINNERING, baarn("Inventarisatie Baarn"), "Anna de Vries");

        assertThat(mail.subject())
                .isEqualTo("Herinnering: Inventarisatie Baarn (gemeente Baarn) – deadline dinsdag 26 april 2022");
    }

    @Test
    void escalationSubjectSaysTheDueDateHasPassed() {
        ComposedMail mail = composer.compose(MailKind.ESCALATIE, baarn("Inventarisatie Baarn"), "Piet Jansen");

        assertThat(mail.subject()).isEqualTo(
                "Termijn verstreken: Inventarisatie Baarn (gemeente Baarn) – deadline was dinsdag 26 april 2022");
    }

    @ParameterizedTest
    @EnumSource(MailKind.class)
    void textAndHtmlGreetTheRecipientAndLinkToTheTask(MailKind kind) {
        ComposedMail mail = composer.compose(kind, baarn("Inventarisatie Baarn"), "Anna de Vries");

        assertThat(mail.text())
                .contains("Beste Anna de Vries,")
                .contains("Inventarisatie Baarn")
                .contains("Baarn")
                .contains("Inclusie en diversiteit 2022-2026")
                .contains("dinsdag 26 april 2022")
                .contains(LINK)
                .contains("Met vriendelijke groet,")
                .doesNotContain("<", "[#", "[(");
        assertThat(mail.html())
                .contains("Beste Anna de Vries,")
                .contains("Inclusie en diversiteit 2022-2026")
                .contains("dinsdag 26 april 2022")
                .contains("href=\"" + LINK + "\"")
                .contains("Open de taak in Tasklist")
                .contains(".ics")
                .doesNotContain("th:text", "th:if", "th:href", "xmlns:th");
    }

    @Test
    void reminderAndEscalationSayDifferentThings() {
        ComposedMail reminder = composer.compose(MailKind.HERINNERING, baarn("Inventarisatie Baarn"), "Anna");
        ComposedMail escalation = composer.compose(MailKind.ESCALATIE, baarn("Inventarisatie Baarn"), "Piet");

        assertThat(reminder.text()).contains("nadert").doesNotContain("verstreken");
        assertThat(escalation.text()).contains("verstreken").contains("projectleider").doesNotContain("nadert");
        assertThat(reminder.html()).contains("nadert").doesNotContain("verstreken");
        assertThat(escalation.html()).contains("verstreken").doesNotContain("nadert");
    }

    @Test
    void htmlEscapesUserSuppliedValues() {
        ComposedMail mail = composer.compose(MailKind.HERINNERING, baarn("Plan <b>Baarn</b> & co"), "<i>Anna</i>");

        assertThat(mail.html())
                .contains("Plan &lt;b&gt;Baarn&lt;/b&gt; &amp; co")
                .contains("Beste &lt;i&gt;Anna&lt;/i&gt;,")
                .doesNotContain("<b>Baarn</b>", "<i>Anna</i>");
        // Plain text is not markup, so the name stays as typed.
        assertThat(mail.text()).contains("Plan <b>Baarn</b> & co");
    }

    @Test
    void aScriptInATaskOrMunicipalityNameIsShownAsTextNeverRun() {
        // Task names carry text people typed (an activity from a plan); attribute values must not break out either.
        TaskDeadline hostile = new TaskDeadline("t-2", "Uitvoeren: <script>alert('xss')</script>\" onmouseover=\"alert(1)",
                "<img src=x onerror=alert(2)>", DUE, "Inclusie <svg onload=alert(3)>");

        ComposedMail mail = composer.compose(MailKind.ESCALATIE, hostile, "<script>document.cookie</script>");

        assertThat(mail.html())
                .contains("Uitvoeren: &lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;&quot; onmouseover=&quot;alert(1)")
                .contains("&lt;img src=x onerror=alert(2)&gt;", "Inclusie &lt;svg onload=alert(3)&gt;",
                        "Beste &lt;script&gt;document.cookie&lt;/script&gt;,")
                .doesNotContain("<script", "<img", "<svg", "\" onmouseover");
        assertThat(mail.subject()).contains("<script>alert('xss')</script>");
    }

    @ParameterizedTest
    @EnumSource(MailKind.class)
    void agendaItemHoldsTheDeadlineAsAnAllDayEvent(MailKind kind) throws Exception {
        ComposedMail mail = composer.compose(kind, baarn("Inventarisatie Baarn"), "Anna de Vries");

        Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(mail.ics()));
        VEvent event = calendar.<VEvent>getComponent(Component.VEVENT).orElseThrow();
        // A LocalDate (not a date-time) is what makes the event all-day in calendar clients.
        Temporal start = event.getDateTimeStart().getDate();
        Temporal end = event.getDateTimeEnd().getDate();

        assertThat(start).isInstanceOf(LocalDate.class).isEqualTo(DUE);
        assertThat(end).isInstanceOf(LocalDate.class).isEqualTo(DUE.plusDays(1));
        assertThat(event.getSummary().getValue()).contains("Inventarisatie Baarn");
        assertThat(event.getProperty(Property.URL).orElseThrow().getValue()).isEqualTo(LINK);
        assertThat(event.getProperty(Property.UID).orElseThrow().getValue())
                .isEqualTo("t-1-" + kind.name().toLowerCase() + "@samenwerken.regioamersfoort.nl");
        assertThat(event.getProperty(Property.DTSTAMP)).isPresent();
        assertThat(calendar.getProperty(Property.PRODID).orElseThrow().getValue())
                .isEqualTo("-//Regio Amersfoort//Samenwerken//NL");
        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("PUBLISH");
        assertThat(calendar.getProperty(Property.VERSION).orElseThrow().getValue()).isEqualTo("2.0");
    }

    @Test
    void regionalTaskHasNoMunicipalityInSubject() {
        TaskDeadline regional = new TaskDeadline("t-1", "Regionale vergadering", null, DUE,
                "Inclusie en diversiteit 2022-2026");

        ComposedMail mail = composer.compose(MailKind.HERINNERING, regional, "Anna de Vries");

        assertThat(mail.subject())
                .isEqualTo("Herinnering: Regionale vergadering – deadline dinsdag 26 april 2022")
                .doesNotContain("gemeente");
        assertThat(mail.text()).doesNotContain("Gemeente:");
        assertThat(mail.html()).doesNotContain("Gemeente");
    }

    @Test
    void subjectStaysOnOneLineWhateverTheTaskNameHolds() {
        ComposedMail mail = composer.compose(MailKind.HERINNERING, baarn("Inventarisatie\r\nBcc: iemand@example.org"),
                "Anna");

        assertThat(mail.subject()).doesNotContain("\r", "\n")
                .startsWith("Herinnering: Inventarisatie Bcc: iemand@example.org (gemeente Baarn)");
    }
}
