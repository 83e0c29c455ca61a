package nl.regioamersfoort.samenwerken.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.logging.Level;
import nl.regioamersfoort.samenwerken.DemoApplicationTest;
import nl.regioamersfoort.samenwerken.programma.NewProgramme;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
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

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String PROGRAMME = "inclusie-2044-2045";

    @LocalServerPort
    int port;
    @Autowired
    Programmes programmes;
    @Autowired
    TaskService taskService;

    ChromeDriver browser;

    @BeforeAll
    static void chromiumIsInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "required".equals(System.getenv("SAMENWERKEN_BROWSER_TESTS"))) {
            fail("SAMENWERKEN_BROWSER_TESTS=required, but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing: apt-get install -y chromium chromium-driver (see .ci/run)");
        }
        assumeTrue(installed, "Skipped: no " + CHROMIUM + " and " + CHROMEDRIVER + " (apt-get install -y chromium chromium-driver)");
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void leusdensPolicyOfficerSeesLeusdensTaskAndNoneOfBaarn() throws IOException {
        programmes.start(new NewProgramme("Inclusie en diversiteit 2044-2045", LocalDate.of(2044, 1, 1), LocalDate.of(2045, 12, 31),
                List.of("baarn", "leusden"), null, null, null, null, null, null), "projectleider");
        // Both municipalities have a task, so an empty Baarn in the list means isolation, not absence.
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(PROGRAMME + "-baarn").list())
                .extracting(task -> task.getName()).containsExactly("Inventarisatie Baarn");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(PROGRAMME + "-leusden").count()).isOne();

        browser = startChromium();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90));
        try {
            browser.get("http://localhost:" + port + "/login");
            browser.findElement(By.id("username")).sendKeys("ambtenaar.leusden");
            browser.findElement(By.id("password")).sendKeys("demo");
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist/"));

            By taskNames = By.cssSelector("ol.tasks-list li.task h4.task a");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(taskNames, "Inventarisatie Leusden"));
            List<String> listed = browser.findElements(taskNames).stream().map(WebElement::getText).map(String::strip).toList();
            screenshot("tasklist-ambtenaar-leusden.png");

            assertThat(listed).contains("Inventarisatie Leusden").noneMatch(name -> name.contains("Baarn"));
            assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("Baarn");
            // The webapps' own policy lets Tasklist run: the browser reported no refused script, style or request.
            List<String> refused = browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                    .filter(message -> message.contains("Content Security Policy") || message.contains("Refused to")).toList();
            assertThat(refused).isEmpty();

            // And she works it there: claim, fill in the Camunda Form, complete (CSRF token, form fields check, CSP all in play).
            browser.findElement(taskNames).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[ng-click='claim()']"))).click();
            fill(wait, "Wat speelt er lokaal?", "Jongeren zoeken een <b>ontmoetingsplek</b>");
            fill(wait, "Mogelijke vervolgstap", "Gesprek met het jongerenwerk");
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.btn-primary[ng-click='complete()']"))).click();
            wait.until(done -> taskService.createTaskQuery().processInstanceBusinessKey(PROGRAMME + "-leusden")
                    .taskDefinitionKey("inventarisatie-opstellen").count() == 0);
            screenshot("tasklist-ambtenaar-leusden-afgerond.png");
            assertThat(taskService.createTaskQuery().processInstanceBusinessKey(PROGRAMME + "-leusden").singleResult().getName())
                    .isEqualTo("Voorbereiden: Inventarisatie Leusden");
        } catch (RuntimeException | AssertionError e) {
            screenshot("tasklist-ambtenaar-leusden-fout.png");
            throw e;
        }
    }

    /** A Camunda Form field, found by its label as a person would. */
    private void fill(WebDriverWait wait, String label, String text) {
        WebElement labelElement = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//label[contains(normalize-space(.), '" + label + "')]")));
        WebElement field = wait.until(ExpectedConditions.elementToBeClickable(By.id(labelElement.getAttribute("for"))));
        field.clear();
        field.sendKeys(text);
    }

    private static ChromeDriver startChromium() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1000", "--lang=nl-NL",
                "--user-data-dir=" + Files.createTempDirectory("chromium-samenwerken"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        // The driver from Debian, never one Selenium Manager would download.
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
