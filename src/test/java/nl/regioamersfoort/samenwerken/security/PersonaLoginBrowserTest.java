package nl.regioamersfoort.samenwerken.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.regioamersfoort.samenwerken.Browser;
import nl.regioamersfoort.samenwerken.DemoApplicationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 16: on the demo's login page every demo person is one click away, with their role in words;
 * after logging in, "Zo werkt het" walks a newcomer through one cycle. Both pages pass axe-core.
 * (The production profile offers no such list: ProductionProfileOnPostgresTest.)
 */
@DemoApplicationTest
class PersonaLoginBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void oneClickLogsInAsADemoPersonAndZoWerktHetExplainsTheCycle() {
        try (Browser browser = Browser.open(port)) {
            browser.go("/login");
            List<String> personas = browser.driver().findElements(By.cssSelector("button[data-persoon]")).stream()
                    .map(button -> button.getText().replace('\n', ' ')).toList();
            assertThat(personas).hasSize(DemoUsers.USERS.size())
                    .contains("Sanne Vermeulen Projectleider van het programma", "Fatima El Amrani Beleidsambtenaar Baarn",
                            "Johan Mulder Wethouder Baarn", "Henk Willems Lid van het BOSD");
            browser.assertAccessible("/login");
            browser.screenshot("inloggen-als-demopersoon");

            browser.click(By.cssSelector("button[data-persoon='ambtenaar.baarn']"));
            browser.waitFor(ExpectedConditions.urlContains("/camunda/app/tasklist"));
            assertThat(browser.visible(By.cssSelector(".start-process-action a")).getText()).contains("Proces starten");
            assertThat(browser.pageText()).contains("Fatima El Amrani");

            browser.go("/dashboard");
            browser.click(By.xpath("//nav//a[normalize-space(.)='Zo werkt het']"));
            assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("Zo werkt het");
            assertThat(browser.pageText()).contains("Eén cyclus, stap voor stap", "bespreekt die met de wethouder", "Inbreng voor de regio");
            browser.assertAccessible("/dashboard/zo-werkt-het");
        }
    }
}
