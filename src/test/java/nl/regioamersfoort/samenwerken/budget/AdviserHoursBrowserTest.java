package nl.regioamersfoort.samenwerken.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import nl.regioamersfoort.samenwerken.Browser;
import nl.regioamersfoort.samenwerken.DemoApplicationTest;
import nl.regioamersfoort.samenwerken.Http;
import nl.regioamersfoort.samenwerken.ProcessDriver;
import nl.regioamersfoort.samenwerken.programma.NewProgramme;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 16: the adviser books hours in the browser, with the year's total against the cap in view;
 * a booking the rules refuse shows the API's Dutch message on the page and books nothing. Amersfoort,
 * regional only, is not on the list (R-05). The page passes axe-core.
 */
@DemoApplicationTest
class AdviserHoursBrowserTest {

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
    void theAdviserBooksHoursFromTheDashboardAndSeesTheTotalAgainstTheCap() {
        ClockUtil.setCurrentTime(ProcessDriver.at("2079-03-10T10:00:00"));
        String programme = programmes.start(new NewProgramme("Inclusie en diversiteit 2079-2080", LocalDate.of(2079, 1, 1),
                LocalDate.of(2080, 12, 31), List.of("amersfoort", "baarn"), null, null, null, null, null, null), "projectleider").getId();
        String page = "/dashboard/programma/" + programme + "/uren";

        try (Browser browser = Browser.open(port)) {
            browser.login("adviseur").go("/dashboard");
            browser.click(By.xpath("//a[normalize-space(.)='Uren boeken']"));
            assertThat(browser.visible(By.tagName("main")).getText()).contains("in 2079 zijn 0 van de 400 uur geboekt");
            Select municipality = new Select(browser.visible(By.id("gemeente")));
            assertThat(municipality.getOptions()).extracting(option -> option.getText())
                    .containsExactly("Regionaal werk (geen gemeente)", "Baarn");
            municipality.selectByVisibleText("Baarn");
            assertThat(browser.visible(By.id("datum")).getAttribute("value")).isEqualTo("2079-03-10");
            browser.visible(By.id("uren")).sendKeys("2,5");
            browser.visible(By.id("omschrijving")).sendKeys("Gesprek met de bibliotheek voorbereid");
            browser.click(By.cssSelector("form[aria-labelledby='boeken'] button[type='submit']"));
            assertThat(browser.visible(By.cssSelector(".melding[role='status']")).getText()).isEqualTo("2,5 uur geboekt.");
            assertThat(browser.visible(By.id("uren-geboekt")).getText()).isEqualTo("2,5");
            assertThat(browser.pageText()).contains("Gesprek met de bibliotheek voorbereid");
            browser.screenshot("uren-boeken");

            // More than a day's work in one booking: refused, in Dutch, and nothing is booked.
            browser.visible(By.id("uren")).sendKeys("30");
            browser.visible(By.id("omschrijving")).sendKeys("Te veel");
            browser.click(By.cssSelector("form[aria-labelledby='boeken'] button[type='submit']"));
            assertThat(browser.visible(By.cssSelector(".melding.fout[role='alert']")).getText())
                    .isEqualTo("Boek per keer meer dan 0 en hoogstens 24 uur, met hoogstens twee decimalen.");
            assertThat(browser.visible(By.id("uren")).getAttribute("value")).isEqualTo("30");
            browser.assertAccessible("the hours page with a refusal");

            // Another role has no such page, and no link to it.
            browser.login("projectleider").go("/dashboard");
            assertThat(browser.driver().findElements(By.xpath("//a[normalize-space(.)='Uren boeken']"))).isEmpty();
        }
        assertThat(jdbc.queryForObject("select sum(hours) from ledger_entry where programme_id = ?", java.math.BigDecimal.class, programme))
                .isEqualByComparingTo("2.5");
        Http officer = Http.browser(port);
        officer.login("ambtenaar.baarn", "demo");
        assertThat(officer.get("/dashboard/programma/" + programme + "/uren", "text/html").statusCode()).isEqualTo(403);
    }
}
