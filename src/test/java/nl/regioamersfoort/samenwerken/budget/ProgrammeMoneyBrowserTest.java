package nl.regioamersfoort.samenwerken.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import nl.regioamersfoort.samenwerken.Browser;
import nl.regioamersfoort.samenwerken.DemoApplicationTest;
import nl.regioamersfoort.samenwerken.Http;
import nl.regioamersfoort.samenwerken.ProcessDriver;
import nl.regioamersfoort.samenwerken.programma.Programme;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 16: the projectleider books a refund and corrects the yearly budget in the browser, with
 * this year's activity money per municipality in view. A refund above what was granted, and a
 * budget below what was already granted, are refused in Dutch and change nothing. The page passes
 * axe-core; a wethouder has no such page.
 */
@DemoApplicationTest
class ProgrammeMoneyBrowserTest {

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
    void theProjectleiderBooksARefundAndCorrectsTheBudgetInTheBrowser() {
        String programme = ProcessDriver.startProgramme(programmes, 2083, null, "baarn");
        String track = programme + "-baarn";
        ProcessDriver driver = new ProcessDriver(engine);
        driver.complete(track, "inventarisatie-opstellen", "ambtenaar.baarn", "watSpeeltLokaal", "Situatie", "mogelijkeVervolgstap", "Stap");
        driver.discuss(track, "baarn", "verder");
        driver.complete(track, "maatwerkplan-opstellen", "ambtenaar.baarn", "planSamenvatting", "Plan", "activiteiten", "Voorlichting");
        driver.discussAndAdoptPlan(track, "baarn");
        HttpResponse<String> money = Http.basic(port, "ambtenaar.baarn", "demo").post("/api/programmas/" + programme + "/activiteitengeld",
                "application/json", """
                        {"gemeente": "baarn", "activiteit": "Voorlichting", "bedrag": "750", "doelgroepen": ["LHBTI"],
                         "zichtbaarheid": "In de krant"}""");
        assertThat(money.statusCode()).as(money.body()).isEqualTo(201);
        driver.decideOn(track, "ACTIVITEITENGELD", "baarn", "akkoord");
        By status = By.cssSelector(".melding[role='status']");
        By refusal = By.cssSelector(".melding.fout[role='alert']");

        try (Browser browser = Browser.open(port)) {
            browser.login("projectleider").go("/dashboard");
            browser.click(By.xpath("//section[@aria-labelledby='programma-" + programme + "']//a[normalize-space(.)='Geld en uren: terugbetalingen en begroting']"));
            assertThat(row(browser, "Baarn")).isEqualTo("Baarn € 3.000,00 € 750,00 € 2.250,00");

            // More back than was granted: refused, nothing booked.
            browser.visible(By.id("bedrag")).sendKeys("1000");
            browser.visible(By.id("reden")).sendKeys("Niet doorgegaan");
            browser.click(By.cssSelector("form[aria-labelledby='terugbetalen'] button[type='submit']"));
            assertThat(browser.visible(refusal).getText()).isEqualTo("Er kan hoogstens € 750,00 van deze toekenning terugkomen.");
            assertThat(row(browser, "Baarn")).isEqualTo("Baarn € 3.000,00 € 750,00 € 2.250,00");

            browser.visible(By.id("bedrag")).sendKeys("250");
            browser.visible(By.id("reden")).sendKeys("De zaalhuur viel lager uit");
            browser.click(By.cssSelector("form[aria-labelledby='terugbetalen'] button[type='submit']"));
            assertThat(browser.visible(status).getText()).isEqualTo("€ 250,00 is teruggeboekt naar het activiteitengeld van Baarn.");
            assertThat(row(browser, "Baarn")).isEqualTo("Baarn € 3.000,00 € 500,00 € 2.500,00");

            // Less activity money than Baarn already has: refused, the budget stays.
            WebElement activityMoney = browser.visible(By.id("activiteitengeld-per-gemeente"));
            activityMoney.clear();
            activityMoney.sendKeys("400");
            browser.click(By.cssSelector("form[aria-labelledby='begroting'] button[type='submit']"));
            assertThat(browser.visible(refusal).getText())
                    .isEqualTo("Baarn kreeg in 2083 al € 500,00 toegekend: het activiteitengeld per gemeente kan niet lager zijn dan dat.");
            assertThat(programmes.get(programme).getActivityMoneyCents()).isEqualTo(300_000);

            fill(browser, "ministerie", "60.000");
            fill(browser, "activiteitengeld-per-gemeente", "3.500");
            fill(browser, "uren", "450");
            browser.click(By.cssSelector("form[aria-labelledby='begroting'] button[type='submit']"));
            assertThat(browser.visible(status).getText()).isEqualTo("De begroting is aangepast: € 60.000,00 van het ministerie, "
                    + "€ 3.500,00 activiteitengeld per gemeente en 450 adviesuren per jaar.");
            assertThat(row(browser, "Baarn")).isEqualTo("Baarn € 3.500,00 € 500,00 € 3.000,00");
            assertThat(browser.visible(By.cssSelector("ul[aria-labelledby='verantwoording']")).getText()).contains("pdf 2083", "csv voor Excel 2083");
            browser.screenshot("geld-en-uren");
            browser.assertAccessible("the projectleider's money page");

            browser.login("wethouder.baarn").go("/dashboard");
            assertThat(browser.driver().findElements(By.xpath("//a[normalize-space(.)='Geld en uren: terugbetalingen en begroting']"))).isEmpty();
        }
        Programme changed = programmes.get(programme);
        assertThat(changed.getMinistryBudgetCents()).isEqualTo(6_000_000);
        assertThat(changed.getAdviserHoursCap()).isEqualByComparingTo("450");
        assertThat(jdbc.queryForObject("select count(*) from ledger_entry where programme_id = ? and kind = 'TERUGBETALING'", Integer.class,
                programme)).isEqualTo(1);
        // The yearly account downloads in the session, from the page's link (the API's behind HTTP Basic is for machines).
        Http projectleider = Http.browser(port);
        projectleider.login("projectleider", "demo");
        HttpResponse<String> pdf = projectleider.get("/dashboard/programma/" + programme + "/verantwoording/2083.pdf", "application/pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF");
        HttpResponse<String> csv = projectleider.get("/dashboard/programma/" + programme + "/verantwoording/2083.csv", "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("Baarn");
        Http wethouder = Http.browser(port);
        wethouder.login("wethouder.baarn", "demo");
        assertThat(wethouder.get("/dashboard/programma/" + programme + "/geld", "text/html").statusCode()).isEqualTo(403);
        assertThat(wethouder.get("/dashboard/programma/" + programme + "/verantwoording/2083.pdf", "application/pdf").statusCode()).isEqualTo(403);
    }

    private static String row(Browser browser, String municipality) {
        return browser.visible(By.xpath("//table[@aria-labelledby='activiteitengeld']//tr[th[normalize-space(.)='" + municipality + "']]"))
                .getText().replaceAll("\\s+", " ").strip();
    }

    private static void fill(Browser browser, String id, String value) {
        WebElement field = browser.visible(By.id(id));
        field.clear();
        field.sendKeys(value);
    }
}
