package nl.regioamersfoort.samenwerken.programma;

import java.util.ArrayList;
import java.util.List;
import nl.regioamersfoort.samenwerken.platform.engine.CurrentUser;
import nl.regioamersfoort.samenwerken.platform.form.FormInput;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stopping a programme period. It is the BOSD's choice at the feedback moment after the elections, or
 * beheer's: nothing a task or a case below the programme can raise. (It used to be an escalation, and
 * an escalation thrown from any task of a local track climbed through the call activities and ended
 * the whole programme.) A stop records GESTOPT with its reason, tells every open task of the
 * programme's own process instances why it closes, and then sends message {@value #MESSAGE} to that
 * one programme instance, by id; its interrupting event subprocess ends it with every track it called.
 */
// Public: the process model calls it by bean name, and JUEL invokes only public classes' methods.
@Component("programmeStop")
public class ProgrammeStop {

    static final String MESSAGE = "ProgrammaStoppen";
    private static final int MAX_REASON = 2000;
    private static final Logger log = LoggerFactory.getLogger(ProgrammeStop.class);

    private final Programmes programmes;
    private final RuntimeService runtimeService;
    private final TaskService taskService;

    ProgrammeStop(Programmes programmes, RuntimeService runtimeService, TaskService taskService) {
        this.programmes = programmes;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
    }

    /** "Programma stoppen en open taken toelichten": the BOSD chose to stop; its explanation is the reason. */
    public void afterFeedback(DelegateExecution execution) {
        record((String) execution.getVariable(ProgrammeProcess.PROGRAMME_ID), execution.getProcessInstanceId(),
                "Programma gestopt na de terugkoppeling: " + execution.getVariable("toelichting"));
    }

    /** End event "Stoppen doorgeven": the programme's own stop event subprocess takes over. */
    public void passOn(DelegateExecution execution) {
        correlate(execution.getProcessInstanceId());
    }

    /**
     * "Stop vastleggen", in the stop event subprocess: a stop that reached the programme instance in another way
     * (beheer correlating the message in Cockpit or over REST) is recorded too, so the programme never shows
     * LOPEND after its instance has ended.
     */
    public void confirm(DelegateExecution execution) {
        Programme programme = programmes.get((String) execution.getVariable(ProgrammeProcess.PROGRAMME_ID));
        if (programme.getStatus() == ProgrammeStatus.LOPEND) {
            String who = CurrentUser.of(execution);
            programmes.stop(programme.getId(), "Programma gestopt via de engine" + (who == null ? "" : " door " + who) + ".");
        }
    }

    /** Beheer stops a running programme at any moment. The caller's right to do so is checked by the controller. */
    @Transactional
    public Programme byAdministrator(String programmeId, String reason, String administrator) {
        Programme programme = programmes.get(programmeId);
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            throw FormInput.invalid("Geef de reden om het programma te stoppen.");
        }
        if (text.length() > MAX_REASON) {
            throw FormInput.invalid("De reden is te lang: maximaal " + MAX_REASON + " tekens.");
        }
        List<ProcessInstance> instances = runtimeService.createProcessInstanceQuery().processDefinitionKey(Programmes.PROCESS_KEY)
                .processInstanceBusinessKey(programme.getId()).variableValueEquals(ProgrammeProcess.PROGRAMME_ID, programme.getId()).list();
        if (programme.getStatus() != ProgrammeStatus.LOPEND || instances.isEmpty()) {
            throw new ProgrammeNotRunningException();
        }
        String recorded = "Programma gestopt door beheer (" + administrator + "): " + text;
        for (ProcessInstance instance : instances) {
            record(programme.getId(), instance.getId(), recorded);
            correlate(instance.getId());
        }
        log.info("Programme {} stopped by {}", programme.getId(), administrator);
        return programme;
    }

    private void record(String programmeId, String programmeInstanceId, String reason) {
        programmes.stop(programmeId, reason);
        for (String instanceId : withCalledInstances(programmeInstanceId)) {
            for (Task task : taskService.createTaskQuery().processInstanceId(instanceId).list()) {
                taskService.createComment(task.getId(), task.getProcessInstanceId(), "Gesloten: " + reason);
            }
        }
    }

    /**
     * The programme instance and everything it called, down to the wethouder gates of its tracks: exactly
     * what the stop ends. Found by the call hierarchy, never by business key: another programme's key can
     * start with this one's ({@code inclusie-2026-2027-4}), and a money request is a case of its own.
     */
    private List<String> withCalledInstances(String programmeInstanceId) {
        List<String> family = new ArrayList<>(List.of(programmeInstanceId));
        for (int i = 0; i < family.size(); i++) {
            runtimeService.createProcessInstanceQuery().superProcessInstanceId(family.get(i)).list()
                    .forEach(child -> family.add(child.getId()));
        }
        return family;
    }

    private void correlate(String programmeInstanceId) {
        ProgrammeNotRunningException.correlate(runtimeService.createMessageCorrelation(MESSAGE).processInstanceId(programmeInstanceId));
    }
}
