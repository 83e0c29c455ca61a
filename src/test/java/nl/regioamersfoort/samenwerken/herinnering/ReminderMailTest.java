package nl.regioamersfoort.samenwerken.herinnering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import nl.regioamersfoort.samenwerken.DemoApplicationTest;
import nl.regioamersfoort.samenwerken.ProcessDriver;
import nl.regioamersfoort.samenwerken.platform.mail.MailStatus;
import nl.regioamersfoort.samenwerken.platform.mail.Outbox;
import nl.regioamersfoort.samenwerken.programma.NewProgramme;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Deadline mails through a real SMTP server (GreenMail): on the right working days, to the right
 * people, with a subject, Dutch text, a link and an .ics; stopped by completing the task; exactly
 * once after an outage.
 */
@DemoApplicationTest
@TestPropertySource(properties = {"spring.mail.host=localhost", "spring.mail.port=3025",
        "samenwerken.tasklist-url=https://samenwerken.example.org"})
class ReminderMailTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    ProcessEngine engine;
    @Autowired
    Programmes programmes;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;
    @Autowired
    Outbox outbox;

    ProcessDriver driver;

    @BeforeEach
    void setUp() {
        driver = new ProcessDriver(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    List<MimeMessage> mailsAbout(String taskName) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().contains(taskName);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static List<String> to(List<MimeMessage> mails) throws Exception {
        List<String> recipients = new ArrayList<>();
        for (MimeMessage mail : mails) {
            recipients.add(mail.getAllRecipients()[0].toString());
        }
        return recipients;
    }

    @Test
    void remindersBeforeAndEscalationsAfterADueDateThatFellOnKoningsdag() throws Exception {
        ClockUtil.setCurrentTime(ProcessDriver.at("2022-01-10T09:00:00"));
        String programme = programmes.start(new NewProgramme("Inclusie en diversiteit 2022-2023", LocalDate.of(2022, 1, 1),
                LocalDate.of(2023, 12, 31), List.of("baarn"), LocalDate.of(2022, 4, 27), LocalDate.of(2022, 12, 26), null, null, null,
                null), "projectleider").getId();
        // Koningsdag and Christmas are no working days: the due dates move to the working day before.
        assertThat(programmes.get(programme).getCalendar().plan()).isEqualTo(LocalDate.of(2022, 12, 23));
        Task inventory = driver.task(programme + "-baarn", "inventarisatie-opstellen");
        assertThat(inventory.getDueDate()).isEqualTo(ProcessDriver.at("2022-04-26T17:00:00"));
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("taakbewaking")
                .processInstanceBusinessKey(inventory.getId()).count()).isOne();

        // A colleague without an e-mail address is skipped, and the outbox says so.
        User noMail = identityService.newUser("collega.zondermail");
        noMail.setPassword("demo-demo-demo");
        identityService.saveUser(noMail);
        identityService.createMembership("collega.zondermail", "beleidsambtenaar-baarn");

        // 14 working days before Tuesday 26 April 2022; Good Friday and Easter Monday do not count (4 April).
        LocalDate first = LocalDate.of(2022, 4, 4);
        driver.travelTo(first.minusDays(1) + "T12:00:00");
        assertThat(mailsAbout("Inventarisatie Baarn")).isEmpty();
        driver.travelTo(first + "T10:00:00");
        List<MimeMessage> firstReminders = mailsAbout("Inventarisatie Baarn");
        assertThat(to(firstReminders)).containsExactlyInAnyOrder("adviseur@example.org", "ambtenaar.baarn@example.org");
        assertThat(outbox.ofTask(inventory.getId())).anySatisfy(mail -> {
            assertThat(mail.getRecipient()).isEqualTo("collega.zondermail");
            assertThat(mail.getStatus()).isEqualTo(MailStatus.OVERGESLAGEN);
            assertThat(mail.getReason()).isEqualTo("Geen e-mailadres bekend.");
        });

        // The mail itself: subject, Dutch text, link to the task, and an agenda item on the due date.
        MimeMessage reminder = firstReminders.get(0);
        assertThat(reminder.getSubject()).contains("Herinnering", "Inventarisatie Baarn", "gemeente Baarn", "26 april 2022");
        String body = part(reminder, "text/plain");
        assertThat(body).contains("Beste ", "Inventarisatie Baarn", "dinsdag 26 april 2022");
        assertThat(part(reminder, "text/html")).contains("lang=\"nl\"", "Open de taak in Tasklist");
        assertThat(body).contains("https://samenwerken.example.org/camunda/app/tasklist/default/#/?task=" + inventory.getId());
        VEvent event = calendarOf(reminder).getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
        assertThat(String.valueOf(event.getStartDate().orElseThrow().getDate())).isEqualTo("2022-04-26");

        driver.travelTo("2022-04-21T10:00:00");
        assertThat(mailsAbout("Inventarisatie Baarn")).hasSize(4);

        // After the due date: an escalation to the projectleider, and again a week later.
        driver.travelTo("2022-04-27T10:00:00");
        List<MimeMessage> escalations = mailsAbout("Termijn verstreken: Inventarisatie Baarn");
        assertThat(to(escalations)).containsExactly("projectleider@example.org");
        driver.travelTo("2022-05-04T10:00:00");
        assertThat(mailsAbout("Termijn verstreken: Inventarisatie Baarn")).hasSize(2);

        // Completing the task stops it all.
        driver.complete(inventory, "ambtenaar.baarn", "watSpeeltLokaal", "Situatie", "mogelijkeVervolgstap", "Stap");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("taakbewaking")
                .processInstanceBusinessKey(inventory.getId()).count()).isZero();
        driver.travelTo("2022-05-30T10:00:00");
        assertThat(mailsAbout("Inventarisatie Baarn")).hasSize(6);
    }

    @Test
    void anSmtpOutageEndsInAnIncidentAndTheRetrySendsTheMailExactlyOnce() throws Exception {
        ClockUtil.setCurrentTime(ProcessDriver.at("2031-01-10T09:00:00"));
        String programme = programmes.start(new NewProgramme("Inclusie en diversiteit 2031-2032", LocalDate.of(2031, 1, 1),
                LocalDate.of(2032, 12, 31), List.of("soest"), null, null, null, null, null, null), "projectleider").getId();
        Task inventory = driver.task(programme + "-soest", "inventarisatie-opstellen");
        LocalDate due = inventory.getDueDate().toInstant().atZone(java.time.ZoneId.of("Europe/Amsterdam")).toLocalDate();
        LocalDate reminderDay = nl.regioamersfoort.samenwerken.platform.time.WorkingDays.minusWorkingDays(due, 3);

        smtp.stop();
        ClockUtil.setCurrentTime(ProcessDriver.at(reminderDay + "T10:00:00"));
        for (int attempt = 0; attempt < 10; attempt++) {
            for (Job job : managementService.createJobQuery().executable().list()) {
                try {
                    managementService.executeJob(job.getId());
                } catch (RuntimeException expected) {
                    // the SMTP server is down: Camunda counts the attempt down and retries later
                }
            }
            ClockUtil.setCurrentTime(new java.util.Date(ClockUtil.getCurrentTime().getTime() + 6 * 60 * 1000));
        }
        List<Job> failed = managementService.createJobQuery().withException().noRetriesLeft().list();
        assertThat(failed).isNotEmpty();
        assertThat(runtimeService.createIncidentQuery().count()).isEqualTo(failed.size());
        assertThat(outbox.ofTask(inventory.getId())).anySatisfy(m -> assertThat(m.getStatus()).isEqualTo(MailStatus.MISLUKT));

        smtp.start();
        for (Job job : failed) {
            managementService.setJobRetries(job.getId(), 1);
            managementService.executeJob(job.getId());
        }
        driver.runDueJobs();
        assertThat(to(mailsAbout("Inventarisatie Soest"))).containsExactlyInAnyOrder("adviseur@example.org", "ambtenaar.soest@example.org");
        assertThat(runtimeService.createIncidentQuery().count()).isZero();
        assertThat(outbox.ofTask(inventory.getId())).filteredOn(m -> m.getStatus() == MailStatus.VERZONDEN).hasSize(2);
        assertThatThrownBy(() -> managementService.executeJob(failed.get(0).getId())).isInstanceOf(RuntimeException.class);
        assertThat(mailsAbout("Inventarisatie Soest")).hasSize(2);
    }

    /** The decoded content of the first part of this type, however deep in the multipart it sits. */
    static String part(jakarta.mail.Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static Calendar calendarOf(MimeMessage message) throws Exception {
        Multipart multipart = (Multipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if ("deadline.ics".equals(part.getFileName())) {
                return new CalendarBuilder().build(new ByteArrayInputStream(part.getInputStream().readAllBytes()));
            }
        }
        throw new AssertionError("No .ics attachment");
    }
}
