package nl.regioamersfoort.samenwerken.budget;

import static org.assertj.core.api.Assertions.assertThat;

import nl.regioamersfoort.samenwerken.Browser;
import nl.regioamersfoort.samenwerken.DemoApplicationTest;
import nl.regioamersfoort.samenwerken.Http;
import nl.regioamersfoort.samenwerken.ProcessDriver;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 16: the beleidsambtenaar asks for activity money from the case file, choosing one of the
 * activities the wethouder approved from a list instead of typing a programme or activity id; the
 * request then runs as one from Tasklist does, to the wethouder's decision. A request above what is left
 * is refused in Dutch on the page and stores nothing. The page passes axe-core.
 */
@DemoApplicationTest
class ActivityMoneyBrowserTest {

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
    void theBeleidsambtenaarAsksMoneyForAnApprovedActivityChosenFromAList() {
        String programme = ProcessDriver.startProgramme(programmes, 2053, null, "baarn", "leusden");
        String track = programme + "-baarn";
        ProcessDriver driver = new ProcessDriver(engine);
        driver.complete(track, "inventarisatie-opstellen", "ambtenaar.baarn", "watSpeeltLokaal", "Situatie", "mogelijkeVervolgstap", "Stap");
        driver.discuss(track, "baarn", "verder");
        driver.complete(track, "maatwerkplan-opstellen", "ambtenaar.baarn", "planSamenvatting", "Plan", "activiteiten",
                "Voorlichting op scholen | GGD\nBuurtfeest");
        driver.discussAndAdoptPlan(track, "baarn");
        // The wethouder approves the first activity; the second still waits for a decision.
        org.camunda.bpm.engine.TaskService tasks = engine.getTaskService();
        driver.complete(tasks.createTaskQuery().processInstanceBusinessKey(track).taskDefinitionKey("besluit-voorbereiden")
                .taskNameLike("%: Voorlichting op scholen").singleResult(), "ambtenaar.baarn", "voorstel", "Graag uw besluit.");
        driver.complete(tasks.createTaskQuery().processInstanceBusinessKey(track).taskDefinitionKey("besluit-nemen")
                .taskNameLike("%: Voorlichting op scholen").singleResult(), "wethouder.baarn", "uitkomst", "akkoord", "motivering", "Goed plan.");
        By submit = By.cssSelector("form[aria-labelledby='aanvragen'] button[type='submit']");

        try (Browser browser = Browser.open(port)) {
            browser.login("ambtenaar.baarn").go("/dashboard/traject/" + track);
            browser.click(By.id("activiteitengeld-aanvragen"));
            assertThat(browser.visible(By.id("geld-over")).getText()).isEqualTo("€ 3.000,00");
            Select activity = new Select(browser.visible(By.id("lokaleActiviteit")));
            // Only what the wethouder approved: the activity still waiting for a decision is not offered.
            assertThat(activity.getOptions()).extracting(option -> option.getText())
                    .containsExactly("Geen activiteit uit het plan: ik vul hieronder een naam in", "Voorlichting op scholen");
            activity.selectByVisibleText("Voorlichting op scholen");
            browser.visible(By.id("bedrag")).sendKeys("750,00");
            browser.click(By.id("doelgroep-LHBTI"));
            browser.visible(By.id("zichtbaarheid")).sendKeys("Leerlingen horen verhalen van LHBTI+-jongeren uit Baarn.");
            browser.screenshot("activiteitengeld-aanvragen");
            browser.click(submit);
            assertThat(browser.visible(By.cssSelector(".melding[role='status']")).getText())
                    .startsWith("Uw aanvraag voor 'Voorlichting op scholen' is ingediend.");
            assertThat(browser.pageText()).contains("Voorlichting op scholen", "€ 750,00", "Ingediend");

            // More than the year's money: refused on the page, in Dutch, with what was typed kept; nothing stored.
            Integer before = jdbc.queryForObject("select count(*) from activity_money_request", Integer.class);
            new Select(browser.visible(By.id("lokaleActiviteit"))).selectByVisibleText("Voorlichting op scholen");
            browser.visible(By.id("bedrag")).sendKeys("5000");
            browser.click(By.id("doelgroep-ANDERS"));
            browser.visible(By.id("zichtbaarheid")).sendKeys("Nog een keer.");
            browser.click(submit);
            assertThat(browser.visible(By.cssSelector(".melding.fout[role='alert']")).getText())
                    .startsWith("Het bedrag is hoger dan wat er dit jaar over is voor Baarn:");
            assertThat(browser.visible(By.id("bedrag")).getAttribute("value")).isEqualTo("5000");
            assertThat(jdbc.queryForObject("select count(*) from activity_money_request", Integer.class)).isEqualTo(before);
            browser.assertAccessible("the activity money page with a refusal");

            // The wethouder reads the case file but asks for no money: no link.
            browser.login("wethouder.baarn").go("/dashboard/traject/" + track);
            assertThat(browser.driver().findElements(By.id("activiteitengeld-aanvragen"))).isEmpty();
        }
        Long request = jdbc.queryForObject("select id from activity_money_request where programme_id = ?", Long.class, programme);
        assertThat(jdbc.queryForObject("select local_activity_id from activity_money_request where id = ?", Long.class, request))
                .isEqualTo(jdbc.queryForObject("select id from local_activity where track_id = ? and title = 'Voorlichting op scholen'",
                        Long.class, track));
        assertThat(jdbc.queryForObject("select status from activity_money_request where id = ?", String.class, request)).isEqualTo("INGEDIEND");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("activiteitengeld-aanvraag")
                .processInstanceBusinessKey(track).count()).as("the request runs, to the wethouder's decision").isEqualTo(1);
        Http wethouder = Http.browser(port);
        wethouder.login("wethouder.baarn", "demo");
        assertThat(wethouder.get("/dashboard/traject/" + track + "/activiteitengeld", "text/html").statusCode()).isEqualTo(403);
        Http otherMunicipality = Http.browser(port);
        otherMunicipality.login("ambtenaar.leusden", "demo");
        assertThat(otherMunicipality.get("/dashboard/traject/" + track + "/activiteitengeld", "text/html").statusCode()).isEqualTo(404);
    }
}
