package nl.regioamersfoort.samenwerken.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import nl.regioamersfoort.samenwerken.Browser;
import nl.regioamersfoort.samenwerken.DemoApplicationTest;
import nl.regioamersfoort.samenwerken.ProcessDriver;
import nl.regioamersfoort.samenwerken.platform.time.DemoTime;
import nl.regioamersfoort.samenwerken.platform.time.EngineClock;
import nl.regioamersfoort.samenwerken.programma.ProgrammeStatus;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 16: the demo starts with the 2022-2023 programme of seed 000 in motion, worked on through the
 * real processes, and its time runs on from the demo date; it goes on there after a restart, and
 * beheer moves it forward from the dashboard, after which the outbox shows what fell due.
 */
@DemoApplicationTest
@TestPropertySource(properties = {"samenwerken.demo.programma-in-gang=true", "samenwerken.herinneringen.weekoverzicht=true"})
class DemoProgrammeTest {

    @Autowired
    Programmes programmes;
    @Autowired
    ProcessEngine engine;
    @Autowired
    TaskService taskService;
    @Autowired
    DemoTime demoTime;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    @Test
    void theDemoStartsWithTheProgrammeInMotionAndItsTimeRunsOnFromTheDemoDate() {
        assertThat(programmes.get(DemoProgramme.PROGRAMME).getStatus()).isEqualTo(ProgrammeStatus.LOPEND);
        assertThat(programmes.get(DemoProgramme.PROGRAMME).getParticipants()).extracting(p -> p.getMunicipalityCode())
                .containsExactlyInAnyOrder("amersfoort", "baarn", "bunschoten", "leusden", "soest", "woudenberg");
        // Baarn: inventory discussed and shared, plan adopted, in execution with one activity approved and money asked.
        assertThat(jdbc.queryForObject("select phase from local_track where id = ?", String.class, DemoProgramme.PROGRAMME + "-baarn"))
                .isEqualTo("UITVOERING");
        assertThat(jdbc.queryForList("select title || ': ' || status from local_activity where track_id = ? order by position", String.class,
                DemoProgramme.PROGRAMME + "-baarn")).containsExactly("Voorlichting op scholen: GOEDGEKEURD",
                "Gesprek met de sportverenigingen: VOORGESTELD");
        assertThat(jdbc.queryForObject("select count(*) from activity_money_request where municipality_code = 'baarn'", Integer.class))
                .isOne();
        assertThat(jdbc.queryForObject("select sum(hours) from ledger_entry", java.math.BigDecimal.class)).isEqualByComparingTo("5");
        // Leusden's wethouder asked for more; the beleidsambtenaar sees why.
        var leusden = taskService.createTaskQuery().processInstanceBusinessKey(DemoProgramme.PROGRAMME + "-leusden")
                .taskDefinitionKey("inventarisatie-opstellen").singleResult();
        assertThat(taskService.getVariableLocal(leusden.getId(), "terugkoppeling").toString()).contains("jongeren");
        // The regional overview is written and waits for the stuurgroep.
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(DemoProgramme.PROGRAMME + "-regio")
                .taskDefinitionKey("overzicht-onderwerpen-voorbereiden").count()).isOne();

        // The demo's time runs from the demo date (it is not frozen) ...
        LocalDateTime now = EngineClock.now();
        assertThat(now).isBetween(DemoProgramme.DEMO_DATE, DemoProgramme.DEMO_DATE.plusHours(1));
        // ... and a restart (the engine reads the stored offset before it starts) goes on there, not today.
        ClockUtil.reset();
        demoTime.preInit(null);
        assertThat(EngineClock.now()).isBetween(now, DemoProgramme.DEMO_DATE.plusHours(1));

        try (Browser browser = Browser.open(port)) {
            browser.login("beheer").go("/dashboard");
            browser.click(By.xpath("//a[normalize-space(.)='Demotijd vooruitzetten']"));
            browser.click(By.cssSelector("button[name='stap'][value='week']"));
            assertThat(browser.visible(By.cssSelector(".melding[role='status']")).getText()).startsWith("Het is nu maandag 23 mei 2022, 09:");
            browser.screenshot("demotijd");
            // The job executor is off in tests: the test runs what fell due.
            new ProcessDriver(engine).runDueJobs();
            assertThat(jdbc.queryForObject("select count(*) from mail_message where task_name like 'Inventarisatie Bunschoten%'", Integer.class))
                    .isPositive();
            // Monday: the weekly digest, whose weekday timer the demo date rescheduled from the real date.
            assertThat(jdbc.queryForObject("select count(*) from mail_message where kind = 'WEEKOVERZICHT' and recipient = 'ambtenaar.bunschoten'",
                    Integer.class)).isOne();
            browser.go("/outbox");
            assertThat(browser.pageText()).contains("Inventarisatie Bunschoten", "Weekoverzicht");

            // Forward only, from the page.
            browser.go("/demo/tijd");
            browser.visible(By.id("datum")).sendKeys("01012022");
            browser.click(By.cssSelector("form[aria-labelledby='naar-datum'] button[type='submit']"));
            assertThat(browser.visible(By.cssSelector(".melding.fout[role='alert']")).getText()).startsWith("De demotijd gaat alleen vooruit");
        }
        assertThat(EngineClock.now()).isAfter(LocalDateTime.of(2022, 5, 23, 9, 0));
    }
}
