package nl.regioamersfoort.samenwerken.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import nl.regioamersfoort.samenwerken.Browser;
import nl.regioamersfoort.samenwerken.DemoApplicationTest;
import nl.regioamersfoort.samenwerken.Http;
import nl.regioamersfoort.samenwerken.ProcessDriver;
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
 * Issue 16: Tasklist as a civil servant whose browser asks for English sees it. It is Dutch, the form's
 * own validation messages included; there is no Camunda 8 migration banner and no "Create task", and
 * a task's dates and groups, which the engine does not let a person change, are not offered for editing.
 */
@DemoApplicationTest
class TasklistFitsItsUsersBrowserTest {

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
    void anEnglishBrowserGetsDutchTasklistWithoutBannerOrCreateTask() {
        String programme = ProcessDriver.startProgramme(programmes, 2089, null, "baarn");
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

            // An open task: its due date and groups are shown, not offered for editing; no follow-up date to set.
            browser.go("/camunda/app/tasklist/");
            browser.click(By.xpath("//*[contains(@class,'filters')]//a[contains(normalize-space(.), 'Taken van mijn gemeente')]"));
            browser.clickable(By.xpath("//a[contains(normalize-space(.), 'Inventarisatie Baarn')]")).click();
            WebElement due = browser.visible(By.cssSelector("[cam-tasklist-task-meta] .due-date"));
            assertThat(due.getCssValue("pointer-events")).isEqualTo("none");
            assertThat(browser.visible(By.cssSelector("[cam-tasklist-task-meta] li.groups")).getCssValue("pointer-events")).isEqualTo("none");
            assertThat(browser.driver().findElements(By.cssSelector("[cam-tasklist-task-meta] .followup-date")))
                    .allSatisfy(followUp -> assertThat(followUp.isDisplayed()).isFalse());
        }
        // Hidden, and refused too: a due date of one's own choosing does not pass the REST door.
        org.camunda.bpm.engine.task.Task inventory = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(programme + "-baarn")
                .taskDefinitionKey("inventarisatie-opstellen").singleResult();
        assertThat(Http.basic(port, "ambtenaar.baarn", "demo").put("/engine-rest/task/" + inventory.getId(), "application/json",
                "{\"name\": \"" + inventory.getName() + "\", \"due\": \"2099-01-01T00:00:00.000+0100\"}").statusCode()).isEqualTo(403);
        assertThat(engine.getTaskService().createTaskQuery().taskId(inventory.getId()).singleResult().getDueDate())
                .isEqualTo(inventory.getDueDate());
        // Hidden, and refused too: a task of one's own is not created through the REST door either.
        assertThat(Http.basic(port, "ambtenaar.baarn", "demo").post("/engine-rest/task/create", "application/json",
                "{\"name\": \"Eigen taak\"}").statusCode()).isEqualTo(403);
        assertThat(engine.getTaskService().createTaskQuery().taskName("Eigen taak").count()).isZero();
    }
}
