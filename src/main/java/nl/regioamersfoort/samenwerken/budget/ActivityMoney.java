package nl.regioamersfoort.samenwerken.budget;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.regioamersfoort.samenwerken.besluit.Decision;
import nl.regioamersfoort.samenwerken.besluit.Decisions;
import nl.regioamersfoort.samenwerken.besluit.Outcome;
import nl.regioamersfoort.samenwerken.besluit.SubjectType;
import nl.regioamersfoort.samenwerken.gemeente.Municipalities;
import nl.regioamersfoort.samenwerken.gemeente.Municipality;
import nl.regioamersfoort.samenwerken.platform.engine.CurrentUser;
import nl.regioamersfoort.samenwerken.platform.engine.OwnedProcesses;
import nl.regioamersfoort.samenwerken.platform.form.FormInput;
import nl.regioamersfoort.samenwerken.platform.text.Dutch;
import nl.regioamersfoort.samenwerken.platform.time.EngineClock;
import nl.regioamersfoort.samenwerken.programma.Programme;
import nl.regioamersfoort.samenwerken.programma.ProgrammeNotFoundException;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import nl.regioamersfoort.samenwerken.traject.LocalActivity;
import nl.regioamersfoort.samenwerken.traject.LocalTracks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Activity money: €3,000 per funded municipality per year for activities that make the target
 * groups visible. The process glue of {@code activiteitengeld-aanvraag} and the rules behind it;
 * a grant is booked under a lock on the municipality's year, so parallel requests cannot together
 * spend more than the budget.
 * <p>
 * Whatever door a request comes through (our API, the start form, a REST start, start instructions,
 * an instance modification, a BPMN error on a task), the engine runs these steps, so the rules for
 * money live here: a request lives under its own programme's and municipality's case (business key),
 * and only its own process instance books it, once, after its own wethouder's akkoord.
 */
// Public: the process model calls it by bean name, and JUEL invokes only public classes' methods.
@Component("activityMoney")
public class ActivityMoney {

    /** The process definitions this feature owns. */
    @Bean
    static OwnedProcesses budgetProcesses() {
        return new OwnedProcesses(Set.of("activiteitengeld-aanvraag"), Set.of(), Set.of(AdviserHours.APPROVAL_PROCESS, AdviserHours.SIGNAL_PROCESS));
    }

    private static final Logger log = LoggerFactory.getLogger(ActivityMoney.class);

    /** How the messages name the case. */
    private static final String CASE = "Een aanvraag activiteitengeld";

    private final ActivityMoneyRequestRepository requests;
    private final LedgerRepository ledger;
    private final Programmes programmes;
    private final Municipalities municipalities;
    private final Decisions decisions;
    private final LocalTracks localTracks;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate newTransaction;
    private final EntityManager entityManager;

    ActivityMoney(ActivityMoneyRequestRepository requests, LedgerRepository ledger, Programmes programmes,
            Municipalities municipalities, Decisions decisions, LocalTracks localTracks, JdbcTemplate jdbc,
            PlatformTransactionManager transactions, EntityManager entityManager) {
        this.entityManager = entityManager;
        this.localTracks = localTracks;
        this.requests = requests;
        this.ledger = ledger;
        this.programmes = programmes;
        this.municipalities = municipalities;
        this.decisions = decisions;
        this.jdbc = jdbc;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** What a request says, checked: the same rules for the API, the start form and a REST client. */
    public record Application(String programmeId, String municipalityCode, String activity, List<TargetGroup> targetGroups,
            String visibility, long amountCents, Long localActivityId) {
    }

    /**
     * Reads and checks a request; bad input is refused with a Dutch message and nothing is stored.
     * The texts are checked by the start form's rules when the request is registered, also for one
     * sent to the API, which starts the same process.
     */
    public Application read(String programmeId, String municipalityCode, String activity, Object amount, List<String> targetGroups,
            String visibility, Object localActivityId) {
        Programme programme = programmes.get(programmeId);
        Municipality municipality = municipalities.byCode(municipalityCode == null ? "" : municipalityCode)
                .orElseThrow(() -> FormInput.invalid("Onbekende gemeente: " + FormInput.quoted(municipalityCode) + "."));
        if (programme.participant(municipality.getCode()).isEmpty()) {
            throw FormInput.invalid(municipality.getName() + " doet niet mee aan dit programma.");
        }
        if (!municipality.isFunded()) {
            throw FormInput.invalid(municipality.getName() + " ontvangt geen activiteitengeld uit dit programma.");
        }
        int year = EngineClock.today().getYear();
        if (year < programme.getStart().getYear() || year > programme.getEnd().getYear()) {
            throw FormInput.invalid("Het jaar " + year + " valt buiten de looptijd van het programma.");
        }
        long cents = cents(amount);
        List<TargetGroup> groups = new ArrayList<>();
        for (String group : targetGroups == null ? List.<String>of() : targetGroups) {
            try {
                TargetGroup parsed = TargetGroup.valueOf(String.valueOf(group).strip().toUpperCase(Locale.ROOT));
                if (!groups.contains(parsed)) {
                    groups.add(parsed);
                }
            } catch (IllegalArgumentException e) {
                throw FormInput.invalid("Onbekende doelgroep: " + FormInput.quoted(group) + ".");
            }
        }
        if (groups.isEmpty()) {
            throw FormInput.invalid("Kies minstens één doelgroep.");
        }
        long remaining = remainingCents(programme, municipality.getCode(), year);
        if (cents > remaining) {
            throw FormInput.invalid("Het bedrag is hoger dan wat er dit jaar over is voor " + municipality.getName() + ": "
                    + Dutch.euros(remaining) + ".");
        }
        Long activityId = localActivity(localActivityId, programme, municipality);
        return new Application(programme.getId(), municipality.getCode(), activity, groups, visibility, cents, activityId);
    }

    /**
     * The local activity the money is for, if any: it must be an activity of this municipality's
     * own track in this programme, so nobody books money on (or learns about) another's activity.
     */
    private Long localActivity(Object localActivityId, Programme programme, Municipality municipality) {
        if (localActivityId == null || localActivityId.toString().isBlank()) {
            return null;
        }
        long id;
        try {
            id = Long.parseLong(localActivityId.toString().strip());
        } catch (NumberFormatException e) {
            throw FormInput.invalid("Onbekende lokale activiteit: " + FormInput.quoted(localActivityId) + ".");
        }
        String track = Programmes.trackKey(programme.getId(), municipality.getCode());
        return localTracks.activity(id).filter(activity -> activity.getTrackId().equals(track)).map(LocalActivity::getId)
                .orElseThrow(() -> FormInput.invalid("Lokale activiteit " + id + " hoort niet bij " + municipality.getName()
                        + " in dit programma."));
    }

    /**
     * Process start listener: a request is started under its own programme's and municipality's
     * case, or not at all (also when it is started past the registration). Without a business key
     * (Tasklist's start dialog leaves it empty) it gets its own case's key.
     */
    public void requireOwnCase(DelegateExecution execution) {
        programmes.claimStartersCase(execution, CASE);
    }

    /**
     * "Aanvraag vastleggen": the checked request is stored with the instance that may book it; its
     * id travels with the process.
     */
    public void register(DelegateExecution execution) {
        FormInput form = FormInput.of(execution);
        String programmeId = form.text("programmaId");
        // The municipalities table, not the form's list of options, says which municipality exists (read names an unknown one).
        String municipalityCode = FormInput.requiredText(execution.getVariable("gemeente"), "Gemeente", 40);
        Application application;
        try {
            application = read(programmeId, municipalityCode, form.text("activiteit"), execution.getVariable("bedrag"),
                    form.list("doelgroepen"), form.text("zichtbaarheid"), execution.getVariable("lokaleActiviteitId"));
        } catch (ProgrammeNotFoundException unknown) {
            // In a form an unknown programme is bad input like any other (400), not a missing page.
            throw FormInput.invalid(unknown.getMessage());
        }
        // After read: that what was typed is no amount at all says more than that it is too long.
        form.text("bedrag");
        String applicant = CurrentUser.of(execution);
        // A person (Tasklist, REST) asks only for their own municipality; the API checked its caller already.
        if (applicant != null && !CurrentUser.isMemberOf(execution, applicant, "beleidsambtenaar-" + application.municipalityCode())
                && !CurrentUser.isMemberOf(execution, applicant, "projectleider")) {
            throw FormInput.invalid("Alleen een beleidsambtenaar van deze gemeente of de projectleider vraagt activiteitengeld aan.");
        }
        // Again here, on the checked values: the start listener does not run when a start skips custom listeners.
        Programmes.claimCaseKey(execution, application.programmeId(), application.municipalityCode(), CASE);
        ActivityMoneyRequest request = requests.save(new ActivityMoneyRequest(application.programmeId(), application.municipalityCode(),
                EngineClock.today().getYear(), application.activity(),
                application.targetGroups().stream().map(Enum::name).collect(Collectors.joining(",")), application.visibility(),
                application.amountCents(), application.localActivityId(), CurrentUser.of(execution), EngineClock.now(),
                execution.getProcessInstanceId()));
        execution.setVariable("aanvraagId", request.getId());
        execution.setVariable("aanvraagOnderwerp", subject(request));
        FormInput.of(execution).consumed("activiteit", "zichtbaarheid", "doelgroepen", "bedrag");
    }

    /**
     * What the wethouder's decision is about: it names their task ("Besluit: ...", at most 255
     * characters in the engine) and the decision record, so a long activity is cut short there; the
     * request keeps it whole.
     */
    private static String subject(ActivityMoneyRequest request) {
        String subject = "Activiteitengeld " + Dutch.euros(request.getAmountCents()) + ": " + request.getActivity();
        return subject.length() <= 200 ? subject : subject.substring(0, 199) + "…";
    }

    /** The facts the eligibility decision (DMN) weighs, read again each round. */
    public void facts(DelegateExecution execution) {
        ActivityMoneyRequest request = ownOpenRequest(execution, "Eligibility not checked");
        Programme programme = programmes.get(request.getProgrammeId());
        execution.setVariable("gefinancierd", municipalities.byCode(request.getMunicipalityCode()).map(Municipality::isFunded).orElse(false));
        execution.setVariable("binnenBudget", request.getAmountCents() <= remainingCents(programme, request.getMunicipalityCode(), request.getYear()));
        execution.setVariable("activiteitGoedgekeurd", request.getLocalActivityId() == null
                || decisions.isApproved(SubjectType.ACTIVITEIT, String.valueOf(request.getLocalActivityId()),
                        "wethouder-" + request.getMunicipalityCode()));
    }

    public void refuse(DelegateExecution execution, String reason) {
        ownOpenRequest(execution, "Refusal not recorded").refuse(reason);
    }

    /** Task "Aanvraag aanpassen": a new amount after the wethouder asked for it. */
    public void adjust(DelegateTask task) {
        ActivityMoneyRequest request = ownOpenRequest(task.getExecution(), "Amount not adjusted");
        long cents = cents(task.getVariable("bedrag"));
        // After the amount: that what was typed is no amount at all says more than that it is too long.
        FormInput.of(task).text("bedrag");
        request.adjustAmount(cents);
        task.getExecution().setVariable("aanvraagOnderwerp", subject(request));
        FormInput.of(task).consumed("bedrag");
    }

    /**
     * "Toekenning boeken": under the lock of this municipality's year, the budget is checked once
     * more and the grant goes into the ledger, or the request is refused because the money ran out.
     * Only for an open request, in its own instance, whose latest decision is the akkoord of its own
     * wethouder in a gate this instance called: all read from the database, none from process
     * variables, which whoever starts or modifies an instance can set. Otherwise the command fails
     * (an incident for a job) and nothing is booked.
     */
    public void book(DelegateExecution execution) {
        String step = "Grant not booked";
        ActivityMoneyRequest request = ownOpenRequest(execution, step);
        String notDecided = notApprovedByItsWethouder(execution, request);
        if (notDecided != null) {
            throw new ActivityMoneyRefusal(step, request, notDecided);
        }
        lock(request.getProgrammeId(), request.getMunicipalityCode(), request.getYear());
        Programme programme = programmes.get(request.getProgrammeId());
        if (request.getAmountCents() > remainingCents(programme, request.getMunicipalityCode(), request.getYear())) {
            request.refuse("Het resterende activiteitengeld van dit jaar is intussen lager dan het gevraagde bedrag.");
            execution.setVariable("geboekt", false);
            log.info("Activity money request {} of {} refused: the {} budget ran out", request.getId(), request.getMunicipalityCode(),
                    request.getYear());
            return;
        }
        ledger.save(LedgerEntry.grant(request, CurrentUser.of(execution) == null ? "samenwerken" : CurrentUser.of(execution),
                EngineClock.now()));
        request.grant();
        log.info("Activity money request {} of {} granted: {} booked on {}", request.getId(), request.getMunicipalityCode(),
                Dutch.euros(request.getAmountCents()), request.getYear());
        execution.setVariable("geboekt", true);
    }

    /**
     * Money of a grant that was not spent comes back: a negative entry against the grant, so the
     * municipality can use it again this year. Only in the year of the grant, and never more than
     * was granted and not yet paid back.
     */
    @Transactional
    public LedgerEntry refund(String programmeId, Long requestId, Object amount, Object reason, String bookedBy) {
        ActivityMoneyRequest grant = (requestId == null ? Optional.<ActivityMoneyRequest>empty() : requests.findById(requestId))
                .filter(r -> r.getProgrammeId().equals(programmeId))
                .orElseThrow(() -> FormInput.invalid("Onbekende aanvraag: " + requestId + "."));
        if (grant.getStatus() != RequestStatus.TOEGEKEND) {
            throw FormInput.invalid("Deze aanvraag is niet toegekend; er valt niets terug te betalen.");
        }
        if (grant.getYear() != EngineClock.today().getYear()) {
            throw FormInput.invalid("Het jaar " + grant.getYear() + " is afgesloten; een terugbetaling wordt geboekt in het jaar van de toekenning.");
        }
        String why = FormInput.requiredText(reason, "Reden", 1000);
        long cents = cents(amount);
        lock(grant.getProgrammeId(), grant.getMunicipalityCode(), grant.getYear());
        long open = grant.getAmountCents() - ledger.refundedCents(grant.getId());
        if (cents > open) {
            throw FormInput.invalid("Er kan hoogstens " + Dutch.euros(open) + " van deze toekenning terugkomen.");
        }
        return ledger.save(LedgerEntry.refund(grant, cents, why, bookedBy, EngineClock.now()));
    }

    /** What is left for a municipality in a year; unused money does not carry over unless the programme says so. */
    public long remainingCents(Programme programme, String municipalityCode, int year) {
        long budget = programme.getActivityMoneyCents();
        if (programme.isCarryOver()) {
            for (int earlier = programme.getStart().getYear(); earlier < year; earlier++) {
                budget += programme.getActivityMoneyCents() - ledger.spentCents(programme.getId(), earlier, municipalityCode);
            }
        }
        return budget - ledger.spentCents(programme.getId(), year, municipalityCode);
    }

    /** A row lock on the municipality's year; the row is made first if this is the year's first booking. */
    private void lock(String programmeId, String municipalityCode, int year) {
        String update = "UPDATE budget_account SET budget_year = budget_year WHERE programme_id = ? AND municipality_code = ? AND budget_year = ?";
        if (jdbc.update(update, programmeId, municipalityCode, year) == 0) {
            try {
                newTransaction.executeWithoutResult(status -> jdbc.update(
                        "INSERT INTO budget_account (programme_id, municipality_code, budget_year) VALUES (?, ?, ?)",
                        programmeId, municipalityCode, year));
            } catch (org.springframework.dao.DuplicateKeyException alreadyThere) {
                // another request made it at the same moment: fine, we lock it below
            }
            jdbc.update(update, programmeId, municipalityCode, year);
        }
    }

    /**
     * The request of this instance, read again under a row lock (so two bookings of one request
     * cannot both see it open), and only if this instance registered it, under its own case, and it
     * is still open (not granted or refused).
     */
    private ActivityMoneyRequest ownOpenRequest(DelegateExecution execution, String step) {
        Object id = execution.getVariable("aanvraagId");
        ActivityMoneyRequest request = (id instanceof Number number ? requests.findById(number.longValue()) : Optional.<ActivityMoneyRequest>empty())
                .orElseThrow(() -> new ActivityMoneyRefusal(step + ": process instance " + execution.getProcessInstanceId()
                        + " carries no known activity money request (aanvraagId " + FormInput.quoted(id) + "). Nothing was changed."));
        entityManager.refresh(request, LockModeType.PESSIMISTIC_WRITE);
        if (request.getProcessInstanceId() == null) {
            adoptRegisteredBefore(execution, request, step);
        }
        if (!request.getProcessInstanceId().equals(execution.getProcessInstanceId())) {
            throw new ActivityMoneyRefusal(step, request, "it was registered by process instance " + request.getProcessInstanceId()
                    + ", not by " + execution.getProcessInstanceId());
        }
        if (!Programmes.trackKey(request.getProgrammeId(), request.getMunicipalityCode()).equals(execution.getProcessBusinessKey())) {
            throw new ActivityMoneyRefusal(step, request, "the instance's business key " + FormInput.quoted(execution.getProcessBusinessKey())
                    + " is not the request's case '" + Programmes.trackKey(request.getProgrammeId(), request.getMunicipalityCode()) + "'");
        }
        if (!request.isOpen()) {
            throw new ActivityMoneyRefusal(step, request, "the request is already " + request.getStatus());
        }
        return request;
    }

    /**
     * Requests registered before V7 recorded no instance. Their own instance is the one that carries
     * the request's id and ran "Aanvraag vastleggen" for it (start instructions skip that step), and
     * only one can have: it adopts the request, so a running programme keeps its open requests.
     */
    private void adoptRegisteredBefore(DelegateExecution execution, ActivityMoneyRequest request, String step) {
        var history = execution.getProcessEngineServices().getHistoryService();
        List<String> registrars = history.createHistoricVariableInstanceQuery().variableValueEquals("aanvraagId", request.getId()).list()
                .stream().map(org.camunda.bpm.engine.history.HistoricVariableInstance::getProcessInstanceId).distinct()
                .filter(instance -> history.createHistoricActivityInstanceQuery().processInstanceId(instance)
                        .activityId("aanvraag-vastleggen").finished().count() > 0)
                .toList();
        if (!registrars.equals(List.of(execution.getProcessInstanceId()))) {
            throw new ActivityMoneyRefusal(step, request, "it was registered before requests recorded their process instance, and "
                    + execution.getProcessInstanceId() + " is not the one instance that registered it (found " + registrars + ")");
        }
        request.adoptProcessInstance(execution.getProcessInstanceId());
    }

    /**
     * Why the request is not (yet) approved, or null when its latest decision is an akkoord of the
     * wethouder of its own municipality, taken in a gate that this request's instance called. That
     * only a member of the deciding group takes a decision is the gate's own check (DecisionGate).
     */
    private String notApprovedByItsWethouder(DelegateExecution execution, ActivityMoneyRequest request) {
        String wethouder = "wethouder-" + request.getMunicipalityCode();
        Optional<Decision> latest = decisions.latest(SubjectType.ACTIVITEITENGELD, String.valueOf(request.getId()));
        if (latest.isEmpty()) {
            return "there is no decision of " + wethouder + " about it";
        }
        Decision decision = latest.get();
        if (decision.getOutcome() == null) {
            return "its latest decision (" + decision.getId() + ") " + (decision.isOpen() ? "is still open" : "lapsed") + ": " + wethouder
                    + " has not decided";
        }
        if (decision.getOutcome() != Outcome.AKKOORD) {
            return "its latest decision (" + decision.getId() + ") is " + decision.getOutcome() + ", not AKKOORD";
        }
        if (!wethouder.equals(decision.getDecidingGroup()) || decision.getDecidedBy() == null) {
            return "its latest decision (" + decision.getId() + ") was taken for " + decision.getDecidingGroup() + ", not by " + wethouder;
        }
        HistoricProcessInstance gate = execution.getProcessEngineServices().getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(decision.getProcessInstanceId()).singleResult();
        if (gate == null || !execution.getProcessInstanceId().equals(gate.getSuperProcessInstanceId())) {
            return "its latest decision (" + decision.getId() + ") was taken in gate instance " + decision.getProcessInstanceId()
                    + ", which this request's instance did not call";
        }
        return null;
    }

    /** Euros as the person typed them ("125,50", "125.50", 125.5) to exact cents. */
    static long cents(Object amount) {
        if (amount == null || amount.toString().isBlank()) {
            throw FormInput.invalid("Vul een bedrag in.");
        }
        BigDecimal euros;
        try {
            euros = new BigDecimal(amount.toString().strip().replace("€", "").strip().replace(",", "."));
        } catch (NumberFormatException e) {
            throw FormInput.invalid(FormInput.quoted(amount) + " is geen bedrag. Schrijf bijvoorbeeld 125,50.");
        }
        if (euros.signum() <= 0) {
            throw FormInput.invalid("Het bedrag moet groter zijn dan nul.");
        }
        if (euros.scale() > 2) {
            throw FormInput.invalid("Een bedrag heeft hoogstens twee cijfers achter de komma.");
        }
        if (euros.compareTo(new BigDecimal("1000000")) >= 0) {
            throw FormInput.invalid("Dat bedrag is te hoog voor activiteitengeld.");
        }
        return euros.movePointRight(2).longValueExact();
    }
}
