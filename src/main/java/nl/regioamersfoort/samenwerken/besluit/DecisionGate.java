package nl.regioamersfoort.samenwerken.besluit;

import java.time.LocalDate;
import nl.regioamersfoort.samenwerken.platform.engine.CurrentUser;
import nl.regioamersfoort.samenwerken.platform.engine.OwnedProcesses;
import nl.regioamersfoort.samenwerken.platform.form.FormInput;
import nl.regioamersfoort.samenwerken.platform.time.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * The process glue of {@code wethouder-besluit}: the reusable gate where the beleidsambtenaar
 * prepares and the wethouder (or the college) decides. The decision is stored before the gate
 * returns its outcome, and only a member of the deciding group can take it.
 */
// Public: the process models call it by bean name, and JUEL invokes only public classes' methods.
@Component("decisionGate")
public class DecisionGate {

    static final String PROCESS_KEY = "wethouder-besluit";

    /** The process definitions this feature owns. */
    @Bean
    static OwnedProcesses decisionProcesses() {
        return OwnedProcesses.local(PROCESS_KEY);
    }

    static final String DECISION_ID = "besluitId";
    /** Set by the caller when the beleidsambtenaar records a decision the college took (the plan's adoption). */
    static final String COLLEGE_DECISION = "collegebesluit";
    /** On a consent request: the wethouder says to whom it may be shared; regionally unless they say openbaar. */
    static final String CONSENT_REQUEST = "toestemmingsvraag";
    static final String AUDIENCE = "reikwijdte";

    private final DecisionRepository decisions;
    private final ConsentRepository consents;
    private final ApplicationEventPublisher events;

    DecisionGate(DecisionRepository decisions, ConsentRepository consents, ApplicationEventPublisher events) {
        this.decisions = decisions;
        this.consents = consents;
        this.events = events;
    }

    /** Service task "Besluit openen": the gate's inputs become a decision record. */
    public void open(DelegateExecution execution) {
        String type = (String) execution.getVariable("onderwerpType");
        Decision decision = decisions.save(new Decision(
                (String) execution.getVariable("programmaId"),
                (String) execution.getVariable("gemeente"),
                SubjectType.valueOf(type),
                String.valueOf(execution.getVariable("onderwerpReferentie")),
                (String) execution.getVariable("onderwerp"),
                (String) execution.getVariable("besluitnemerGroep"),
                (String) execution.getVariable("voorstelConcept"),
                execution.getProcessInstanceId()));
        execution.setVariable(DECISION_ID, decision.getId());
    }

    /**
     * Task "... voorbereiden" created: the subject to read (on the task) and the draft proposal to
     * edit (on the gate's own instance, where any client's submission lands).
     */
    public void showDraft(DelegateTask task) {
        Decision decision = decisionOf(task);
        task.setVariableLocal("onderwerp", decision.getSubject());
        task.getExecution().setVariable("voorstel", decision.getProposal());
    }

    public void saveProposal(DelegateTask task) {
        FormInput form = FormInput.of(task);
        String proposal = form.text("voorstel");
        decisionOf(task).propose(proposal, CurrentUser.of(task), EngineClock.now());
        form.consumed("voorstel");
    }

    /** Task "Besluit: ..." created: the decider reads subject and proposal; outcome and motivation stay on the task. */
    public void showProposal(DelegateTask task) {
        Decision decision = decisionOf(task);
        task.setVariableLocal("onderwerp", decision.getSubject());
        task.setVariableLocal("voorstel", decision.getProposal());
        task.setVariableLocal(COLLEGE_DECISION, Boolean.TRUE.equals(task.getExecution().getVariable(COLLEGE_DECISION)));
        // The decider chooses the audience of a consent, except where the question is the audience itself.
        task.setVariableLocal(CONSENT_REQUEST, decision.getSubjectType().isConsent()
                && decision.getSubjectType() != SubjectType.TOESTEMMING_OPENBAARMAKING);
    }

    /**
     * The college decided in its own meeting: the record names that decision by date and number.
     * Any other decision is the decider's own and has neither.
     */
    private static void recordCollegeDecision(FormInput input, Decision decision, boolean byCollege) {
        if (!input.offers("collegebesluitDatum")) {
            // A gate opened before the form had these fields; only the adoption of a newer track asks for them.
            return;
        }
        LocalDate date = input.date("collegebesluitDatum");
        String number = input.text("collegebesluitNummer");
        if (!byCollege) {
            // The form hides the fields here; whatever a client sends in them is checked above and not recorded.
            return;
        }
        if (date == null || number == null) {
            throw FormInput.invalid("Vul de datum en het nummer van het collegebesluit in: het college stelt het plan vast, "
                    + "u legt dat besluit vast.");
        }
        if (date.isAfter(EngineClock.today())) {
            throw FormInput.invalid("De datum van het collegebesluit ligt in de toekomst: leg het besluit vast nadat het college het nam.");
        }
        decision.recordCollegeDecision(date, number);
    }

    public void decide(DelegateTask task) {
        FormInput input = FormInput.of(task);
        Outcome outcome = Outcome.valueOf(input.choice("uitkomst").toUpperCase(java.util.Locale.ROOT));
        String motivation = input.text("motivering");
        Decision decision = decisionOf(task);
        String decider = CurrentUser.of(task);
        if (!CurrentUser.isMemberOf(task, decider, decision.getDecidingGroup())) {
            throw FormInput.invalid("Dit besluit kan alleen genomen worden door een lid van de groep '"
                    + decision.getDecidingGroup() + "'.");
        }
        recordCollegeDecision(input, decision, Boolean.TRUE.equals(task.getExecution().getVariable(COLLEGE_DECISION)));
        decision.decide(outcome, motivation, decider, EngineClock.now());
        // Checked whatever the decision: the form shows the field for a consent only.
        String reach = input.offers(AUDIENCE) ? input.choice(AUDIENCE) : null;
        if (outcome == Outcome.AKKOORD && decision.getSubjectType().isConsent()) {
            boolean toPublic = "openbaar".equals(reach) || decision.getSubjectType() == SubjectType.TOESTEMMING_OPENBAARMAKING;
            Consent consent = consents.save(new Consent(decision, toPublic ? Consent.Audience.OPENBAAR : Consent.Audience.REGIONAAL));
            events.publishEvent(new ConsentGiven(consent.getProgrammeId(), consent.getMunicipalityCode(), consent.getSubjectType()));
        }
        input.consumed("uitkomst", "motivering", "collegebesluitDatum", "collegebesluitNummer", AUDIENCE);
        // The caller reads the checked outcome that is also in the audit trail.
        task.getExecution().setVariable("uitkomst", outcome.formValue());
    }

    private Decision decisionOf(DelegateTask task) {
        Number id = (Number) task.getExecution().getVariable(DECISION_ID);
        return decisions.findById(id.longValue())
                .orElseThrow(() -> new IllegalStateException("No decision " + id + " for task " + task.getId()));
    }
}
