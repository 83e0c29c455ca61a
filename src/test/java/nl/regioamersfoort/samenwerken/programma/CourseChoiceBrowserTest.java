package nl.regioamersfoort.samenwerken.programma;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import nl.regioamersfoort.samenwerken.Browser;
import nl.regioamersfoort.samenwerken.DemoApplicationTest;
import nl.regioamersfoort.samenwerken.ProcessDriver;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In Tasklist the BOSD chooses which plans to send back from the programme's own participants:
 * the checklist's options come from the reference data (a Json variable), not from a list in the
 * form, so a ninth municipality is data. Needs Debian's chromium and chromium-driver (see
 * TasklistIsolationBrowserTest).
 */
@DemoApplicationTest
class CourseChoiceBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    Programmes programmes;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theBosdSeesThisProgrammesParticipantsAsTheMunicipalitiesToSendBack() {
        ProcessDriver driver = new ProcessDriver(engine);
        String programme = ProcessDriver.startProgramme(programmes, 2069, LocalDate.of(2069, 3, 2), "baarn", "soest");
        driver.travelTo("2069-03-02T10:00:00");
        driver.complete(programme, "terugkoppeling-voorbereiden", "stuurgroep", "advies", "Doorgaan met iedereen");
        ClockUtil.reset();

        try (Browser browser = Browser.open(port)) {
            try {
                browser.login("bosd");
                browser.waitFor(ExpectedConditions.urlContains("/camunda/app/tasklist/"));
                browser.click(By.xpath("//*[contains(@class,'filters')]//a[contains(normalize-space(.), 'Taken van mijn gemeente')]"));
                browser.clickable(By.xpath("//a[contains(normalize-space(.), 'Koers kiezen na de verkiezingen')]")).click();
                // The checklist appears once the BOSD chooses to adjust.
                browser.clickable(By.cssSelector("[ng-click='claim()']")).click();
                browser.waitFor(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
                browser.click(By.cssSelector("input[id$='-Field_koers-1']"));
                browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[id*='Field_bijsturenGemeenten']")));
                List<WebElement> boxes = browser.driver().findElements(By.xpath("//input[@type='checkbox' and contains(@id, 'Field_bijsturenGemeenten')]"));
                browser.screenshot("tasklist-bosd-koers-kiezen");
                assertThat(browser.pageText()).contains("Baarn", "Soest").doesNotContain("Woudenberg", "Nijkerk");
                assertThat(boxes).hasSize(2);
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("tasklist-bosd-koers-kiezen-fout");
                throw e;
            }
        }
    }
}
