package nl.regioamersfoort.samenwerken.budget;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Starts an activity money request, for the API and the page alike: checked first (a refusal
 * starts nothing), then the process {@code activiteitengeld-aanvraag} under the municipality's case.
 */
@Component
class ActivityMoneyApplications {

    /** A started request: its id, and its process instance (already ended when the rules refused it at once). */
    record Started(Object requestId, String processInstanceId) {
    }

    private final ActivityMoney activityMoney;
    private final RuntimeService runtimeService;

    ActivityMoneyApplications(ActivityMoney activityMoney, RuntimeService runtimeService) {
        this.activityMoney = activityMoney;
        this.runtimeService = runtimeService;
    }

    /** Who may ask: a beleidsambtenaar of that municipality, or the projectleider. */
    static boolean mayApply(Authentication caller, String municipalityCode) {
        return caller != null && caller.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("beleidsambtenaar-" + municipalityCode) || a.getAuthority().equals("projectleider"));
    }

    Started apply(String programmeId, String municipalityCode, String activity, Object amount, List<String> targetGroups,
            String visibility, Long localActivityId) {
        activityMoney.read(programmeId, municipalityCode, activity, amount, targetGroups, visibility, localActivityId);
        Map<String, Object> variables = new HashMap<>();
        variables.put("programmaId", programmeId);
        variables.put("gemeente", municipalityCode);
        variables.put("activiteit", activity);
        variables.put("bedrag", String.valueOf(amount));
        variables.put("doelgroepen", String.join(",", targetGroups == null ? List.of() : targetGroups));
        variables.put("zichtbaarheid", visibility);
        variables.put("lokaleActiviteitId", localActivityId);
        // With the variables in return: a request the rules refuse at once ends its process before this call returns.
        ProcessInstanceWithVariables instance = runtimeService.createProcessInstanceByKey("activiteitengeld-aanvraag")
                .businessKey(Programmes.trackKey(programmeId, municipalityCode))
                .setVariables(variables)
                .executeWithVariablesInReturn();
        return new Started(instance.getVariables().get("aanvraagId"), instance.getId());
    }
}
