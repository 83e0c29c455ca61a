package nl.regioamersfoort.samenwerken.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import nl.regioamersfoort.samenwerken.Browser;
import nl.regioamersfoort.samenwerken.DemoApplicationTest;
import nl.regioamersfoort.samenwerken.programma.NewProgramme;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The real Tasklist in a real browser (headless Chromium): Leusden's policy officer logs in on our
 * login page, sees Leusden's task and nothing of Baarn, and completes it with its Camunda Form. It
 * also shows that the webapps run under their Content Security Policy without the browser refusing
 * anything, and that a real form submission passes the form-fields check and the CSRF filter.
 *
 * <p>Needs Debian's chromium and chromium-driver. Without them the test is skipped, unless
 * SAMENWERKEN_BROWSER_TESTS=required (set by .ci/run, which installs them): then it fails.
 */
@DemoApplicationTest
class TasklistIsolationBrowserTest {

    private static final String PROGRAMME = "inclusie-2044-2045";

    @LocalServerPort
    int port;
    @Autowired
    Programmes programmes;
    @Autowired
    TaskService taskService;

    @Test
    void leusdensPolicyOfficerSeesLeusdensTaskAndNoneOfBaarn() {
        programmes.start(new NewProgramme("Inclusie en diversiteit 2044-2045", LocalDate.of(2044, 1, 1), LocalDate.of(2045, 12, 31),
                List.of("baarn", "leusden"), null, null, null, null, null, null), "projectleider");
        // Both municipalities have a task, so an empty Baarn in the list means isolation, not absence.
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(PROGRAMME + "-baarn").list())
                .extracting(task -> task.getName()).containsExactly("Inventarisatie Baarn");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(PROGRAMME + "-leusden").count()).isOne();

        try (Browser browser = Browser.open(port)) {
            try {
                browser.login("ambtenaar.leusden");
                browser.waitFor(ExpectedConditions.urlContains("/camunda/app/tasklist/"));
                browser.click(By.xpath("//*[contains(@class,'filters')]//a[contains(normalize-space(.), 'Taken van mijn gemeente')]"));
                By taskNames = By.cssSelector("ol.tasks-list li.task h4.task a");
                browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(taskNames, "Inventarisatie Leusden"));
                List<String> listed = browser.driver().findElements(taskNames).stream().map(WebElement::getText).map(String::strip).toList();
                browser.screenshot("tasklist-ambtenaar-leusden");

                assertThat(listed).contains("Inventarisatie Leusden").noneMatch(name -> name.contains("Baarn"));
                assertThat(browser.pageText()).doesNotContain("Baarn");
                // The webapps' own policy lets Tasklist run: the browser reported no refused script, style or request.
                assertThat(browser.refusedByContentSecurityPolicy()).isEmpty();

                // And she works it there: claim, fill in the Camunda Form, complete (CSRF token, form fields check, CSP all in play).
                browser.click(taskNames);
                browser.click(By.cssSelector("[ng-click='claim()']"));
                fill(browser, "Wat speelt er lokaal?", "Jongeren zoeken een <b>ontmoetingsplek</b>");
                fill(browser, "Mogelijke vervolgstap", "Gesprek met het jongerenwerk");
                browser.click(By.cssSelector("button.btn-primary[ng-click='complete()']"));
                browser.waitFor(done -> taskService.createTaskQuery().processInstanceBusinessKey(PROGRAMME + "-leusden")
                        .taskDefinitionKey("inventarisatie-opstellen").count() == 0);
                browser.screenshot("tasklist-ambtenaar-leusden-afgerond");
                assertThat(taskService.createTaskQuery().processInstanceBusinessKey(PROGRAMME + "-leusden").singleResult().getName())
                        .isEqualTo("Inventarisatie Leusden bespreken met de wethouder");
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("tasklist-ambtenaar-leusden-fout");
                throw e;
            }
        }
    }

    /** A Camunda Form field, found by its label as a person would. */
    private static void fill(Browser browser, String label, String text) {
        WebElement labelElement = browser.waitFor(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//label[contains(normalize-space(.), '" + label + "')]")));
        WebElement field = browser.clickable(By.id(labelElement.getAttribute("for")));
        field.clear();
        field.sendKeys(text);
    }
}
