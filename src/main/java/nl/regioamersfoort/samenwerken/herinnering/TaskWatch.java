package nl.regioamersfoort.samenwerken.herinnering;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Every user task with a due date, in every model, gets a {@code taakbewaking} instance that sends
 * its reminders and escalations; completing or deleting the task ends it. Hooked in at parse time,
 * so no model has to remember it.
 */
@Component
class TaskWatch extends AbstractProcessEnginePlugin {

    static final String PROCESS_KEY = "taakbewaking";
    static final String MESSAGE_TASK_DONE = "TaakAfgerond";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = new ArrayList<>();
        if (configuration.getCustomPreBPMNParseListeners() != null) {
            listeners.addAll(configuration.getCustomPreBPMNParseListeners());
        }
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                var taskDefinition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                taskDefinition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, TaskWatch::startWatching);
                taskDefinition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, TaskWatch::stopWatching);
                taskDefinition.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, TaskWatch::stopWatching);
            }
        });
        configuration.setCustomPreBPMNParseListeners(listeners);
    }

    private static void startWatching(DelegateTask task) {
        if (task.getDueDate() == null) {
            return;
        }
        Map<String, Object> variables = new java.util.HashMap<>();
        variables.put("taakId", task.getId());
        variables.put("deadline", task.getDueDate());
        variables.put(DeadlineMail.CREATED, task.getCreateTime());
        variables.put("programmaId", task.getVariable("programmaId"));
        task.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, task.getId(), variables);
    }

    private static void stopWatching(DelegateTask task) {
        task.getProcessEngineServices().getRuntimeService().createMessageCorrelation(MESSAGE_TASK_DONE)
                .processInstanceBusinessKey(task.getId())
                .correlateAll();
    }
}
