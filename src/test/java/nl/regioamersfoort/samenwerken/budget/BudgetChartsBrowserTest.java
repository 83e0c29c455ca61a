package nl.regioamersfoort.samenwerken.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import nl.regioamersfoort.samenwerken.Browser;
import nl.regioamersfoort.samenwerken.DemoApplicationTest;
import nl.regioamersfoort.samenwerken.Http;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 16: the projectleider sees the year's money and hours as three bar charts on "Geld en uren",
 * each a figure with a caption and its numbers in words, bars as wide as their share (from the
 * stylesheet: the pages refuse inline styles). The page passes axe-core, colour contrast included;
 * whoever may not see the programme's money does not get the page.
 */
@DemoApplicationTest
class BudgetChartsBrowserTest {

    static final int YEAR = 2097;

    @Autowired
    ProcessEngine engine;
    @Autowired
    Programmes programmes;
    @LocalServerPort
    int port;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theProjectleiderSeesTheBudgetAsChartsWithTheNumbersInWords() throws Exception {
        String programme = BudgetYear.bookFirstQuarter(engine, programmes, port, YEAR).programme;

        try (Browser browser = Browser.open(port)) {
            browser.login("projectleider").go("/dashboard");
            browser.click(By.xpath("//section[@aria-labelledby='programma-" + programme + "']//a[normalize-space(.)='Geld en uren: terugbetalingen en begroting']"));
            browser.visible(By.id("in-beeld"));
            List<WebElement> figures = browser.driver().findElements(By.cssSelector("figure.grafiek"));
            assertThat(figures).extracting(f -> f.findElement(By.tagName("figcaption")).getText()).containsExactly(
                    "Geld van het ministerie (OCW) in 2097: toegedeeld, toegekend en over. Een volle balk is het budget van € 50.000,00.",
                    "Activiteitengeld per gemeente in 2097: gebruikt (toegekend min terugbetaald) en over. Een volle balk is het budget van de"
                            + " gemeente, het gevulde deel is gebruikt.",
                    "Adviesuren in 2097, per maand van boeking opgeteld, tegen het jaarplafond van 40 uur. Een volle balk is het plafond; bij 80%"
                            + " (32 uur) en bij 100% krijgt de projectleider een signaal.");
            assertThat(row(browser, "grafiek-ministerie", "Toegekend aan activiteiten (min terugbetalingen)"))
                    .isEqualTo("Toegekend aan activiteiten (min terugbetalingen) € 10.000,00 (20% van het budget)");
            assertThat(row(browser, "grafiek-activiteitengeld", "Baarn")).isEqualTo("Baarn € 2.500,00 gebruikt (25%), € 7.500,00 over van € 10.000,00");
            assertThat(row(browser, "grafiek-activiteitengeld", "Leusden")).isEqualTo("Leusden € 7.500,00 gebruikt (75%), € 2.500,00 over van € 10.000,00");
            assertThat(row(browser, "grafiek-adviesuren", "Maart")).isEqualTo("Maart 10 uur, samen 42 van 40 uur (105%): 2 uur boven het plafond");

            // The bars are drawn as wide as their share of the track, and the one over the cap stops at its end.
            assertThat(share(browser, "grafiek-activiteitengeld", "Baarn")).isCloseTo(0.25, offset(0.01));
            assertThat(share(browser, "grafiek-activiteitengeld", "Leusden")).isCloseTo(0.75, offset(0.01));
            assertThat(share(browser, "grafiek-adviesuren", "Februari")).isCloseTo(0.80, offset(0.01));
            assertThat(share(browser, "grafiek-adviesuren", "Maart")).isCloseTo(1.0, offset(0.01));
            assertThat(browser.refusedByContentSecurityPolicy()).isEmpty();
            browser.screenshot("budget-grafieken");
            browser.assertAccessible("the money page with the budget's charts");

            browser.login("wethouder.baarn").go("/dashboard/programma/" + programme + "/geld");
            assertThat(browser.driver().findElements(By.cssSelector("figure.grafiek"))).isEmpty();
        }
        for (String other : new String[] {"wethouder.baarn", "ambtenaar.baarn", "adviseur", "beheer"}) {
            Http session = Http.browser(port);
            session.login(other, "demo");
            assertThat(session.get("/dashboard/programma/" + programme + "/geld", "text/html").statusCode()).as(other).isEqualTo(403);
        }
    }

    private static WebElement chartRow(Browser browser, String chart, String label) {
        return browser.visible(By.xpath("//table[@aria-labelledby='" + chart + "']//tr[th[normalize-space(.)='" + label + "']]"));
    }

    private static String row(Browser browser, String chart, String label) {
        return chartRow(browser, chart, label).getText().replaceAll("\\s+", " ").strip();
    }

    private static double share(Browser browser, String chart, String label) {
        WebElement row = chartRow(browser, chart, label);
        WebElement track = row.findElement(By.cssSelector(".grafiek__spoor"));
        int border = track.getCssValue("border-left-width").equals("3px") ? 6 : 2;
        return row.findElement(By.cssSelector(".grafiek__balk")).getRect().getWidth() / (double) (track.getRect().getWidth() - border);
    }
}
