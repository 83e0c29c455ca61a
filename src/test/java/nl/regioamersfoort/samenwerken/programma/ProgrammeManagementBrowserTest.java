package nl.regioamersfoort.samenwerken.programma;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import nl.regioamersfoort.samenwerken.Browser;
import nl.regioamersfoort.samenwerken.DemoApplicationTest;
import nl.regioamersfoort.samenwerken.Http;
import nl.regioamersfoort.samenwerken.ProcessDriver;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 16: what the projectleider and beheer did with curl they now do in the browser: the meeting
 * calendars of the stuurgroep and the BOSD, a municipality that joins, and a new portefeuillehouder
 * taking over the open wethouder tasks, and beheer stopping the programme. Each refusal shows the API's Dutch message and changes
 * nothing. The pages pass axe-core; a wethouder has no such pages.
 */
@DemoApplicationTest
class ProgrammeManagementBrowserTest {

    private static final String SUCCESSOR = "opvolger2088.baarn";

    @Autowired
    Programmes programmes;
    @Autowired
    IdentityService identityService;
    @LocalServerPort
    int port;

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        identityService.deleteUser(SUCCESSOR);
    }

    @Test
    void theProjectleiderPlansMeetingsAndLetsAMunicipalityJoinInTheBrowser() {
        ClockUtil.setCurrentTime(ProcessDriver.at("2088-02-01T10:00:00"));
        String programme = programmes.start(new NewProgramme("Inclusie en diversiteit 2088-2089", LocalDate.of(2088, 1, 1),
                LocalDate.of(2089, 12, 31), List.of("amersfoort", "baarn", "leusden"), null, null, null, null, null, null), "projectleider").getId();
        By status = By.cssSelector(".melding[role='status']");
        By refusal = By.cssSelector(".melding.fout[role='alert']");

        try (Browser browser = Browser.open(port)) {
            browser.login("projectleider").go("/dashboard");
            browser.click(By.xpath("//section[@aria-labelledby='programma-" + programme + "']//a[normalize-space(.)='Vergaderingen en deelnemende gemeenten']"));

            // A BOSD meeting the stuurgroep cannot prepare: refused in Dutch, the calendar stays as it was.
            List<LocalDate> bosdBefore = programmes.get(programme).getCalendar().meetings();
            date(browser, "bosd-" + (upcoming(bosdBefore) + 1), "2088-03-02");
            browser.click(By.cssSelector("form[aria-labelledby='vergaderingen'] button[type='submit']"));
            assertThat(browser.visible(refusal).getText()).startsWith("Voor de vergadering van het BOSD op 2 maart 2088 is geen vergadering van de stuurgroep");
            assertThat(programmes.get(programme).getCalendar().meetings()).isEqualTo(bosdBefore);

            // With a stuurgroep meeting before it, both are planned.
            date(browser, "stuurgroep-" + (upcoming(programmes.get(programme).getCalendar().steeringMeetings()) + 1), "2088-02-24");
            date(browser, "bosd-" + (upcoming(bosdBefore) + 1), "2088-03-02");
            browser.click(By.cssSelector("form[aria-labelledby='vergaderingen'] button[type='submit']"));
            assertThat(browser.visible(status).getText()).startsWith("De vergaderingen zijn opgeslagen.");
            assertThat(programmes.get(programme).getCalendar().meetings()).contains(LocalDate.of(2088, 3, 2));
            assertThat(programmes.get(programme).getCalendar().steeringMeetings()).contains(LocalDate.of(2088, 2, 24));
            assertThat(browser.visible(By.id("bosd-1")).getAttribute("value")).isEqualTo("2088-03-02");

            // Joining outside the programme's run: refused; then Eemnes joins from today.
            new Select(browser.visible(By.id("gemeente"))).selectByVisibleText("Eemnes");
            date(browser, "datum", "2095-01-01");
            browser.click(By.cssSelector("form[aria-labelledby='toetreden'] button[type='submit']"));
            assertThat(browser.visible(refusal).getText()).isEqualTo("De datum van toetreding valt buiten de looptijd van het programma.");
            assertThat(programmes.get(programme).participant("eemnes")).isEmpty();
            new Select(browser.visible(By.id("gemeente"))).selectByVisibleText("Eemnes");
            browser.click(By.cssSelector("form[aria-labelledby='toetreden'] button[type='submit']"));
            assertThat(browser.visible(status).getText()).startsWith("Eemnes doet mee");
            assertThat(programmes.get(programme).participant("eemnes")).hasValueSatisfying(p ->
                    assertThat(p.getJoinedOn()).isEqualTo(LocalDate.of(2088, 2, 1)));
            assertThat(browser.pageText()).contains("Eemnes", "1 februari 2088");
            browser.screenshot("programma-beheren");
            browser.assertAccessible("the projectleider's programme page");

            // A new portefeuillehouder in Baarn, whom beheer first made its wethouder.
            person(SUCCESSOR, "wethouder-baarn");
            browser.login("beheer").go("/dashboard");
            browser.click(By.xpath("//section[@aria-labelledby='programma-" + programme + "']//a[normalize-space(.)='Wissel van portefeuillehouder']"));
            new Select(browser.visible(By.id("gemeente"))).selectByVisibleText("Baarn");
            new Select(browser.visible(By.id("wethouder"))).selectByValue("wethouder.leusden");
            browser.click(By.cssSelector("form[aria-labelledby='wissel'] button[type='submit']"));
            assertThat(browser.visible(refusal).getText()).startsWith("'wethouder.leusden' is geen lid van de groep 'wethouder-baarn'.");
            assertThat(browser.pageText()).contains("Nog geen wisselingen in dit programma.");
            new Select(browser.visible(By.id("wethouder"))).selectByValue(SUCCESSOR);
            browser.click(By.cssSelector("form[aria-labelledby='wissel'] button[type='submit']"));
            assertThat(browser.visible(status).getText()).startsWith("De open wethoudertaken van Baarn gaan naar " + SUCCESSOR + ".");
            assertThat(browser.visible(By.cssSelector("table[aria-labelledby='eerder']")).getText()).contains("Baarn", SUCCESSOR, "beheer");
            browser.screenshot("portefeuillehouder-wisselen");
            browser.assertAccessible("the hand-over page");

            // Beheer's view of slowed logins, linked from the dashboard.
            browser.go("/dashboard");
            browser.click(By.xpath("//a[normalize-space(.)='Vertraagde aanmeldingen']"));
            assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("Vertraagde aanmeldingen");
            browser.assertAccessible("the slowed logins page");

            // Beheer stops the programme outside the feedback moment: a reason of spaces is no reason.
            browser.go("/dashboard");
            browser.click(By.xpath("//section[@aria-labelledby='programma-" + programme + "']//a[normalize-space(.)='Programma stoppen']"));
            browser.visible(By.id("reden")).sendKeys("   ");
            browser.click(By.cssSelector("form[aria-labelledby='stoppen'] button[type='submit']"));
            assertThat(browser.visible(refusal).getText()).isEqualTo("Geef de reden om het programma te stoppen.");
            assertThat(programmes.get(programme).getStatus()).isEqualTo(ProgrammeStatus.LOPEND);
            browser.visible(By.id("reden")).sendKeys("Het ministerie trekt de subsidie in.");
            browser.click(By.cssSelector("form[aria-labelledby='stoppen'] button[type='submit']"));
            assertThat(browser.visible(status).getText()).startsWith("Het programma is gestopt.");
            assertThat(browser.visible(By.id("gestopt")).getText()).contains("Het ministerie trekt de subsidie in.");
            assertThat(programmes.get(programme).getStatus()).isEqualTo(ProgrammeStatus.GESTOPT);
            browser.assertAccessible("the stop page");

            // A wethouder has none of these pages, nor a link to them.
            browser.login("wethouder.baarn").go("/dashboard");
            assertThat(browser.driver().findElements(By.xpath("//a[normalize-space(.)='Vergaderingen en deelnemende gemeenten']"))).isEmpty();
            assertThat(browser.driver().findElements(By.xpath("//a[normalize-space(.)='Wissel van portefeuillehouder']"))).isEmpty();
        }
        Http wethouder = Http.browser(port);
        wethouder.login("wethouder.baarn", "demo");
        assertThat(wethouder.get("/dashboard/programma/" + programme + "/beheren", "text/html").statusCode()).isEqualTo(403);
        assertThat(wethouder.get("/dashboard/programma/" + programme + "/portefeuillehouder", "text/html").statusCode()).isEqualTo(403);
        assertThat(wethouder.get("/dashboard/programma/" + programme + "/stoppen", "text/html").statusCode()).isEqualTo(403);
    }

    private static int upcoming(List<LocalDate> meetings) {
        return (int) meetings.stream().filter(d -> !d.isBefore(LocalDate.of(2088, 2, 1))).count();
    }

    /** A date field is filled the way the date picker does (its typed form depends on the browser's locale). */
    private static void date(Browser browser, String id, String isoDate) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];", browser.visible(By.id(id)), isoDate);
    }

    private void person(String id, String... groups) {
        User user = identityService.newUser(id);
        user.setFirstName("Nieuwe");
        user.setLastName("Wethouder");
        user.setEmail(id + "@example.org");
        user.setPassword("demo");
        identityService.saveUser(user);
        for (String group : groups) {
            identityService.createMembership(id, group);
        }
    }
}
