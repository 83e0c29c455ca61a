package nl.regioamersfoort.samenwerken.traject;

import java.util.List;
import nl.regioamersfoort.samenwerken.besluit.Decisions;
import nl.regioamersfoort.samenwerken.besluit.SubjectType;
import nl.regioamersfoort.samenwerken.platform.form.FormInput;
import nl.regioamersfoort.samenwerken.platform.web.ApiRefusal;
import nl.regioamersfoort.samenwerken.security.Roles;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plan's activities during execution, and R-01 on the server: an activity task can neither be
 * shown nor completed unless the latest decision on that very activity is the wethouder's akkoord,
 * whatever variables a client sends.
 */
// Public: the process models call it by bean name, and JUEL invokes only public classes' methods.
@Component("localActivities")
public class LocalActivities {

    static final String MESSAGE_PROPOSED = "ActiviteitVoorgesteld";
    /** Handed from the proposal to the sub-process it starts, and removed there. */
    private static final String PROPOSED = "voorgesteldeActiviteit";

    private final LocalActivityRepository activities;
    private final LocalTrackRepository tracks;
    private final Decisions decisions;
    private final RuntimeService runtimeService;

    LocalActivities(LocalActivityRepository activities, LocalTrackRepository tracks, Decisions decisions, RuntimeService runtimeService) {
        this.activities = activities;
        this.tracks = tracks;
        this.decisions = decisions;
        this.runtimeService = runtimeService;
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

    /**
     * "Nieuwe activiteit tijdens de uitvoering" started by the message of {@link #propose}: the new
     * activity becomes this sub-process's own, so that proposals made one after another each keep
     * theirs.
     */
    public void takeProposal(DelegateExecution execution) {
        Object proposed = execution.getVariable(PROPOSED);
        execution.removeVariable(PROPOSED);
        execution.setVariableLocal("activiteitId", proposed);
        execution.setVariableLocal("activiteitBesluit", null);
    }

    /**
     * A beleidsambtenaar proposes a new activity or conversation while the track is in execution;
     * like every activity it first goes to the wethouder. Returns the new activity's id.
     */
    @Transactional
    public long propose(String trackId, Object rawTitle, Object rawPartners, Authentication caller) {
        LocalTrack track = tracks.findById(trackId == null ? "" : trackId)
                .orElseThrow(() -> ApiRefusal.notFound("Dit gemeentetraject bestaat niet."));
        String municipality = track.getMunicipalityCode();
        if (caller == null || caller.getAuthorities().stream().noneMatch(a -> Roles.beleidsambtenaar(municipality).equals(a.getAuthority()))) {
            throw ApiRefusal.forbidden("Alleen een beleidsambtenaar van deze gemeente stelt een nieuwe activiteit voor.");
        }
        if (track.getPhase() != Phase.UITVOERING) {
            throw ApiRefusal.conflict("Het traject is niet in uitvoering: neem de activiteit op in het maatwerkplan.");
        }
        String title = FormInput.requiredText(rawTitle, "titel", 500);
        List<LocalActivity> plan = activities.findByTrackIdOrderByPositionAsc(trackId);
        if (plan.stream().anyMatch(a -> a.getStatus() != ActivityStatus.VERVALLEN && a.getTitle().equalsIgnoreCase(title))) {
            throw FormInput.invalid("De activiteit '" + title + "' staat al in het plan: een activiteit komt niet twee keer in het plan.");
        }
        int position = plan.stream().mapToInt(LocalActivity::getPosition).max().orElse(-1) + 1;
        LocalActivity activity = activities.save(new LocalActivity(trackId, position, title));
        if (rawPartners != null) {
            activity.namePartners(FormInput.requiredText(rawPartners, "partners", 500));
        }
        try {
            runtimeService.createMessageCorrelation(MESSAGE_PROPOSED).processInstanceBusinessKey(trackId)
                    .setVariable(PROPOSED, String.valueOf(activity.getId())).correlate();
        } catch (MismatchingMessageCorrelationException notInExecution) {
            throw ApiRefusal.conflict("Het traject is niet in uitvoering: neem de activiteit op in het maatwerkplan.");
        }
        return activity.getId();
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
        task.setVariableLocal("activiteitPartners", activity.getPartners());
    }

    /** The result; or, where the activity did not go ahead ("doorgegaan": nee), the reason. */
    public void carryOut(DelegateTask task) {
        LocalActivity activity = approved(task);
        FormInput form = FormInput.of(task);
        String result = form.text("resultaat");
        if (form.offers("doorgegaan") && "nee".equals(form.choice("doorgegaan"))) {
            activity.notHeld(result);
        } else {
            activity.carriedOut(result);
        }
        form.consumed("resultaat", "doorgegaan");
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
