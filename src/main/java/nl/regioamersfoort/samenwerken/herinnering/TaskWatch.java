package nl.regioamersfoort.samenwerken.herinnering;

import java.util.Date;
import nl.regioamersfoort.samenwerken.platform.engine.EngineHooks;
import nl.regioamersfoort.samenwerken.platform.time.EngineClock;
import nl.regioamersfoort.samenwerken.platform.time.WorkingDays;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every user task with a due date, in every model, gets a {@code taakbewaking} instance that sends
 * its reminders and escalations; completing or deleting the task ends it. Hooked in at parse time,
 * so no model has to remember it. No task is born overdue: one whose due date passed before it was
 * created gets five working days instead.
 */
@Component
class TaskWatch extends AbstractProcessEnginePlugin {

    static final String PROCESS_KEY = "taakbewaking";
    static final String MESSAGE_TASK_DONE = "TaakAfgerond";
    /** How long a task gets that a model created after its own due date. */
    static final int GRACE_WORKING_DAYS = 5;

    private static final Logger log = LoggerFactory.getLogger(TaskWatch.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineHooks.addPreParseListener(configuration, new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                var taskDefinition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                taskDefinition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, TaskWatch::startWatching);
                taskDefinition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, TaskWatch::stopWatching);
                taskDefinition.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, TaskWatch::stopWatching);
                taskDefinition.addBuiltInTaskListener(TaskListener.EVENTNAME_UPDATE, TaskWatch::followDueDate);
            }
        });
    }

    private static void startWatching(DelegateTask task) {
        if (task.getDueDate() == null) {
            return;
        }
        if (!task.getDueDate().after(task.getCreateTime())) {
            // A due date that passed before the task existed would escalate at its birth: the person gets a working week.
            Date due = EngineClock.endOfWorkingDay(WorkingDays.plusWorkingDays(EngineClock.today(), GRACE_WORKING_DAYS));
            log.warn("Task '{}' ({}) was created after its due date {}; it is due {} instead", task.getName(), task.getId(),
                    task.getDueDate(), due);
            task.setDueDate(due);
        }
        watch(task);
    }

    /** No variables: the watch reads the due date, creation time and programme from the task itself. */
    private static void watch(DelegateTask task) {
        task.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, task.getId());
    }

    /**
     * Beheer moved, set or cleared the task's due date (nobody else may edit a task): its watch starts
     * again from the new one, so no reminder or escalation goes out at the old moments. Moments of the
     * new due date that already passed are not sent late.
     */
    private static void followDueDate(DelegateTask task) {
        if (!(task instanceof TaskEntity entity) || !entity.getPropertyChanges().containsKey(TaskEntity.DUE_DATE)) {
            return;
        }
        stopWatching(task);
        if (task.getDueDate() != null) {
            watch(task);
        }
    }

    private static void stopWatching(DelegateTask task) {
        task.getProcessEngineServices().getRuntimeService().createMessageCorrelation(MESSAGE_TASK_DONE)
                .processInstanceBusinessKey(task.getId())
                .correlateAll();
    }
}
