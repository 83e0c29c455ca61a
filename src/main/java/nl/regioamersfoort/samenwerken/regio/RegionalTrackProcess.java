package nl.regioamersfoort.samenwerken.regio;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import nl.regioamersfoort.samenwerken.besluit.Consent;
import nl.regioamersfoort.samenwerken.besluit.ConsentGiven;
import nl.regioamersfoort.samenwerken.besluit.Decisions;
import nl.regioamersfoort.samenwerken.besluit.SubjectType;
import nl.regioamersfoort.samenwerken.gemeente.Municipalities;
import nl.regioamersfoort.samenwerken.gemeente.Municipality;
import nl.regioamersfoort.samenwerken.platform.engine.CurrentUser;
import nl.regioamersfoort.samenwerken.platform.engine.OwnedProcesses;
import nl.regioamersfoort.samenwerken.platform.form.FormInput;
import nl.regioamersfoort.samenwerken.platform.text.Dutch;
import nl.regioamersfoort.samenwerken.platform.time.EngineClock;
import nl.regioamersfoort.samenwerken.programma.MeetingCalendarChanged;
import nl.regioamersfoort.samenwerken.programma.ProgrammeCalendar;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The process glue of {@code regionaal-spoor} and of the regional steps of the programme: the
 * documents the stuurgroep SD prepares and the BOSD shares, and the agenda of each meeting, which
 * holds only what a wethouder consented to share.
 */
// Public: the process models call it by bean name, and JUEL invokes only public classes' methods.
@Component("regionalTrack")
public class RegionalTrackProcess {

    public static final String PROCESS_KEY = "regionaal-spoor";
    private static final String NEXT_MEETING = "volgende-vergadering-bepalen";
    private static final String PAPER_DEADLINE = "papierdeadline-bereikt";
    /** The BOSD meeting being prepared or shared. */
    private static final String MEETING = "vergadering";
    /** The last BOSD meeting held. */
    private static final String PREVIOUS_MEETING = "vorigeVergadering";
    private static final String MINUTES = "VERGADERING";
    private static final String STEERING = "STUURGROEP";
    private static final String BOSD = "BOSD";
    private static final String FINAL_REPORT = "EINDRAPPORTAGE";
    private static final String OVERVIEW = "OVERZICHT_ONDERWERPEN";
    private static final String CONSENTED_INVENTORIES = "gedeeldeInventarisaties";
    /** A text variable holds 4,000 characters; a long agenda is cut short in the task and is whole in the report. */
    private static final int AGENDA_SHOWN = 3800;

    /** The process definitions this feature owns. */
    @Bean
    static OwnedProcesses regionalProcesses() {
        return OwnedProcesses.regional(PROCESS_KEY);
    }

    private final RegionalDocumentRepository documents;
    private final RegionalAgendaItemRepository agendaItems;
    private final Decisions decisions;
    private final Programmes programmes;
    private final Municipalities municipalities;
    private final RuntimeService runtimeService;
    private final TaskService taskService;

    RegionalTrackProcess(RegionalDocumentRepository documents, RegionalAgendaItemRepository agendaItems, Decisions decisions,
            Programmes programmes, Municipalities municipalities, RuntimeService runtimeService, TaskService taskService) {
        this.documents = documents;
        this.agendaItems = agendaItems;
        this.decisions = decisions;
        this.programmes = programmes;
        this.municipalities = municipalities;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
    }

    /** Task created: the form shows the latest written version, for a second round. */
    public void prefill(DelegateTask task, String kind, String key) {
        task.getExecution().setVariable(key, latest(task, kind, RegionalDocument.WRITTEN));
        if (OVERVIEW.equals(kind)) {
            task.setVariableLocal(CONSENTED_INVENTORIES, consentedInventories(programmeId(task)));
        }
    }

    /** The overview of (sub)topics draws on the inventories the wethouders consented to share, as they come in. */
    @EventListener
    public void consentGiven(ConsentGiven consent) {
        if (consent.subjectType() != SubjectType.TOESTEMMING_INVENTARISATIE) {
            return;
        }
        String text = consentedInventories(consent.programmeId());
        taskService.createTaskQuery().processInstanceBusinessKey(consent.programmeId() + "-regio").taskDefinitionKey("overzicht-onderwerpen-opstellen")
                .list().forEach(task -> taskService.setVariableLocal(task.getId(), CONSENTED_INVENTORIES, text));
    }

    private String consentedInventories(String programmeId) {
        List<Consent> inventories = decisions.consents(programmeId, SubjectType.TOESTEMMING_INVENTARISATIE);
        return inventories.isEmpty() ? "Nog geen gedeelde inventarisaties."
                : inventories.stream().map(c -> "- " + name(c.getMunicipalityCode()) + ": " + c.getSharedText()).collect(Collectors.joining("\n"));
    }

    /** Task completed: the text becomes a new version of the document. */
    public void write(DelegateTask task, String kind, String key) {
        FormInput form = FormInput.of(task);
        String text = form.text(key);
        documents.save(new RegionalDocument(programmeId(task), kind, RegionalDocument.WRITTEN, text, CurrentUser.of(task), EngineClock.now()));
        form.consumed(key);
    }

    /**
     * Instances of models deployed before the forms held the rules still call this with a label and
     * a limit of their own; the form of their deployment decides now.
     */
    public void write(DelegateTask task, String kind, String key, String label, int maxLength) {
        write(task, kind, key);
    }

    /** Task created: the stuurgroep or BOSD reads the document (under {@code key}) and writes its minutes. */
    public void present(DelegateTask task, String kind, String key) {
        task.setVariableLocal(key, latest(task, kind, RegionalDocument.WRITTEN));
    }

    public void minutes(DelegateTask task, String kind, String step) {
        FormInput form = FormInput.of(task);
        String text = form.text("verslag");
        documents.save(new RegionalDocument(programmeId(task), kind, step, text, CurrentUser.of(task), EngineClock.now()));
        form.consumed("verslag");
    }

    /** Version 1 of the model: the collection of its meeting loop, the BOSD's calendar as it was at the start. */
    public List<Date> meetingDates(String programmeId) {
        return programmes.get(programmeId).getCalendar().meetings().stream().map(EngineClock::morningOf).toList();
    }

    /**
     * "Volgende vergadering bepalen": the next BOSD meeting after the last one held, the stuurgroep
     * meeting that prepares it and the paper deadline before that, from the calendars as they are
     * now. None left: {@code bosdVergadering} is null and the track ends.
     */
    public void nextMeeting(DelegateExecution execution) {
        String programmeId = (String) execution.getVariable("programmaId");
        LocalDate previous = Optional.ofNullable((String) execution.getVariable(PREVIOUS_MEETING)).map(LocalDate::parse).orElse(null);
        Optional<ProgrammeCalendar.RegionalMeeting> next = programmes.get(programmeId).getCalendar().nextMeeting(previous, EngineClock.today());
        execution.setVariable("bosdVergadering", next.map(m -> EngineClock.endOfWorkingDay(m.bosd())).orElse(null));
        execution.setVariable("stuurgroepVergadering", next.map(m -> EngineClock.endOfWorkingDay(m.steering())).orElse(null));
        execution.setVariable("papierdeadline", next.map(m -> EngineClock.endOfWorkingDay(m.paperDeadline())).orElse(null));
        execution.setVariable(MEETING, next.map(m -> m.bosd().toString()).orElse(null));
    }

    /**
     * The calendars changed while the track waits for a paper deadline: it plans its next meeting
     * again. A meeting already being prepared or shared keeps its dates; the one after follows the
     * new calendars.
     */
    @EventListener
    public void calendarChanged(MeetingCalendarChanged change) {
        for (ProcessInstance track : runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(change.programmeId() + "-regio").active().list()) {
            if (runtimeService.getActiveActivityIds(track.getId()).contains(PAPER_DEADLINE)) {
                runtimeService.createProcessInstanceModification(track.getId())
                        .cancelAllForActivity(PAPER_DEADLINE)
                        .startBeforeActivity(NEXT_MEETING)
                        .execute();
            }
        }
    }

    /**
     * "Voorbereiden in de stuurgroep" created at the paper deadline: every consent not yet on an
     * agenda goes on this meeting's. Nothing without consent can get here: the agenda reads consents only.
     */
    public void composeAgenda(DelegateTask task) {
        String programmeId = programmeId(task);
        LocalDate meeting = meetingOf(task);
        for (Consent consent : decisions.consents(programmeId)) {
            if (!agendaItems.existsByConsentId(consent.getId())) {
                agendaItems.save(new RegionalAgendaItem(programmeId, meeting, consent.getId(), consent.getMunicipalityCode(),
                        consent.getSharedText()));
            }
        }
        showAgenda(task);
    }

    /** "Delen in het BOSD" created: the agenda the stuurgroep prepared, with its minutes. */
    public void showAgenda(DelegateTask task) {
        String programmeId = programmeId(task);
        LocalDate meeting = meetingOf(task);
        List<RegionalAgendaItem> items = agendaItems.findByProgrammeIdAndMeetingDateOrderByIdAsc(programmeId, meeting);
        String agenda = items.isEmpty() ? "Geen nieuwe gedeelde resultaten sinds de vorige vergadering."
                : items.stream().map(item -> "- " + name(item.getMunicipalityCode()) + ": " + item.getText()).collect(Collectors.joining("\n"));
        String preparation = documents.findFirstByProgrammeIdAndKindAndStepOrderByIdDesc(programmeId, MINUTES, step(STEERING, meeting))
                .map(RegionalDocument::getContent).orElse(null);
        task.setVariableLocal("vergaderdatum", Dutch.date(meeting));
        task.setVariableLocal("agenda", agenda.length() <= AGENDA_SHOWN ? agenda : agenda.substring(0, AGENDA_SHOWN)
                + "… De hele agenda staat in de voortgangsrapportage van deze vergadering op het dashboard.");
        task.setVariableLocal("voorbereiding", preparation);
    }

    /** Version 1 of the model: one task for both bodies. */
    public void meetingMinutes(DelegateTask task) {
        minutes(task, MINUTES, String.valueOf(task.getVariableLocal("vergaderdatum")));
    }

    /** The minutes of the stuurgroep's or the BOSD's meeting; after the BOSD's, the meeting counts as held. */
    public void meetingMinutes(DelegateTask task, String body) {
        LocalDate meeting = meetingOf(task);
        minutes(task, MINUTES, step(body, meeting));
        if (BOSD.equals(body)) {
            task.getExecution().setVariable(PREVIOUS_MEETING, meeting.toString());
        }
    }

    private static String step(String body, LocalDate meeting) {
        return (STEERING.equals(body) ? "Stuurgroep " : "BOSD ") + Dutch.date(meeting);
    }

    /** The BOSD meeting a task belongs to: version 2 keeps it as text, version 1 as the meeting's morning. */
    private static LocalDate meetingOf(DelegateTask task) {
        Object meeting = task.getExecution().getVariable(MEETING);
        return meeting instanceof Date date ? date.toInstant().atZone(EngineClock.ZONE).toLocalDate() : LocalDate.parse((String) meeting);
    }

    /** "Eindrapportage opstellen" created: the consented closing evaluations, and the draft so far. */
    public void finalReportInput(DelegateTask task) {
        String programmeId = programmeId(task);
        List<Consent> evaluations = decisions.consents(programmeId, SubjectType.TOESTEMMING_SLOTEVALUATIE);
        task.setVariableLocal("inbreng", evaluations.isEmpty() ? "Nog geen gedeelde slotevaluaties."
                : evaluations.stream().map(c -> "- " + name(c.getMunicipalityCode()) + ": " + c.getSharedText())
                        .collect(Collectors.joining("\n")));
        task.getExecution().setVariable("concept", latest(task, "EINDRAPPORTAGE", RegionalDocument.WRITTEN));
    }

    /**
     * "Eindrapportage openbaar maken?" created: for each municipality whose information is in the
     * final report, whether it consented to make all of it public.
     */
    public void showPublicationConsents(DelegateTask task) {
        Map<String, List<Consent>> byMunicipality = consentsByMunicipality(programmeId(task));
        task.setVariableLocal("toestemmingen", byMunicipality.isEmpty() ? "Geen informatie van gemeenten in de rapportage."
                : byMunicipality.entrySet().stream().map(e -> name(e.getKey()) + ": " + (isPublic(e.getValue())
                        ? "toestemming om openbaar te maken" : "alleen regionaal gedeeld"))
                        .collect(Collectors.joining("\n")));
    }

    /**
     * The projectleider makes the final report public, which only every municipality whose
     * information is in it may allow; or keeps it regional.
     */
    public void publish(DelegateTask task) {
        FormInput form = FormInput.of(task);
        String choice = form.choice("openbaarMaken");
        form.consumed("openbaarMaken");
        // Version 3 of the programme has no gateway after this task; the variable is read by version 4's only.
        task.getExecution().setVariable("publicatieKeuze", choice);
        String programmeId = programmeId(task);
        List<String> regionalOnly = withoutPublicConsent(programmeId).stream().map(this::name).toList();
        if ("toestemming-vragen".equals(choice) && regionalOnly.isEmpty()) {
            throw FormInput.invalid("Elke gemeente waarvan informatie in de rapportage staat, gaf al toestemming om die openbaar te maken:"
                    + " kies 'ja' of 'nee'.");
        }
        if (!"ja".equals(choice)) {
            return;
        }
        if (!regionalOnly.isEmpty()) {
            throw FormInput.invalid("Openbaar maken kan niet: " + String.join(", ", regionalOnly) + (regionalOnly.size() == 1 ? " gaf" : " gaven")
                    + " geen toestemming om de eigen informatie openbaar te maken (R-02). Vraag eerst toestemming, of kies 'nee':"
                    + " de rapportage blijft regionaal.");
        }
        documents.save(new RegionalDocument(programmeId, FINAL_REPORT, RegionalDocument.PUBLISHED, latest(task, FINAL_REPORT, RegionalDocument.WRITTEN),
                CurrentUser.of(task), EngineClock.now()));
    }

    private Map<String, List<Consent>> consentsByMunicipality(String programmeId) {
        return decisions.consents(programmeId).stream()
                .collect(Collectors.groupingBy(Consent::getMunicipalityCode, TreeMap::new, Collectors.toList()));
    }

    /** The municipalities whose information is in the final report without their consent to make it public. */
    public List<String> withoutPublicConsent(String programmeId) {
        return consentsByMunicipality(programmeId).entrySet().stream().filter(e -> !isPublic(e.getValue())).map(Map.Entry::getKey).toList();
    }

    /** The subject of the wethouder's gate "Toestemming vragen om de eigen informatie openbaar te maken". */
    public String publicationSubject(String municipalityCode) {
        return "Eindrapportage openbaar maken: de informatie van " + name(municipalityCode);
    }

    /** The draft proposal of that gate: what the municipality shared regionally, and would make public. */
    public String publicationProposal(String programmeId, String municipalityCode) {
        List<Consent> shared = consentsByMunicipality(programmeId).getOrDefault(municipalityCode, List.of());
        return "De eindrapportage openbaar maken (gepubliceerd en op de webpagina), met wat " + name(municipalityCode)
                + " regionaal deelde:\n" + shared.stream().filter(c -> c.getAudience() != Consent.Audience.OPENBAAR)
                        .map(c -> "- " + abbreviated(c.getSharedText())).limit(10).collect(Collectors.joining("\n"));
    }

    /** A line of the proposal: the proposal form takes 4,000 characters, and the wethouder reads the whole text in the case file. */
    private static String abbreviated(String text) {
        String line = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return line.length() <= 300 ? line : line.substring(0, 299) + "…";
    }

    /** All it shared may be public: each consent said so, or the wethouder agreed afterwards to make the report's information public. */
    private static boolean isPublic(List<Consent> consents) {
        return consents.stream().anyMatch(c -> c.getSubjectType() == SubjectType.TOESTEMMING_OPENBAARMAKING)
                || consents.stream().allMatch(c -> c.getAudience() == Consent.Audience.OPENBAAR);
    }

    private String latest(DelegateTask task, String kind, String step) {
        return documents.findFirstByProgrammeIdAndKindAndStepOrderByIdDesc(programmeId(task), kind, step)
                .map(RegionalDocument::getContent).orElse(null);
    }

    private String name(String code) {
        return municipalities.byCode(code).map(Municipality::getName).orElse(code);
    }

    private static String programmeId(DelegateTask task) {
        return (String) task.getExecution().getVariable("programmaId");
    }
}
