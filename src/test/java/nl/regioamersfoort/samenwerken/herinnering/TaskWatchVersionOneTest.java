package nl.regioamersfoort.samenwerken.herinnering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import nl.regioamersfoort.samenwerken.DemoApplicationTest;
import nl.regioamersfoort.samenwerken.ProcessDriver;
import nl.regioamersfoort.samenwerken.platform.mail.Outbox;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A watch started before version 2 of {@code taakbewaking} (with its copies of the task's due date,
 * creation time and programme in variables, and the reminder moments as a multi-instance) goes on
 * after the upgrade: its reminders on their days, its escalation, and its end when the task is done.
 * Its own application context: deploying version 1 again makes it the latest one.
 */
@DemoApplicationTest
@TestPropertySource(properties = "samenwerken.test.context=taakbewaking-versie-1")
class TaskWatchVersionOneTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    Programmes programmes;
    @Autowired
    Outbox outbox;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aWatchOfVersionOneRemindsEscalatesAndEndsAsBefore() {
        ProcessDriver driver = new ProcessDriver(engine);
        String programme = ReminderCalendarTest.withFiveWorkingDays(programmes, "baarn");
        String track = programme + "-baarn";
        Task inventory = driver.task(track, "inventarisatie-opstellen");

        // The inventory's watch as version 1 left it running: its own version 2 watch goes, a version 1 one takes over.
        var runtime = engine.getRuntimeService();
        runtime.createProcessInstanceQuery().processDefinitionKey(TaskWatch.PROCESS_KEY).processInstanceBusinessKey(inventory.getId())
                .list().forEach(watch -> runtime.deleteProcessInstance(watch.getId(), "replaced by a version 1 watch"));
        engine.getRepositoryService().createDeployment().name("taakbewaking versie 1")
                .addClasspathResource("herinnering/taakbewaking-versie-1.bpmn").deploy();
        ProcessDefinition versionOne = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(TaskWatch.PROCESS_KEY).versionTag("1").latestVersion().singleResult();
        runtime.startProcessInstanceById(versionOne.getId(), inventory.getId(), Map.of("taakId", inventory.getId(),
                "deadline", inventory.getDueDate(), DeadlineMail.CREATED, inventory.getCreateTime(), "programmaId", programme));

        ReminderCalendarTest.everyMorning(driver, LocalDate.of(2022, 1, 11), LocalDate.of(2022, 5, 6), Map.of(LocalDate.of(2022, 4, 28),
                () -> driver.complete(track, "inventarisatie-opstellen", "ambtenaar.baarn", "watSpeeltLokaal", "Situatie",
                        "mogelijkeVervolgstap", "Stap")));

        // As ReminderCalendarTest has them from a version 2 watch.
        assertThat(ReminderCalendarTest.mails(outbox, "Inventarisatie Baarn")).containsExactlyInAnyOrder(
                "2022-04-19 HERINNERING adviseur", "2022-04-19 HERINNERING ambtenaar.baarn", "2022-04-27 ESCALATIE projectleider");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(TaskWatch.PROCESS_KEY)
                .processInstanceBusinessKey(inventory.getId()).count()).as("the version 1 watch ended with its task").isZero();
    }
}
