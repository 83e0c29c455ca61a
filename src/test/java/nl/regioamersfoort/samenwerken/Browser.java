package nl.regioamersfoort.samenwerken;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for tests: Debian's headless Chromium driven through /usr/bin/chromedriver (no
 * driver downloads). Screenshots go to target/screenshots as test output.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final WebDriver driver;
    private final String baseUrl;

    private Browser(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    /**
     * Without Debian's chromium and chromium-driver the calling test is skipped, unless
     * SAMENWERKEN_BROWSER_TESTS=required (set by .ci/run, which installs them): then it fails.
     */
    public static Browser open(int port) {
        return open(port, "nl-NL");
    }

    /** A browser that asks for this language first (a BCP 47 tag, "en-US"): the webapps may pick theirs from it. */
    public static Browser open(int port, String language) {
        boolean installed = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
        if (!installed && "required".equals(System.getenv("SAMENWERKEN_BROWSER_TESTS"))) {
            throw new AssertionError("SAMENWERKEN_BROWSER_TESTS=required, but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing: apt-get install -y chromium chromium-driver (see .ci/run)");
        }
        Assumptions.assumeTrue(installed, "Skipped: no " + CHROMIUM + " and " + CHROMEDRIVER + " (apt-get install -y chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1280,1400", "--lang=" + language);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        // By default a Dutch civil servant's browser.
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language + "," + language.split("-")[0]));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        // Headless Chromium on Linux keeps en-US for Intl (Tasklist's date fields) whatever --lang says; a person's browser follows its language.
        // Its own <input type="date"> keeps the en-US order all the same.
        driver.executeCdpCommand("Emulation.setLocaleOverride", java.util.Map.of("locale", language));
        return new Browser(driver, "http://localhost:" + port);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Logs in on Samenwerken's own login page, as a person would. */
    public Browser login(String user) {
        driver.manage().deleteAllCookies();
        go("/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        return this;
    }

    public Browser go(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    public WebElement visible(By locator) {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    public WebElement clickable(By locator) {
        return waitFor(ExpectedConditions.elementToBeClickable(locator));
    }

    /** Clicks like a person who first scrolls the element into the middle of the screen (webapp footers cover the bottom). */
    public void click(By locator) {
        WebElement element = clickable(locator);
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        try {
            clickable(locator).click();
        } catch (org.openqa.selenium.ElementClickInterceptedException coveredByFooter) {
            // Tasklist's fixed footer covers the last pixels of its scrolling form pane.
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].click();", clickable(locator));
        }
    }

    public <T> T waitFor(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(condition);
    }

    /** What the browser refused under the pages' Content Security Policy. */
    public java.util.List<String> refusedByContentSecurityPolicy() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Refused to")).toList();
    }

    /** axe-core on the page as it is now: no serious or critical finding (WCAG AA: contrast, names, landmarks). */
    public void assertAccessible(String page) {
        Results results = new AxeBuilder().analyze(driver);
        assertThat(results.getViolations()).as("axe-core on %s", page)
                .filteredOn(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .extracting(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " "
                        + v.getNodes().stream().map(n -> n.getTarget().toString()).toList())
                .isEmpty();
        assertThat(results.getPasses()).extracting(Rule::getId)
                .as("axe-core ran on %s", page).contains("html-has-lang");
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
