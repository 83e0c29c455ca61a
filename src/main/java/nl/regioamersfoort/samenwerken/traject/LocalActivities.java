package nl.regioamersfoort.samenwerken.traject;

import java.util.List;
import nl.regioamersfoort.samenwerken.besluit.Decisions;
import nl.regioamersfoort.samenwerken.besluit.SubjectType;
import nl.regioamersfoort.samenwerken.platform.form.FormInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The plan's activities during execution, and R-01 on the server: an activity task can neither be
 * shown nor completed unless the latest decision on that very activity is the wethouder's akkoord,
 * whatever variables a client sends.
 */
// Public: the process models call it by bean name, and JUEL invokes only public classes' methods.
@Component("localActivities")
public class LocalActivities {

    private final LocalActivityRepository activities;
    private final Decisions decisions;

    LocalActivities(LocalActivityRepository activities, Decisions decisions) {
        this.activities = activities;
        this.decisions = decisions;
    }

    /**
     * The collection of the multi-instance: every proposal in the plan that still needs a decision,
     * and every approved activity not yet carried out. Execution starts again after the BOSD's
     * "bijsturen"; what the wethouder approved before is not lost, and is not put to them again.
     */
    public List<String> toHandle(String trackId) {
        return activities.findByTrackIdOrderByPositionAsc(trackId).stream()
                .filter(a -> a.getStatus() == ActivityStatus.VOORGESTELD || a.getStatus() == ActivityStatus.GOEDGEKEURD)
                .map(a -> String.valueOf(a.getId()))
                .toList();
    }

    /** Approved before and not yet carried out: straight to execution, where the akkoord is checked again. */
    public boolean isApproved(Object activityId) {
        return activity(activityId).getStatus() == ActivityStatus.GOEDGEKEURD;
    }

    public String title(Object activityId) {
        return activity(activityId).getTitle();
    }

    /** After the gate: the decision is in the audit trail; the activity follows it. */
    public void decided(DelegateExecution execution) {
        LocalActivity activity = activity(execution.getVariable("activiteitId"));
        String outcome = (String) execution.getVariable("activiteitBesluit");
        if ("akkoord".equals(outcome)) {
            activity.moveTo(ActivityStatus.GOEDGEKEURD);
        } else if ("afwijzen".equals(outcome)) {
            activity.moveTo(ActivityStatus.AFGEWEZEN);
        }
    }

    public void show(DelegateTask task) {
        LocalActivity activity = approved(task);
        task.setVariableLocal("activiteitTitel", activity.getTitle());
    }

    public void carryOut(DelegateTask task) {
        LocalActivity activity = approved(task);
        FormInput form = FormInput.of(task);
        activity.carriedOut(form.text("resultaat"));
        form.consumed("resultaat");
    }

    private LocalActivity approved(DelegateTask task) {
        String trackId = task.getExecution().getProcessBusinessKey();
        LocalActivity activity = activity(task.getExecution().getVariable("activiteitId"));
        String municipality = trackId.substring(trackId.lastIndexOf('-') + 1);
        boolean sameTrack = activity.getTrackId().equals(trackId);
        if (!sameTrack || !decisions.isApproved(SubjectType.ACTIVITEIT, String.valueOf(activity.getId()), "wethouder-" + municipality)) {
            throw FormInput.invalid("De activiteit '" + activity.getTitle() + "' heeft geen akkoord van de wethouder van deze "
                    + "gemeente. Zonder besluit van de wethouder wordt een lokale activiteit niet uitgevoerd (R-01).");
        }
        return activity;
    }

    private LocalActivity activity(Object id) {
        if (id == null) {
            throw FormInput.invalid("Geen activiteit bij deze taak.");
        }
        long activityId;
        try {
            activityId = Long.parseLong(id.toString());
        } catch (NumberFormatException e) {
            throw FormInput.invalid("Onbekende activiteit: " + FormInput.quoted(id) + ".");
        }
        return activities.findById(activityId).orElseThrow(() -> FormInput.invalid("Onbekende activiteit: " + FormInput.quoted(id) + "."));
    }
}
