package nl.regioamersfoort.samenwerken.herinnering;

import nl.regioamersfoort.samenwerken.gemeente.Municipalities;
import nl.regioamersfoort.samenwerken.gemeente.Municipality;
import nl.regioamersfoort.samenwerken.platform.time.EngineClock;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** What a mail says about an open task: its name, municipality, programme and due date, for people. */
@Component
class TaskDescriptions {

    private final TaskService taskService;
    private final Municipalities municipalities;
    private final Programmes programmes;

    TaskDescriptions(TaskService taskService, Municipalities municipalities, Programmes programmes) {
        this.taskService = taskService;
        this.municipalities = municipalities;
        this.programmes = programmes;
    }

    /** The due date is null for a task without one. */
    TaskDeadline of(Task task) {
        String municipality = null;
        Object code = taskService.getVariable(task.getId(), "gemeente");
        if (code != null) {
            municipality = municipalities.byCode(code.toString()).map(Municipality::getName).orElse(null);
        }
        String programme = null;
        Object programmeId = taskService.getVariable(task.getId(), "programmaId");
        if (programmeId != null) {
            programme = programmes.get(programmeId.toString()).getName();
        }
        return new TaskDeadline(task.getId(), task.getName(), municipality,
                task.getDueDate() == null ? null : task.getDueDate().toInstant().atZone(EngineClock.ZONE).toLocalDate(), programme);
    }
}
