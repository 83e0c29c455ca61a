package nl.regioamersfoort.samenwerken.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import nl.regioamersfoort.samenwerken.Browser;
import nl.regioamersfoort.samenwerken.DemoApplicationTest;
import nl.regioamersfoort.samenwerken.Http;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 16: Tasklist as a civil servant whose browser asks for English sees it. It is Dutch, the form's
 * own validation messages included; there is no Camunda 8 migration banner and no "Create task".
 */
@DemoApplicationTest
class TasklistFitsItsUsersBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;

    @Test
    void anEnglishBrowserGetsDutchTasklistWithoutBannerOrCreateTask() {
        try (Browser browser = Browser.open(port, "en-US")) {
            browser.login("ambtenaar.baarn");
            WebElement start = browser.visible(By.cssSelector(".start-process-action a"));
            assertThat(start.getText()).contains("Proces starten");
            assertThat(browser.pageText()).doesNotContain("Start process", "Create task", "It is time to migrate");
            assertThat(browser.driver().findElements(By.cssSelector(".ce-eol-banner"))).allSatisfy(banner -> assertThat(banner.isDisplayed()).isFalse());
            assertThat(browser.driver().findElements(By.cssSelector(".create-task-action"))).allSatisfy(action -> assertThat(action.isDisplayed()).isFalse());

            // A start form sent without its required fields: form-js's own message, in Dutch.
            browser.click(By.cssSelector(".start-process-action a"));
            browser.clickable(By.xpath("//a[contains(normalize-space(.), 'Inbreng voor de regio')]")).click();
            browser.visible(By.cssSelector("textarea[id$='-Field_tekst']"));
            browser.click(By.cssSelector("button[ng-click='startProcessInstance()']"));
            WebElement error = browser.visible(By.cssSelector(".fjs-form-field-error li"));
            browser.waitFor(driver -> error.getText().equals("Vul dit veld in."));
            browser.screenshot("tasklist-engelse-browser");
            assertThat(browser.pageText()).doesNotContain("Field is required");
        }
        // Hidden, and refused too: a task of one's own is not created through the REST door either.
        assertThat(Http.basic(port, "ambtenaar.baarn", "demo").post("/engine-rest/task/create", "application/json",
                "{\"name\": \"Eigen taak\"}").statusCode()).isEqualTo(403);
        assertThat(engine.getTaskService().createTaskQuery().taskName("Eigen taak").count()).isZero();
    }
}
