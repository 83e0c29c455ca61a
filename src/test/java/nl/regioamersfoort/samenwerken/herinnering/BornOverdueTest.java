package nl.regioamersfoort.samenwerken.herinnering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import nl.regioamersfoort.samenwerken.DemoApplicationTest;
import nl.regioamersfoort.samenwerken.ProcessDriver;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A model that creates a task after its own due date (a meeting task due on the meeting day, an
 * evaluation due at the end of the period it follows) would escalate it at once. The task watch
 * gives such a task five working days instead, so nobody gets an escalation for a task they have
 * never seen.
 */
@DemoApplicationTest
class BornOverdueTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aTaskCreatedAfterItsDueDateGetsAWorkingWeekAndNoEscalationAtBirth() {
        engine.getRepositoryService().createDeployment().name("Te laat geboren")
                .addModelInstance("te-laat-geboren.bpmn", Bpmn.createExecutableProcess("te-laat-geboren").camundaHistoryTimeToLive(1)
                        .startEvent().userTask("te-laat").name("Te laat geboren").camundaCandidateGroups("projectleider")
                        .camundaDueDate("${verlopen}").endEvent().done())
                .deploy();
        // Thursday 2 March 2051; the due date was the Monday before.
        ClockUtil.setCurrentTime(ProcessDriver.at("2051-03-02T10:00:00"));
        engine.getRuntimeService().startProcessInstanceByKey("te-laat-geboren", "te-laat-geboren",
                Map.of("verlopen", ProcessDriver.at("2051-02-27T17:00:00")));

        Task task = engine.getTaskService().createTaskQuery().processDefinitionKey("te-laat-geboren").singleResult();
        assertThat(task.getDueDate()).isEqualTo(ProcessDriver.at("2051-03-09T17:00:00"));
        ProcessDriver driver = new ProcessDriver(engine);
        driver.runDueJobs();
        assertThat(jdbc.queryForObject("select count(*) from mail_message where task_id = ?", Integer.class, task.getId())).isZero();

        // A week later the reminders and the escalation follow the new due date.
        driver.travelTo("2051-03-10T10:00:00");
        assertThat(jdbc.queryForObject("select count(*) from mail_message where task_id = ? and kind = 'ESCALATIE'", Integer.class,
                task.getId())).isPositive();
    }
}
