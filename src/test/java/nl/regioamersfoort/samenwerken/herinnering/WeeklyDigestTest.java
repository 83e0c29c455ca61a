package nl.regioamersfoort.samenwerken.herinnering;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.regioamersfoort.samenwerken.Browser;
import nl.regioamersfoort.samenwerken.DemoApplicationTest;
import nl.regioamersfoort.samenwerken.Http;
import nl.regioamersfoort.samenwerken.ProcessDriver;
import nl.regioamersfoort.samenwerken.platform.mail.MailKind;
import nl.regioamersfoort.samenwerken.platform.mail.MailStatus;
import nl.regioamersfoort.samenwerken.platform.mail.Outbox;
import nl.regioamersfoort.samenwerken.programma.NewProgramme;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 16: the weekly digest, through a real SMTP server (GreenMail), walked day by day with the
 * engine's own timer: one mail on the first working day of each week to everyone with open tasks,
 * none to who has none or switched it off; the switch in the browser, for oneself only.
 */
@DemoApplicationTest
// Time only moves forward here: the engine's weekday timer is due at the next seven o'clock after its last run.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestPropertySource(properties = {"spring.mail.host=localhost", "spring.mail.port=3025",
        "samenwerken.tasklist-url=https://samenwerken.example.org", "samenwerken.herinneringen.weekoverzicht=true"})
class WeeklyDigestTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    ProcessEngine engine;
    @Autowired
    Programmes programmes;
    @Autowired
    Outbox outbox;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    ProcessDriver driver;

    @BeforeEach
    void setUp() {
        driver = new ProcessDriver(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    @Order(1)
    void onTheFirstWorkingDayOfEachWeekEveryoneWithOpenTasksGetsOneDigest() throws Exception {
        ClockUtil.setCurrentTime(ProcessDriver.at("2093-01-07T12:00:00"));
        String programme = programmes.start(new NewProgramme("Inclusie en diversiteit 2093-2094", LocalDate.of(2093, 1, 1),
                LocalDate.of(2094, 12, 31), List.of("baarn"), LocalDate.of(2093, 4, 24), null, null, null, null, null), "projectleider").getId();
        Task inventory = driver.task(programme + "-baarn", "inventarisatie-opstellen");
        // The adviser may pick up the inventory too, but switched the digest off.
        Http adviser = Http.browser(port);
        adviser.login("adviseur", "demo");
        assertThat(adviser.postForm("/dashboard/weekoverzicht", Map.of("weekoverzicht", "uit"), adviser.csrfTokenOf("/dashboard/weekoverzicht"))
                .statusCode()).isEqualTo(302);

        Map<LocalDate, List<MimeMessage>> digestsByDay = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (LocalDate day = LocalDate.of(2093, 1, 7); !day.isAfter(LocalDate.of(2093, 5, 8)); day = day.plusDays(1)) {
            // Noon: the timer fires at seven in the server's time zone, whatever zone that is in Europe.
            driver.travelTo(day + "T12:00:00");
            List<MimeMessage> digests = newDigests(seen);
            if (!digests.isEmpty()) {
                digestsByDay.put(day, digests);
            }
        }

        // Mondays, except after Paasmaandag (13 April) and Koningsdag (Monday 27 April 2093): then Tuesday.
        List<LocalDate> expected = new ArrayList<>();
        for (LocalDate monday = LocalDate.of(2093, 1, 12); monday.isBefore(LocalDate.of(2093, 5, 8)); monday = monday.plusWeeks(1)) {
            expected.add(monday.equals(LocalDate.of(2093, 4, 13)) || monday.equals(LocalDate.of(2093, 4, 27)) ? monday.plusDays(1) : monday);
        }
        assertThat(digestsByDay.keySet()).containsExactlyElementsOf(expected);
        assertThat(expected).contains(LocalDate.of(2093, 4, 14), LocalDate.of(2093, 4, 28)).doesNotContain(LocalDate.of(2093, 4, 13));
        assertThat(digestsByDay.keySet()).allMatch(day -> day.getDayOfWeek() == DayOfWeek.MONDAY || day.getDayOfWeek() == DayOfWeek.TUESDAY);

        for (List<MimeMessage> digests : digestsByDay.values()) {
            // One each; nobody without open tasks (the wethouder, beheer) and not the adviser, who switched it off.
            assertThat(ReminderMailTest.to(digests)).doesNotHaveDuplicates().contains("ambtenaar.baarn@example.org")
                    .doesNotContain("adviseur@example.org", "wethouder.baarn@example.org", "beheer@example.org");
        }
        // The adviser still got the reminders before the inventory's deadline.
        assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).startsWith("Herinnering: Inventarisatie Baarn")))
                .extracting(m -> m.getAllRecipients()[0].toString()).contains("adviseur@example.org");

        MimeMessage first = to("ambtenaar.baarn@example.org", digestsByDay.get(LocalDate.of(2093, 1, 12)));
        assertThat(subject(first)).matches("Weekoverzicht week 3: \\d+ open ta(ak|ken)");
        String text = ReminderMailTest.part(first, "text/plain");
        assertThat(text).contains("Beste ", "maandag 12 januari 2093", "Inventarisatie Baarn", "gemeente Baarn · Inclusie en diversiteit 2093-2094",
                "Deadline: vrijdag 24 april 2093",
                "https://samenwerken.example.org/camunda/app/tasklist/default/#/?task=" + inventory.getId(),
                "https://samenwerken.example.org/dashboard/weekoverzicht").doesNotContain("verstreken");
        int listed = text.split("\n- ", -1).length - 1;
        assertThat(subject(first)).startsWith("Weekoverzicht week 3: " + listed + " open ta");
        assertThat(ReminderMailTest.part(first, "text/html")).contains("lang=\"nl\"", "Uw open taken", "Zet het weekoverzicht uit");

        // After its deadline the task is marked in words, and the subject counts it.
        MimeMessage late = to("ambtenaar.baarn@example.org", digestsByDay.get(LocalDate.of(2093, 5, 4)));
        assertThat(subject(late)).contains("1 over de deadline");
        assertThat(ReminderMailTest.part(late, "text/plain")).contains("Deadline: vrijdag 24 april 2093 – deadline verstreken");

        assertThat(jdbc.queryForObject("select count(*) from mail_message where kind = ? and recipient = ? and status = ?", Integer.class,
                MailKind.WEEKOVERZICHT.name(), "ambtenaar.baarn", MailStatus.VERZONDEN.name())).isEqualTo(expected.size());

        // Switched on again, the adviser's next Monday brings one.
        assertThat(adviser.postForm("/dashboard/weekoverzicht", Map.of("weekoverzicht", "aan"), adviser.csrfTokenOf("/dashboard/weekoverzicht"))
                .statusCode()).isEqualTo(302);
        driver.travelTo("2093-05-11T12:00:00");
        assertThat(ReminderMailTest.to(newDigests(seen))).contains("adviseur@example.org", "ambtenaar.baarn@example.org");
    }

    @Test
    @Order(2)
    void aPersonSwitchesTheDigestOffAndOnInTheBrowserForThemselvesOnly() throws Exception {
        ClockUtil.setCurrentTime(ProcessDriver.at("2094-03-02T12:00:00"));
        String programme = programmes.start(new NewProgramme("Inclusie en diversiteit 2094-2095", LocalDate.of(2094, 1, 1),
                LocalDate.of(2095, 12, 31), List.of("soest"), null, null, null, null, null, null), "projectleider").getId();
        Task inventory = driver.task(programme + "-soest", "inventarisatie-opstellen");

        try (Browser browser = Browser.open(port)) {
            browser.login("ambtenaar.soest").go("/dashboard");
            browser.click(By.xpath("//a[normalize-space(.)='Weekoverzicht per e-mail']"));
            assertThat(browser.visible(By.id("stand")).getText()).isEqualTo("Het weekoverzicht staat voor u aan.");
            assertThat(browser.driver().findElement(By.linkText("Inventarisatie Soest")).getAttribute("href"))
                    .endsWith("/camunda/app/tasklist/default/#/?task=" + inventory.getId());
            browser.assertAccessible("the weekly digest page, switched on");
            browser.click(By.xpath("//button[normalize-space(.)='Zet het weekoverzicht uit']"));
            assertThat(browser.visible(By.cssSelector(".melding[role='status']")).getText())
                    .isEqualTo("Het weekoverzicht staat uit. De herinneringen vlak voor een deadline blijven komen.");
            assertThat(browser.visible(By.id("stand")).getText()).isEqualTo("Het weekoverzicht staat voor u uit.");
            browser.screenshot("weekoverzicht");
            browser.assertAccessible("the weekly digest page, switched off");
        }

        // Monday 8 March 2094: the adviser hears of the inventory they may pick up; ambtenaar.soest does not.
        Set<String> seen = new HashSet<>();
        driver.travelTo("2094-03-08T12:00:00");
        List<String> monday = ReminderMailTest.to(newDigests(seen));
        assertThat(monday).contains("adviseur@example.org").doesNotContain("ambtenaar.soest@example.org");

        // A forged value or a post without the page's token changes nothing.
        Http officer = Http.browser(port);
        officer.login("ambtenaar.soest", "demo");
        HttpResponse<String> forged = officer.postForm("/dashboard/weekoverzicht", Map.of("weekoverzicht", "misschien"),
                officer.csrfTokenOf("/dashboard/weekoverzicht"));
        assertThat(forged.statusCode()).isEqualTo(302);
        assertThat(officer.get("/dashboard/weekoverzicht", "text/html").body())
                .contains("Kies of u het weekoverzicht wilt ontvangen: aan of uit.", "<strong>uit</strong>");
        assertThat(officer.postForm("/dashboard/weekoverzicht", Map.of("weekoverzicht", "aan"), null).statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForList("select user_id from digest_opt_out", String.class)).containsExactly("ambtenaar.soest");

        // Switched on again, the next Monday brings the digest.
        assertThat(officer.postForm("/dashboard/weekoverzicht", Map.of("weekoverzicht", "aan"), officer.csrfTokenOf("/dashboard/weekoverzicht"))
                .statusCode()).isEqualTo(302);
        driver.travelTo("2094-03-15T12:00:00");
        List<MimeMessage> next = newDigests(seen);
        assertThat(ReminderMailTest.part(to("ambtenaar.soest@example.org", next), "text/plain")).contains("Inventarisatie Soest");
    }

    /** The digests that arrived since the last look; GreenMail lists its mails by mailbox, not in order of arrival. */
    private static List<MimeMessage> newDigests(Set<String> seen) throws Exception {
        List<MimeMessage> digests = new ArrayList<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            if (seen.add(mail.getMessageID()) && subject(mail).startsWith("Weekoverzicht week ")) {
                digests.add(mail);
            }
        }
        return digests;
    }

    private static MimeMessage to(String address, List<MimeMessage> mails) throws Exception {
        for (MimeMessage mail : mails) {
            if (mail.getAllRecipients()[0].toString().equals(address)) {
                return mail;
            }
        }
        throw new AssertionError("No mail to " + address + " among " + ReminderMailTest.to(mails));
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
