package nl.regioamersfoort.samenwerken.programma;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.regioamersfoort.samenwerken.gemeente.Municipalities;
import nl.regioamersfoort.samenwerken.gemeente.Municipality;
import nl.regioamersfoort.samenwerken.platform.engine.CurrentUser;
import nl.regioamersfoort.samenwerken.platform.engine.OwnedProcesses;
import nl.regioamersfoort.samenwerken.platform.form.FormInput;
import nl.regioamersfoort.samenwerken.platform.time.EngineClock;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/** The process glue of {@code programma-inclusie-diversiteit}. */
// Public: the process models call it by bean name, and JUEL invokes only public classes' methods.
@Component("programmeProcess")
public class ProgrammeProcess {

    /** The process definitions this feature owns. */
    @Bean
    static OwnedProcesses programmeProcesses() {
        return OwnedProcesses.regional(Programmes.PROCESS_KEY);
    }

    static final String PROGRAMME_ID = "programmaId";
    static final String MESSAGE_PLAN_ADJUSTMENT = "PlanBijsturen";
    private static final List<String> START_FORM_FIELDS = List.of("naam", "start", "einde", "gemeenten", "inventarisatie",
            "maatwerkplan", "overzichtOnderwerpen", "planVanAanpak", "terugkoppeling");
    static final String NEXT_BUDGET_CENTS = "volgendBudgetCenten";
    static final String NEXT_ACTIVITY_MONEY_CENTS = "volgendActiviteitengeldCenten";
    static final String NEXT_HOURS = "volgendeAdviesuren";
    private static final Logger log = LoggerFactory.getLogger(ProgrammeProcess.class);
    /** On "Koers kiezen": the programme's participants as the checklist's options. */
    static final String PARTICIPANT_OPTIONS = "deelnemendeGemeenten";

    private final Programmes programmes;
    private final Municipalities municipalities;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final PortfolioHandOvers handOvers;

    ProgrammeProcess(Programmes programmes, Municipalities municipalities, TaskService taskService,
            RuntimeService runtimeService, PortfolioHandOvers handOvers) {
        this.programmes = programmes;
        this.municipalities = municipalities;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.handOvers = handOvers;
    }

    /**
     * "Programma vastleggen": a programme started through the API is registered already; one
     * started from the start form in Tasklist is checked and registered here.
     */
    public void register(DelegateExecution execution) {
        String programmeId = (String) execution.getVariable(PROGRAMME_ID);
        if (programmeId == null) {
            FormInput form = FormInput.of(execution);
            // Period and participants are the programme's own rules, also for the API: Programmes.register
            // checks them, in its order, with its messages (both dates named when one is missing).
            LocalDate start = FormInput.date(execution.getVariable("start"), form.label("start"));
            LocalDate end = FormInput.date(execution.getVariable("einde"), form.label("einde"));
            NewProgramme request = new NewProgramme(form.text("naam"), start, end, participants(form, execution.getVariable("gemeenten")),
                    form.date("inventarisatie"), form.date("maatwerkplan"), form.date("overzichtOnderwerpen"), form.date("planVanAanpak"),
                    form.date("terugkoppeling"), null);
            Programme programme = programmes.register(request, CurrentUser.of(execution), null);
            programmeId = programme.getId();
            execution.setProcessBusinessKey(programmeId);
            execution.setVariable(PROGRAMME_ID, programmeId);
            execution.removeVariables(START_FORM_FIELDS);
        }
        Programme programme = programmes.get(programmeId);
        // One process per programme: a second start with the same id would run every gate twice.
        String self = execution.getProcessInstanceId();
        if (runtimeService.createProcessInstanceQuery().processDefinitionKey(Programmes.PROCESS_KEY).processInstanceBusinessKey(programmeId)
                .list().stream().anyMatch(other -> !other.getId().equals(self))) {
            throw FormInput.invalid("Het programma " + programmeId + " loopt al; het kan niet nog eens worden gestart.");
        }
        ProgrammeCalendar calendar = programme.getCalendar();
        execution.setVariable("programmaNaam", programme.getName());
        execution.setVariable("periodeEinde", EngineClock.morningOf(programme.getEnd()));
        execution.setVariable("overzichtDeadline", EngineClock.endOfWorkingDay(calendar.topics()));
        execution.setVariable("planVanAanpakDeadline", EngineClock.endOfWorkingDay(calendar.approach()));
    }

    /** Typed in the start form ("Baarn, Leusden"), by the form's rules; or a list, as the API and older forms send it. */
    private static List<String> participants(FormInput form, Object named) {
        boolean list = named instanceof Collection<?> || named instanceof SpinJsonNode json && json.isArray();
        return list ? FormInput.asList(named) : FormInput.asList(form.text("gemeenten"));
    }

    /**
     * The timer of the feedback moment is set when the programme instance starts, before
     * "Programma vastleggen": it reads the registered programme, or else the start form. A period
     * without municipal elections and without a date of its own has no feedback moment: the timer
     * then fires at once and "Verkiezingen in deze periode?" lets it pass without a task.
     */
    public Date feedbackMoment(VariableScope execution) {
        String programmeId = (String) execution.getVariable(PROGRAMME_ID);
        if (programmeId != null) {
            LocalDate feedback = programmes.get(programmeId).getCalendar().feedback();
            return feedback == null ? EngineClock.endOfWorkingDay(EngineClock.today()) : EngineClock.morningOf(feedback);
        }
        FormInput form = FormInput.of(execution);
        LocalDate feedback = form.date("terugkoppeling");
        if (feedback == null) {
            LocalDate start = FormInput.date(execution.getVariable("start"), form.label("start"));
            LocalDate end = FormInput.date(execution.getVariable("einde"), form.label("einde"));
            if (start == null || end == null) {
                throw FormInput.invalid("Vul een startdatum en een einddatum in.");
            }
            LocalDate plan = form.date("maatwerkplan");
            feedback = ProgrammeCalendar.feedbackAfterElections(plan != null ? plan : ProgrammeCalendar.defaultPlan(start), end,
                    municipalities.electionsBetween(start, end));
        }
        return feedback == null ? EngineClock.endOfWorkingDay(EngineClock.today()) : EngineClock.morningOf(feedback);
    }

    /** "Datum van de eindrapportage": the final report does not wait for the slowest track. */
    public Date finalReportMoment(DelegateExecution execution) {
        return EngineClock.morningOf(ProgrammeCalendar.finalReportStarts(programmes.get((String) execution.getVariable(PROGRAMME_ID)).getEnd()));
    }

    /** "Verkiezingen in deze periode?": the registered programme has a feedback moment. */
    public boolean hasFeedbackMoment(DelegateExecution execution) {
        return programmes.get((String) execution.getVariable(PROGRAMME_ID)).getCalendar().feedback() != null;
    }

    /** The collection of the multi-instance "Gemeentetraject": one local track per funded participant. */
    public List<String> fundedParticipants(String programmeId) {
        return programmes.fundedParticipants(programmeId);
    }

    /**
     * A municipality asks to join the running programme: the message GemeenteTreedtToe, which
     * "Deelname vastleggen" checks (a refusal there comes back as the Dutch message, and nothing joins).
     */
    void requestJoin(String programmeId, String municipalityCode, LocalDate joinedOn) {
        programmes.get(programmeId);
        if (municipalityCode == null || municipalityCode.isBlank()) {
            throw FormInput.invalid("Geef de gemeente die toetreedt.");
        }
        ProgrammeNotRunningException.correlate(runtimeService.createMessageCorrelation("GemeenteTreedtToe")
                .processInstanceBusinessKey(programmeId)
                .setVariable("gemeente", municipalityCode)
                .setVariable("toetredingsDatum", joinedOn == null ? null : joinedOn.toString()));
    }

    /** "Deelname vastleggen" (message GemeenteTreedtToe). */
    public void join(DelegateExecution execution) {
        String code = (String) execution.getVariable("gemeente");
        LocalDate joinedOn = FormInput.date(execution.getVariable("toetredingsDatum"), "Datum van toetreding");
        programmes.join((String) execution.getVariable(PROGRAMME_ID), code, joinedOn == null ? EngineClock.today() : joinedOn);
        execution.setVariableLocal("gefinancierd", programmes.isFunded(code));
    }

    /**
     * "Wethoudertaken overdragen" (message PortefeuillehouderGewisseld, sent by the hand-over API
     * with the id of its audit record): the municipality's open wethouder tasks go to the new
     * portefeuillehouder. Group memberships stay as beheer set them.
     */
    public void handOver(DelegateExecution execution) {
        Object id = execution.getVariable(PortfolioHandOvers.HAND_OVER_ID);
        handOvers.reroute(id instanceof Number n ? n.longValue() : null, (String) execution.getVariable(PROGRAMME_ID));
        execution.removeVariable(PortfolioHandOvers.HAND_OVER_ID);
    }

    /**
     * Task "Koers kiezen na de verkiezingen" created: the municipalities the BOSD can send back to
     * their plan are this programme's participants, from the reference data rather than a list in
     * the form (field {@code valuesKey}); Tasklist reads a Json variable as the options.
     */
    public void offerParticipants(DelegateTask task) {
        Programme programme = programmes.get((String) task.getVariable(PROGRAMME_ID));
        List<Map<String, String>> options = programme.getParticipants().stream()
                .map(p -> municipalities.byCode(p.getMunicipalityCode()).orElseThrow())
                .sorted(Comparator.comparing(Municipality::getName))
                .map(m -> {
                    Map<String, String> option = new LinkedHashMap<>();
                    option.put("label", m.getName());
                    option.put("value", m.getCode());
                    return option;
                })
                .toList();
        task.setVariableLocal(PARTICIPANT_OPTIONS, SpinValues.jsonValue(Spin.JSON(options)).create());
    }

    /** Task "Koers kiezen na de verkiezingen" completed: the BOSD's choice, checked. */
    public void chooseCourse(DelegateTask task) {
        FormInput form = FormInput.of(task);
        String course = form.choice("koers");
        form.text("toelichting");
        List<String> affected = form.list("bijsturenGemeenten");
        Programme programme = programmes.get((String) task.getVariable(PROGRAMME_ID));
        for (String code : affected) {
            Municipality municipality = municipalities.byCode(code)
                    .orElseThrow(() -> FormInput.invalid("Onbekende gemeente bij bijsturen: " + FormInput.quoted(code) + "."));
            if (programme.participant(municipality.getCode()).isEmpty()) {
                throw FormInput.invalid(municipality.getName() + " doet niet mee aan " + programme.getName() + ": kies bij bijsturen een"
                        + " deelnemende gemeente.");
            }
        }
        task.removeVariableLocal(PARTICIPANT_OPTIONS);
        task.getExecution().setVariable("koers", course);
    }

    /** "Maatwerkplannen terug naar aanpassing": the chosen (or all) local tracks in execution go back to their plan. */
    public void adjustPlans(DelegateExecution execution) {
        List<String> affected = FormInput.asList(execution.getVariable("bijsturenGemeenten"));
        String programmeId = (String) execution.getVariable(PROGRAMME_ID);
        List<String> codes = affected.isEmpty() ? programmes.fundedParticipants(programmeId) : affected;
        for (String code : codes) {
            String trackKey = Programmes.trackKey(programmeId, code);
            boolean waiting = runtimeService.createExecutionQuery().processInstanceBusinessKey(trackKey)
                    .messageEventSubscriptionName(MESSAGE_PLAN_ADJUSTMENT).count() > 0;
            if (waiting) {
                // All: the execution goes back to the plan, and (model version 4) an open request to share the old plan lapses.
                runtimeService.createMessageCorrelation(MESSAGE_PLAN_ADJUSTMENT).processInstanceBusinessKey(trackKey).correlateAll();
            } else {
                // Not yet in execution: the plan is still being written or discussed; its people hear what the BOSD asked.
                Object reason = execution.getVariable("toelichting");
                List<Task> open = taskService.createTaskQuery().processInstanceBusinessKey(trackKey).list();
                for (Task task : open) {
                    taskService.createComment(task.getId(), task.getProcessInstanceId(), "Bijsturen gevraagd door het BOSD na de verkiezingen: "
                            + reason + ". Het maatwerkplan is nog niet in uitvoering; neem dit mee in het plan.");
                }
                log.info("Local track {} is not in execution; the BOSD's adjustment went to its {} open task(s)", trackKey, open.size());
            }
        }
    }

    public void finish(DelegateExecution execution) {
        programmes.finish((String) execution.getVariable(PROGRAMME_ID), "Eindrapportage gedeeld in het BOSD");
    }

    /**
     * Task "Besluit over voortzetting" completed. To continue is also to say what the new period gets
     * a year: the seeds fund 2022 and 2023 only, so nothing is copied from the period before.
     */
    public void decideContinuation(DelegateTask task) {
        FormInput form = FormInput.of(task);
        String decision = form.choice("voortzetten");
        form.text("toelichting");
        task.getExecution().setVariable("voortzetten", decision);
        if ("ja".equals(decision)) {
            task.getExecution().setVariable(NEXT_BUDGET_CENTS, euroCents(form.text("budgetPerJaar"), form.label("budgetPerJaar")));
            task.getExecution().setVariable(NEXT_ACTIVITY_MONEY_CENTS,
                    euroCents(form.text("activiteitengeldPerGemeente"), form.label("activiteitengeldPerGemeente")));
            task.getExecution().setVariable(NEXT_HOURS, hours(form.text("adviesurenPerJaar"), form.label("adviesurenPerJaar")).toPlainString());
        }
    }

    /** Euros as people write them: "50.000", "50000", "€ 50.000,00", "2500,50"; zero allowed (no money). */
    static long euroCents(String typed, String label) {
        if (typed == null) {
            throw FormInput.invalid("Vul '" + label + "' in (0 als er niets beschikbaar is).");
        }
        String plain = typed.replace("€", "").replace(" ", "").strip();
        // A comma is the decimal sign, so points are thousands; without a comma, points before groups of three are too.
        String number = plain.contains(",") ? plain.replace(".", "").replace(",", ".")
                : plain.matches("\\d{1,3}(\\.\\d{3})+") ? plain.replace(".", "") : plain;
        BigDecimal euros;
        try {
            euros = new BigDecimal(number);
        } catch (NumberFormatException e) {
            throw FormInput.invalid("'" + label + "': " + FormInput.quoted(typed) + " is geen bedrag. Schrijf bijvoorbeeld 50.000.");
        }
        if (euros.signum() < 0 || euros.scale() > 2 || euros.compareTo(new BigDecimal("10000000")) >= 0) {
            throw FormInput.invalid("'" + label + "': een bedrag van 0 tot 10 miljoen euro, met hoogstens twee cijfers achter de komma.");
        }
        return euros.movePointRight(2).longValueExact();
    }

    static BigDecimal hours(String typed, String label) {
        if (typed == null) {
            throw FormInput.invalid("Vul '" + label + "' in (0 als er geen adviseur is).");
        }
        BigDecimal hours;
        try {
            hours = new BigDecimal(typed.strip().replace(",", "."));
        } catch (NumberFormatException e) {
            throw FormInput.invalid("'" + label + "': " + FormInput.quoted(typed) + " is geen aantal uren. Schrijf bijvoorbeeld 400.");
        }
        if (hours.signum() < 0 || hours.scale() > 2 || hours.compareTo(new BigDecimal("5000")) > 0) {
            throw FormInput.invalid("'" + label + "': van 0 tot 5000 uur per jaar, met hoogstens twee cijfers achter de komma.");
        }
        return hours;
    }

    /** "Volgende periode starten": two more years with the municipalities that are members then. */
    public void startNextPeriod(DelegateExecution execution) {
        Programme previous = programmes.get((String) execution.getVariable(PROGRAMME_ID));
        LocalDate start = previous.getEnd().plusDays(1);
        LocalDate end = start.plusYears(2).minusDays(1);
        List<String> members = municipalities.all().stream()
                .filter(m -> m.isMemberOn(start)).map(Municipality::getCode).toList();
        String name = previous.getName().replaceAll("\\s*\\d{4}\\s*-\\s*\\d{4}\\s*$", "").strip()
                + " " + start.getYear() + "-" + end.getYear();
        Programme next = programmes.register(new NewProgramme(name, start, end, members, null, null, null, null, null, null),
                CurrentUser.of(execution), previous.getId());
        // A decision taken before the BOSD named the money (an instance of an older version) keeps the period's own.
        programmes.fund(next.getId(),
                execution.getVariable(NEXT_BUDGET_CENTS) instanceof Long budget ? budget : previous.getMinistryBudgetCents(),
                execution.getVariable(NEXT_ACTIVITY_MONEY_CENTS) instanceof Long money ? money : previous.getActivityMoneyCents(),
                execution.getVariable(NEXT_HOURS) instanceof String hours ? new BigDecimal(hours) : previous.getAdviserHoursCap());
        runtimeService.startProcessInstanceByKey(Programmes.PROCESS_KEY, next.getId(),
                Map.of(PROGRAMME_ID, next.getId()));
        execution.setVariable("volgendProgramma", next.getId());
    }
}
