package nl.regioamersfoort.samenwerken.traject;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.regioamersfoort.samenwerken.Browser;
import nl.regioamersfoort.samenwerken.DemoApplicationTest;
import nl.regioamersfoort.samenwerken.ProcessDriver;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Seed 000 §6 and issue 15: during execution a beleidsambtenaar proposes a new activity from the
 * track's case file, in the browser; the wethouder decides first. A second proposal of the
 * same activity is refused in Dutch on the page and changes nothing. The page passes axe-core.
 */
@DemoApplicationTest
class ActivityProposalBrowserTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    Programmes programmes;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theBeleidsambtenaarProposesANewActivityFromTheCaseFileAndTheWethouderDecidesFirst() {
        String programme = ProcessDriver.startProgramme(programmes, 2051, null, "baarn");
        String track = programme + "-baarn";
        ProcessDriver driver = new ProcessDriver(engine);
        driver.complete(track, "inventarisatie-opstellen", "ambtenaar.baarn", "watSpeeltLokaal", "Situatie", "mogelijkeVervolgstap", "Stap");
        driver.discuss(track, "baarn", "verder");
        driver.complete(track, "maatwerkplan-opstellen", "ambtenaar.baarn", "planSamenvatting", "Plan", "activiteiten", "Voorlichting | GGD");
        driver.discussAndAdoptPlan(track, "baarn");
        By form = By.cssSelector("form[aria-labelledby='voorstellen']");

        try (Browser browser = Browser.open(port)) {
            // The wethouder reads the case file, and proposes nothing: that is the beleidsambtenaar's.
            browser.login("wethouder.baarn").go("/dashboard/traject/" + track);
            assertThat(browser.pageText()).contains("Voorlichting", "GGD", "Bij de wethouder");
            assertThat(browser.driver().findElements(form)).isEmpty();

            browser.login("ambtenaar.baarn").go("/dashboard/traject/" + track);
            browser.visible(By.id("titel")).sendKeys("Gesprek met de moskee");
            browser.visible(By.id("partners")).sendKeys("Moskeebestuur");
            browser.screenshot("activiteit-voorstellen");
            browser.click(By.cssSelector("form[aria-labelledby='voorstellen'] button[type='submit']"));
            assertThat(browser.visible(By.cssSelector(".melding[role='status']")).getText())
                    .contains("De activiteit 'Gesprek met de moskee' is voorgesteld. De wethouder besluit eerst (R-01)");
            assertThat(browser.pageText()).contains("Gesprek met de moskee", "Moskeebestuur");
            List<String> gates = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(track)
                    .taskDefinitionKey("besluit-voorbereiden").list().stream().map(task -> task.getName()).toList();
            assertThat(gates).contains("Voorbereiden: Gesprek met de moskee");

            // The same activity twice: refused on the page, in Dutch, with what was typed kept.
            Integer before = jdbc.queryForObject("select count(*) from local_activity where track_id = ?", Integer.class, track);
            browser.visible(By.id("titel")).sendKeys("Gesprek met de moskee");
            browser.click(By.cssSelector("form[aria-labelledby='voorstellen'] button[type='submit']"));
            assertThat(browser.visible(By.cssSelector(".melding.fout[role='alert']")).getText())
                    .isEqualTo("De activiteit 'Gesprek met de moskee' staat al in het plan: een activiteit komt niet twee keer in het plan.");
            assertThat(browser.visible(By.id("titel")).getAttribute("value")).isEqualTo("Gesprek met de moskee");
            assertThat(jdbc.queryForObject("select count(*) from local_activity where track_id = ?", Integer.class, track)).isEqualTo(before);
            browser.screenshot("activiteit-voorstellen-geweigerd");

            browser.assertAccessible("the case file with a refused proposal");
        }
    }
}
