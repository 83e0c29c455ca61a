package nl.regioamersfoort.samenwerken.rapportage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import nl.regioamersfoort.samenwerken.Browser;
import nl.regioamersfoort.samenwerken.DemoApplicationTest;
import nl.regioamersfoort.samenwerken.ProcessDriver;
import nl.regioamersfoort.samenwerken.programma.Programme;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The human journey in headless Chromium: the projectleider starts a programme from Tasklist's start
 * form, wethouder.baarn decides on Baarn's inventory in the Camunda Form, the dashboard shows Baarn's
 * next phase, and the stuurgroep sees nothing of it that was not shared. Screenshots of every step
 * are kept in target/screenshots. The tracking pages pass axe-core without serious or critical findings.
 */
@DemoApplicationTest
class TrackingJourneyBrowserTest {

    static final String INVENTORY = "Ontmoetingsplekken voor LHBTI+ jongeren ontbreken";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProcessEngine engine;
    @Autowired
    Programmes programmes;
    @LocalServerPort
    int port;

    @Test
    void fromStartFormToWethouderDecisionToDashboard() {
        try (Browser browser = Browser.open(port)) {
            // The projectleider starts the programme in Tasklist.
            browser.login("projectleider");
            browser.clickable(By.xpath("//a[@ng-click='open()'][.//span[contains(@class,'glyphicon-list-alt')]]")).click();
            browser.clickable(By.xpath("//a[contains(normalize-space(.), 'Programma inclusie en diversiteit')]")).click();
            browser.visible(By.cssSelector("input[id$='-Field_naam']")).sendKeys("Inclusie en diversiteit 2027-2028");
            // A Dutch browser writes dates day first, as Dutch people do.
            date(browser, "start", "1-1-2027");
            date(browser, "einde", "31-12-2028");
            // Left empty, every member on the start date would take part; here two by name.
            browser.visible(By.cssSelector("input[id$='-Field_gemeenten']")).sendKeys("Baarn, Leusden");
            browser.screenshot("1-projectleider-startformulier");
            browser.click(By.cssSelector("button[ng-click='startProcessInstance()']"));
            browser.waitFor(d -> programmes.all().stream().anyMatch(p -> p.getName().equals("Inclusie en diversiteit 2027-2028")));
            browser.screenshot("2-projectleider-programma-gestart");
            Programme programme = programmes.all().stream().filter(p -> p.getName().equals("Inclusie en diversiteit 2027-2028")).findFirst().orElseThrow();
            String baarn = programme.getId() + "-baarn";
            assertThat(programme.getStart()).isEqualTo(LocalDate.of(2027, 1, 1));
            assertThat(programme.getEnd()).isEqualTo(LocalDate.of(2028, 12, 31));

            // Baarn's beleidsambtenaar writes the inventory (engine API, as in Tasklist).
            ProcessDriver driver = new ProcessDriver(engine);
            driver.complete(baarn, "inventarisatie-opstellen", "ambtenaar.baarn", "watSpeeltLokaal", INVENTORY,
                    "mogelijkeVervolgstap", "Gesprek met de jongerenwerkers");

            // She discusses it with the wethouder and records the conversation in Tasklist: a record, not a decision.
            browser.login("ambtenaar.baarn");
            browser.click(By.xpath("//*[contains(@class,'filters')]//a[contains(normalize-space(.), 'Taken van mijn gemeente')]"));
            browser.clickable(By.xpath("//a[contains(normalize-space(.), 'Inventarisatie Baarn bespreken')]")).click();
            browser.clickable(By.cssSelector("[ng-click='claim()']")).click();
            browser.waitFor(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
            // Held today: a conversation is recorded after it took place.
            date(browser, "gespreksdatum", DateTimeFormatter.ofPattern("d-M-yyyy").format(LocalDate.now()));
            browser.visible(By.cssSelector("input[id$='-Field_deelnemers']")).sendKeys("Wethouder Baarn, beleidsambtenaar");
            browser.visible(By.cssSelector("textarea[id$='-Field_afspraken']")).sendKeys("Helder beeld, ga door met het maatwerkplan.");
            browser.click(By.cssSelector("input[id$='-Field_uitkomst-0']")); // verder
            browser.screenshot("3-ambtenaar-baarn-gesprek");
            browser.click(By.cssSelector("button[ng-click='complete()']"));
            // The job executor is off in tests; the test runs the engine's continuations itself.
            browser.waitFor(d -> {
                driver.runDueJobs();
                return driver.hasTask(baarn, "maatwerkplan-opstellen");
            });
            browser.screenshot("4-ambtenaar-baarn-afgerond");
            assertThat(jdbc.queryForObject("select participants from discussion where track_id = ?", String.class, baarn))
                    .isEqualTo("Wethouder Baarn, beleidsambtenaar");

            // The dashboard shows Baarn's next phase.
            browser.login("projectleider").go("/dashboard");
            By baarnRow = By.cssSelector("section[aria-labelledby='programma-" + programme.getId() + "'] tr[data-gemeente='baarn']");
            WebElement row = browser.visible(baarnRow);
            assertThat(row.getText()).contains("Maatwerkplan");
            browser.screenshot("5-dashboard-projectleider");

            // The stuurgroep sees Baarn's row but nothing Baarn did not share.
            browser.login("stuurgroep").go("/dashboard");
            assertThat(browser.visible(baarnRow).getText()).contains("Nog niets gedeeld")
                    .doesNotContain("Akkoord");
            assertThat(browser.pageText()).doesNotContain(INVENTORY);
            browser.go("/dashboard/rapportage/" + programme.getId());
            assertThat(browser.pageText()).contains("Voortgangsrapportage").doesNotContain(INVENTORY);
            browser.screenshot("6-dashboard-stuurgroep");
        }
    }

    @Test
    void theTrackingPagesPassAxeCore() {
        Programme programme = programmes.start(new nl.regioamersfoort.samenwerken.programma.NewProgramme("Toegankelijkheid 2027", java.time.LocalDate.of(2027, 1, 1),
                java.time.LocalDate.of(2027, 12, 31), List.of("baarn", "soest"), null, null, null, null, null, null), "projectleider");
        try (Browser browser = Browser.open(port)) {
            browser.login("projectleider");
            for (String page : List.of("/dashboard", "/dashboard/traject/" + programme.getId() + "-baarn", "/dashboard/regionaal/" + programme.getId(),
                    "/dashboard/rapportage/" + programme.getId(), "/dashboard/eindrapportage/" + programme.getId(), "/dashboard/traject/bestaat-niet")) {
                browser.go(page);
                browser.assertAccessible(page);
            }
        }
    }

    /** form-js' date field takes typed dates as mm/dd/yyyy; Enter closes its picker. */
    private static void date(Browser browser, String key, String value) {
        WebElement input = browser.visible(By.cssSelector("input[id$='-Field_" + key + "-date']"));
        input.click();
        input.sendKeys(value, Keys.ENTER);
    }
}
