package nl.regioamersfoort.samenwerken.programma;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.regioamersfoort.samenwerken.gemeente.Municipalities;
import nl.regioamersfoort.samenwerken.gemeente.Municipality;
import nl.regioamersfoort.samenwerken.platform.form.FormInput;
import nl.regioamersfoort.samenwerken.platform.text.Dutch;
import nl.regioamersfoort.samenwerken.platform.time.EngineClock;
import nl.regioamersfoort.samenwerken.platform.time.WorkingDays;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Starting programme periods and keeping their participants; the rules a projectleider must meet. */
@Service
@Transactional
public class Programmes {

    public static final String PROCESS_KEY = "programma-inclusie-diversiteit";
    private final ProgrammeRepository programmes;
    private final Municipalities municipalities;
    private final RuntimeService runtimeService;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    Programmes(ProgrammeRepository programmes, Municipalities municipalities, RuntimeService runtimeService, JdbcTemplate jdbc,
            ApplicationEventPublisher events) {
        this.programmes = programmes;
        this.municipalities = municipalities;
        this.runtimeService = runtimeService;
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * The business key of a municipality's case in a programme: its local track, and the gates and
     * money requests that belong to it. Matched exactly, never as a prefix.
     */
    public static String trackKey(String programmeId, String municipalityCode) {
        return programmeId + "-" + municipalityCode;
    }

    /**
     * A municipality's case in a programme is started under its own key, or not at all. Without a
     * business key (Tasklist's start dialog leaves it empty) the instance gets its case's key.
     *
     * @param what the case for people, as the message starts: "Een aanvraag activiteitengeld"
     */
    public static void claimCaseKey(DelegateExecution execution, String programmeId, String municipalityCode, String what) {
        String expected = trackKey(programmeId, municipalityCode);
        String key = execution.getProcessBusinessKey();
        if (key == null || key.isBlank()) {
            execution.setProcessBusinessKey(expected);
        } else if (!key.equals(expected)) {
            throw FormInput.invalid(what + " hoort bij programma " + programmeId + " en gemeente " + municipalityCode
                    + ": start haar onder zaak '" + expected + "', niet onder " + FormInput.quoted(key) + ".");
        }
    }

    /**
     * Start listener of the cases a beleidsambtenaar starts from Tasklist (activity money, a regional
     * contribution). The start forms list no municipalities, so that a ninth one is reference data and
     * not a form change: the case is the starter's own municipality's (the engine set {@code gemeente}
     * from the starter's groups, MunicipalityTenants), and the programme the one running with it,
     * unless the start names it. Then the case key is claimed.
     */
    public void claimStartersCase(DelegateExecution execution, String what) {
        String code = FormInput.requiredText(execution.getVariable("gemeente"), "Gemeente", 40);
        String programmeId = FormInput.of(execution).text("programmaId");
        if (programmeId == null) {
            programmeId = runningWith(code).getId();
            execution.setVariable("programmaId", programmeId);
        }
        claimCaseKey(execution, programmeId, code, what);
    }

    /** The one running programme the municipality takes part in. */
    private Programme runningWith(String municipalityCode) {
        Municipality municipality = municipalities.byCode(municipalityCode)
                .orElseThrow(() -> FormInput.invalid("Onbekende gemeente: " + FormInput.quoted(municipalityCode) + "."));
        List<Programme> running = programmes.findAllByOrderByStartDesc().stream()
                .filter(programme -> programme.getStatus() == ProgrammeStatus.LOPEND)
                .filter(programme -> programme.participant(municipalityCode).isPresent()).toList();
        if (running.isEmpty()) {
            throw FormInput.invalid("Er loopt geen programma waaraan " + municipality.getName() + " meedoet.");
        }
        if (running.size() > 1) {
            throw FormInput.invalid(municipality.getName() + " doet mee aan meer lopende programma's ("
                    + String.join(", ", running.stream().map(programme -> programme.getName() + ": " + programme.getId()).toList())
                    + "): vul het programma in.");
        }
        return running.get(0);
    }

    /** Registers the programme and starts its process; the business key is the programme id. */
    public Programme start(NewProgramme request, String requestedBy) {
        Programme programme = register(request, requestedBy, null);
        runtimeService.startProcessInstanceByKey(PROCESS_KEY, programme.getId(), Map.of(ProgrammeProcess.PROGRAMME_ID, programme.getId()));
        return programme;
    }

    Programme register(NewProgramme request, String requestedBy, String previousProgrammeId) {
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty()) {
            throw FormInput.invalid("Geef het programma een naam.");
        }
        if (name.length() > 200) {
            throw FormInput.invalid("De naam is te lang: maximaal 200 tekens.");
        }
        if (request.start() == null || request.end() == null) {
            throw FormInput.invalid("Vul een startdatum en een einddatum in.");
        }
        // Far-off years are typing errors, and timers and holiday calendars are not meant for the year 9999.
        if (request.start().getYear() < 2000 || request.end().getYear() > 2100) {
            throw FormInput.invalid("Een looptijd ligt tussen 2000 en 2100.");
        }
        if (!request.end().isAfter(request.start())) {
            throw FormInput.invalid("De einddatum moet na de startdatum liggen.");
        }
        if (request.end().isAfter(request.start().plusYears(5))) {
            throw FormInput.invalid("Een looptijd duurt hoogstens vijf jaar.");
        }
        List<Municipality> participants = participants(request.municipalities(), request.start());

        ProgrammeCalendar defaults = ProgrammeCalendar.defaults(request.start(), request.end(),
                municipalities.electionsBetween(request.start(), request.end()));
        List<LocalDate> meetings = request.meetings() == null || request.meetings().isEmpty()
                ? defaults.meetings() : request.meetings().stream().distinct().sorted().toList();
        List<LocalDate> steeringMeetings = request.steeringMeetings() == null || request.steeringMeetings().isEmpty()
                ? ProgrammeCalendar.steeringBefore(meetings) : request.steeringMeetings().stream().distinct().sorted().toList();
        ProgrammeCalendar calendar = new ProgrammeCalendar(
                WorkingDays.onOrBefore(withinPeriod("inventarisatie", orDefault(request.inventory(), defaults.inventory()), request)),
                WorkingDays.onOrBefore(withinPeriod("maatwerkplan", orDefault(request.plan(), defaults.plan()), request)),
                WorkingDays.onOrBefore(withinPeriod("overzichtOnderwerpen", orDefault(request.topics(), defaults.topics()), request)),
                WorkingDays.onOrBefore(withinPeriod("planVanAanpak", orDefault(request.approach(), defaults.approach()), request)),
                request.feedback() == null ? defaults.feedback() : withinPeriod("terugkoppeling", request.feedback(), request),
                ProgrammeCalendar.DEFAULT_PROGRESS_INTERVAL_MONTHS,
                meetings, steeringMeetings);
        meetings.forEach(meeting -> withinPeriod("vergaderingen", meeting, request));
        steeringMeetings.forEach(meeting -> withinPeriod("stuurgroepVergaderingen", meeting, request));
        ProgrammeCalendar.requireSteeringBeforeEveryBosdMeeting(meetings, steeringMeetings);

        Programme programme = new Programme(newId(request.start(), request.end()), name, request.start(), request.end(), calendar,
                previousProgrammeId, requestedBy, EngineClock.now());
        participants.forEach(m -> programme.addParticipant(m.getCode(), request.start()));
        if (request.reminderWorkingDays() != null) {
            for (Integer days : request.reminderWorkingDays()) {
                if (days == null || days < 0 || days > 60) {
                    throw FormInput.invalid("Herinneringen gaan 0 tot 60 werkdagen voor een deadline uit; '" + days
                            + "' kan niet.");
                }
            }
            programme.remindOn(request.reminderWorkingDays().stream().distinct().sorted(java.util.Comparator.reverseOrder()).toList());
        }
        return programmes.save(programme);
    }

    /**
     * The projectleider moves the meetings of the BOSD and the stuurgroep while the programme runs.
     * What lies before today was held and stays; the dates given are the calendar from today on. The
     * regional track hears of it ({@link MeetingCalendarChanged}) and plans its next meeting again.
     */
    public Programme reschedule(String programmeId, List<LocalDate> bosd, List<LocalDate> steering) {
        Programme programme = get(programmeId);
        if (programme.getStatus() != ProgrammeStatus.LOPEND) {
            throw new ProgrammeNotRunningException();
        }
        if (bosd == null || steering == null) {
            throw FormInput.invalid("Geef de vergaderingen van de stuurgroep ('stuurgroep') en van het BOSD ('bosd'), elk als lijst van data.");
        }
        LocalDate today = EngineClock.today();
        List<LocalDate> newBosd = upcoming(bosd, today, programme);
        List<LocalDate> newSteering = upcoming(steering, today, programme);
        ProgrammeCalendar.requireSteeringBeforeEveryBosdMeeting(newBosd, newSteering);
        ProgrammeCalendar calendar = programme.getCalendar();
        programme.reschedule(heldBefore(calendar.meetings(), today, newBosd), heldBefore(calendar.steeringMeetings(), today, newSteering));
        events.publishEvent(new MeetingCalendarChanged(programmeId));
        return programme;
    }

    /**
     * The projectleider corrects a running programme's yearly budget, typed as people write amounts
     * ("50.000", "3.000,00", "400"). {@code stillFits} is the caller's check against what was already
     * booked this year (the ledger is the budget feature's); a refusal there changes nothing.
     */
    @Transactional
    public Programme changeBudget(String programmeId, String ministry, String activityMoney, String adviserHours,
            java.util.function.Consumer<ProgrammeBudget> stillFits) {
        Programme programme = locked(programmeId);
        if (programme.getStatus() != ProgrammeStatus.LOPEND) {
            throw new ProgrammeNotRunningException();
        }
        ProgrammeBudget budget = new ProgrammeBudget(ProgrammeProcess.euroCents(blankAsNull(ministry), "Budget van het ministerie per jaar"),
                ProgrammeProcess.euroCents(blankAsNull(activityMoney), "Activiteitengeld per gemeente per jaar"),
                ProgrammeProcess.hours(blankAsNull(adviserHours), "Adviesuren per jaar"));
        long funded = fundedParticipants(programmeId).size();
        if (budget.activityMoneyCents() * funded > budget.ministryCents()) {
            throw FormInput.invalid("Het activiteitengeld voor " + funded + " gemeenten (" + Dutch.euros(budget.activityMoneyCents() * funded)
                    + " per jaar) is meer dan het budget van het ministerie (" + Dutch.euros(budget.ministryCents()) + ").");
        }
        stillFits.accept(budget);
        programme.fund(budget.ministryCents(), budget.activityMoneyCents(), budget.adviserHours());
        return programme;
    }

    private static String blankAsNull(String typed) {
        return typed == null || typed.isBlank() ? null : typed;
    }

    /** The meetings held before today, then the upcoming ones. */
    private static List<LocalDate> heldBefore(List<LocalDate> calendar, LocalDate today, List<LocalDate> upcoming) {
        List<LocalDate> all = new ArrayList<>(calendar.stream().filter(d -> d.isBefore(today)).toList());
        all.addAll(upcoming);
        return all;
    }

    private static List<LocalDate> upcoming(List<LocalDate> dates, LocalDate today, Programme programme) {
        for (LocalDate date : dates) {
            if (date == null) {
                throw FormInput.invalid("Een vergadering zonder datum kan niet.");
            }
            if (date.isBefore(today)) {
                throw FormInput.invalid("De vergadering van " + Dutch.date(date) + " ligt in het verleden: een gehouden vergadering"
                        + " verandert niet meer, en een nieuwe ligt vandaag of later.");
            }
            if (date.isAfter(programme.getEnd())) {
                throw FormInput.invalid("De vergadering van " + Dutch.date(date) + " valt buiten de looptijd van het programma.");
            }
        }
        return dates.stream().distinct().sorted().toList();
    }

    /** A municipality joins a running programme (message GemeenteTreedtToe). */
    Participant join(String programmeId, String municipalityCode, LocalDate joinedOn) {
        Programme programme = get(programmeId);
        Municipality municipality = municipalities.byCode(municipalityCode == null ? "" : municipalityCode)
                .orElseThrow(() -> FormInput.invalid("Onbekende gemeente: " + FormInput.quoted(municipalityCode) + "."));
        if (programme.participant(municipality.getCode()).isPresent()) {
            throw FormInput.invalid(municipality.getName() + " doet al mee aan dit programma.");
        }
        if (joinedOn.isBefore(programme.getStart()) || !joinedOn.isBefore(programme.getEnd())) {
            throw FormInput.invalid("De datum van toetreding valt buiten de looptijd van het programma.");
        }
        if (!municipality.isMemberOn(joinedOn)) {
            throw FormInput.invalid(municipality.getName() + " is op " + Dutch.date(joinedOn)
                    + " geen lid van de samenwerking.");
        }
        programme.addParticipant(municipality.getCode(), joinedOn);
        return programme.participant(municipality.getCode()).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Programme get(String programmeId) {
        return programmes.findById(programmeId == null ? "" : programmeId)
                .orElseThrow(() -> new ProgrammeNotFoundException(programmeId));
    }

    /**
     * The programme, its row locked until the caller's transaction ends, so that what is counted
     * against the programme (the adviser's hours against the year's cap) is counted one at a time.
     */
    public Programme locked(String programmeId) {
        Programme programme = get(programmeId);
        jdbc.queryForList("SELECT id FROM programme WHERE id = ? FOR UPDATE", programmeId);
        return programme;
    }

    /**
     * The programme as this person may see it: one outside the programme is told, like for an unknown
     * one, that it does not exist or is not theirs to see.
     */
    @Transactional(readOnly = true)
    public Programme visibleTo(String programmeId, Insight insight) {
        Programme programme = get(programmeId);
        if (!insight.takesPartIn(programme)) {
            throw new ProgrammeNotFoundException(programmeId);
        }
        return programme;
    }

    /** The programmes this person takes part in, newest first. */
    @Transactional(readOnly = true)
    public List<Programme> visibleTo(Insight insight) {
        return all().stream().filter(insight::takesPartIn).toList();
    }

    @Transactional(readOnly = true)
    public List<Programme> all() {
        return programmes.findAllByOrderByStartDesc();
    }

    /** What a new period gets a year, as the continuation decision set it. */
    void fund(String programmeId, long ministryBudgetCents, long activityMoneyCents, java.math.BigDecimal adviserHoursCap) {
        get(programmeId).fund(ministryBudgetCents, activityMoneyCents, adviserHoursCap);
    }

    /** The participants with a funded local track (Amersfoort takes part regionally only). */
    @Transactional(readOnly = true)
    public List<String> fundedParticipants(String programmeId) {
        return get(programmeId).getParticipants().stream()
                .map(Participant::getMunicipalityCode)
                .filter(code -> municipalities.byCode(code).map(Municipality::isFunded).orElse(false))
                .toList();
    }

    @Transactional(readOnly = true)
    public boolean isFunded(String municipalityCode) {
        return municipalities.byCode(municipalityCode).map(Municipality::isFunded).orElse(false);
    }

    void stop(String programmeId, String reason) {
        get(programmeId).stop(reason);
    }

    void finish(String programmeId, String reason) {
        get(programmeId).finish(reason);
    }

    /**
     * The participants named by code or by name; none named: every municipality that is a member of
     * the region on the start date, as the reference data says (so a ninth member needs no form change).
     */
    private List<Municipality> participants(List<String> named, LocalDate start) {
        if (named == null || named.isEmpty()) {
            List<Municipality> members = municipalities.all().stream().filter(municipality -> municipality.isMemberOn(start)).toList();
            if (members.isEmpty()) {
                throw FormInput.invalid("Op de startdatum is geen gemeente lid van de samenwerking; kies een latere startdatum.");
            }
            return members;
        }
        List<Municipality> participants = new ArrayList<>();
        for (String name : new LinkedHashSet<>(named)) {
            String wanted = name == null ? "" : name.strip();
            Municipality municipality = municipalities.byCode(wanted.toLowerCase(Locale.ROOT))
                    .or(() -> municipalities.all().stream().filter(m -> m.getName().equalsIgnoreCase(wanted)).findFirst())
                    .orElseThrow(() -> FormInput.invalid("Onbekende gemeente: " + FormInput.quoted(name) + ". Gemeenten: "
                            + String.join(", ", municipalities.all().stream().map(Municipality::getName).toList()) + "."));
            if (!municipality.isMemberOn(start)) {
                throw FormInput.invalid(municipality.getName() + " is op de startdatum nog geen lid van de "
                        + "samenwerking (lid vanaf " + Dutch.date(municipality.getMemberFrom())
                        + "). Laat de gemeente later toetreden.");
            }
            if (participants.stream().noneMatch(known -> known.getCode().equals(municipality.getCode()))) {
                participants.add(municipality);
            }
        }
        return participants;
    }

    private static LocalDate orDefault(LocalDate value, LocalDate fallback) {
        return value == null ? fallback : value;
    }

    private static LocalDate withinPeriod(String field, LocalDate date, NewProgramme request) {
        if (date.isBefore(request.start()) || date.isAfter(request.end())) {
            throw FormInput.invalid("De datum bij '" + field + "' (" + date + ") valt buiten de looptijd van het programma.");
        }
        return date;
    }

    private String newId(LocalDate start, LocalDate end) {
        String base = "inclusie-" + start.getYear() + "-" + end.getYear();
        String id = base;
        for (int n = 2; programmes.existsById(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }
}
