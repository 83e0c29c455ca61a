package nl.regioamersfoort.samenwerken.traject;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.stream.Collectors;
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
import nl.regioamersfoort.samenwerken.platform.time.WorkingDays;
import nl.regioamersfoort.samenwerken.programma.Participant;
import nl.regioamersfoort.samenwerken.programma.Programme;
import nl.regioamersfoort.samenwerken.programma.ProgrammeCalendar;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/** The process glue of {@code gemeentetraject}: the local track's case file and its documents. */
// Public: the process models call it by bean name, and JUEL invokes only public classes' methods.
@Component("localTracks")
public class LocalTrackProcess {

    /** The process definitions this feature owns. */
    @Bean
    static OwnedProcesses localTrackProcesses() {
        return OwnedProcesses.local("gemeentetraject");
    }

    /** On the drafting task: why the text is back, for whoever revises it. */
    static final String FEEDBACK = "terugkoppeling";

    private final LocalTrackRepository tracks;
    private final LocalActivityRepository activities;
    private final ProgressTalkRepository progressTalks;
    private final DiscussionRepository discussions;
    private final Decisions decisions;
    private final Municipalities municipalities;
    private final Programmes programmes;

    LocalTrackProcess(LocalTrackRepository tracks, LocalActivityRepository activities, ProgressTalkRepository progressTalks,
            DiscussionRepository discussions, Decisions decisions, Municipalities municipalities, Programmes programmes) {
        this.tracks = tracks;
        this.activities = activities;
        this.progressTalks = progressTalks;
        this.discussions = discussions;
        this.decisions = decisions;
        this.municipalities = municipalities;
        this.programmes = programmes;
    }

    /**
     * "Traject openen": the case file, and the due dates as variables the tasks and timers use. A
     * municipality that joins later gets the same rhythm counted from its join date; a due date
     * that has already passed moves to a month from now rather than firing at once.
     */
    public void open(DelegateExecution execution) {
        String programmeId = (String) execution.getVariable("programmaId");
        String code = (String) execution.getVariable("gemeente");
        Programme programme = programmes.get(programmeId);
        Municipality municipality = municipalities.byCode(code).orElseThrow();
        Participant participant = programme.participant(code)
                .orElseThrow(() -> new IllegalStateException(code + " does not take part in " + programmeId));
        ProgrammeCalendar calendar = programme.getCalendar();
        LocalDate inventoryDue = calendar.inventory();
        LocalDate planDue = calendar.plan();
        if (participant.getJoinedOn().isAfter(programme.getStart())) {
            LocalDate[] relative = ProgrammeCalendar.relativeToJoining(participant.getJoinedOn());
            inventoryDue = relative[0];
            planDue = relative[1];
        }
        // Moved due dates follow the same working-day rule as the calendar's own.
        if (inventoryDue.isBefore(EngineClock.today())) {
            inventoryDue = WorkingDays.onOrBefore(EngineClock.today().plusMonths(1));
        }
        if (planDue.isBefore(inventoryDue)) {
            planDue = WorkingDays.onOrBefore(inventoryDue.plusMonths(2));
        }
        String trackId = execution.getProcessBusinessKey();
        LocalTrack track = tracks.findById(trackId).orElse(null);
        if (track == null) {
            track = tracks.save(new LocalTrack(trackId, programmeId, code, inventoryDue, planDue, EngineClock.now()));
        }
        LocalDate firstProgressTalk = track.getPlanDue().plusMonths(calendar.progressIntervalMonths());
        execution.setVariable("trajectId", trackId);
        execution.setVariable("gemeenteNaam", municipality.getName());
        execution.setVariable("vaststellendOrgaan", municipality.getAdoptingBody().name());
        execution.setVariable("inventarisatieDeadline", EngineClock.endOfWorkingDay(track.getInventoryDue()));
        execution.setVariable("maatwerkplanDeadline", EngineClock.endOfWorkingDay(track.getPlanDue()));
        execution.setVariable("periodeEinde", EngineClock.morningOf(programme.getEnd()));
        execution.setVariable("voortgangsCyclus", "R/" + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                firstProgressTalk.atTime(9, 0).atZone(EngineClock.ZONE)) + "/P" + calendar.progressIntervalMonths() + "M");
    }

    /** The closing evaluation starts when the period has ended; it is due a month after that. */
    public Date closingEvaluationDue(DelegateExecution execution) {
        LocalDate end = programmes.get((String) execution.getVariable("programmaId")).getEnd();
        return EngineClock.endOfWorkingDay(ProgrammeCalendar.closingEvaluationsDue(end));
    }

    /** A progress talk is held within a month of the moment it is planned. */
    public Date progressTalkDue() {
        return EngineClock.endOfWorkingDay(WorkingDays.onOrBefore(EngineClock.today().plusMonths(1)));
    }

    /** Execution listener: the track enters a phase. */
    public void enter(DelegateExecution execution, String phase) {
        track(execution.getProcessBusinessKey()).moveTo(Phase.valueOf(phase));
    }

    public void showInventory(DelegateTask task) {
        LocalTrack track = track(task);
        task.getExecution().setVariable("watSpeeltLokaal", track.getLocalSituation());
        task.getExecution().setVariable("mogelijkeVervolgstap", track.getNextStep());
        task.setVariableLocal(FEEDBACK, feedback(track, Phase.INVENTARISATIE));
    }

    public void saveInventory(DelegateTask task) {
        FormInput form = FormInput.of(task);
        track(task).recordInventory(form.text("watSpeeltLokaal"), form.text("mogelijkeVervolgstap"));
        form.consumed("watSpeeltLokaal", "mogelijkeVervolgstap");
    }

    public void showPlan(DelegateTask task) {
        LocalTrack track = track(task);
        task.getExecution().setVariable("planSamenvatting", track.getPlanSummary());
        task.getExecution().setVariable("activiteiten", activities.findByTrackIdOrderByPositionAsc(track.getId()).stream()
                .filter(a -> a.getStatus() != ActivityStatus.VERVALLEN)
                .map(LocalActivity::asPlanLine)
                .collect(Collectors.joining("\n")));
        task.setVariableLocal(FEEDBACK, feedback(track, Phase.MAATWERKPLAN));
    }

    /**
     * What whoever revises the text should read first: why the last conversation about it asked for
     * more, why the wethouder chose to go on when it raised leaving, or why the adopting body did
     * not adopt the plan; null on a first draft. A plan goes to adoption only after a conversation
     * that said "verder", so a refusal is newer than such a conversation and older than any other.
     */
    private String feedback(LocalTrack track, Phase subject) {
        List<Discussion> talks = discussions.findByTrackIdOrderByIdAsc(track.getId()).stream()
                .filter(d -> d.getSubject() == subject).toList();
        Discussion talk = talks.isEmpty() ? null : talks.get(talks.size() - 1);
        if (talk != null && talk.getOutcome() == Discussion.Outcome.STOPPEN) {
            return decisions.latest(SubjectType.DEELNAME_BEEINDIGEN, track.getId()).filter(d -> d.getOutcome() != null)
                    .map(d -> "De wethouder besloot op " + Dutch.date(d.getDecidedAt().toLocalDate()) + " dat de gemeente meedoet: "
                            + d.getMotivation())
                    .orElse(null);
        }
        if (talk != null && talk.getOutcome() == Discussion.Outcome.AANVULLEN) {
            return "Uit het gesprek van " + Dutch.date(talk.getHeldOn()) + " (" + talk.getParticipants() + "): " + talk.getReason();
        }
        if (subject != Phase.MAATWERKPLAN) {
            return null;
        }
        return decisions.latest(SubjectType.VASTSTELLING, track.getId())
                .filter(d -> d.getOutcome() != null && d.getOutcome() != Outcome.AKKOORD)
                .map(d -> "Niet vastgesteld op " + Dutch.date(d.getDecidedAt().toLocalDate()) + ": " + d.getMotivation())
                .orElse(null);
    }

    /** Task "... bespreken" created: the text under discussion, to read during the conversation. */
    public void showDiscussion(DelegateTask task, String subject) {
        task.setVariableLocal("besprokenStuk", draftToShare(track(task).getId(), subject, null));
    }

    /**
     * The conversation is recorded. Its outcome leads the way; the phase it was about tells a
     * declined leaving decision where the track goes on.
     */
    public void saveDiscussion(DelegateTask task, String subject) {
        FormInput form = FormInput.of(task);
        LocalDate heldOn = form.date("gespreksdatum");
        if (heldOn.isAfter(EngineClock.today())) {
            throw FormInput.invalid("De gespreksdatum ligt in de toekomst: leg een gesprek vast nadat het is gevoerd.");
        }
        String participants = form.text("deelnemers");
        String agreements = form.text("afspraken");
        Discussion.Outcome outcome = Discussion.Outcome.valueOf(form.choice("uitkomst").toUpperCase(Locale.ROOT));
        String reason = form.text("toelichting");
        if (outcome != Discussion.Outcome.VERDER && reason == null) {
            throw FormInput.invalid("Vul '" + form.label("toelichting") + "' in: wie de tekst aanvult, of de wethouder die over "
                    + "stoppen besluit, leest waarom.");
        }
        discussions.save(new Discussion(track(task).getId(), Phase.valueOf(subject), heldOn, participants, agreements, outcome, reason,
                CurrentUser.of(task), EngineClock.now()));
        form.consumed("gespreksdatum", "deelnemers", "afspraken", "uitkomst", "toelichting");
        task.getExecution().setVariable("gesprekUitkomst", outcome.name().toLowerCase(Locale.ROOT));
        task.getExecution().setVariable("besprokenFase", subject);
    }

    /** The draft for the wethouder's decision on leaving: what the conversation said. */
    public String leavingProposal(String trackId) {
        List<Discussion> talks = discussions.findByTrackIdOrderByIdAsc(trackId);
        Discussion talk = talks.get(talks.size() - 1);
        return "In het gesprek van " + Dutch.date(talk.getHeldOn()) + " over "
                + (talk.getSubject() == Phase.INVENTARISATIE ? "de inventarisatie" : "het maatwerkplan") + " kwam aan de orde dat de gemeente overweegt te stoppen met het programma: " + talk.getReason();
    }

    /**
     * The plan's activities, one per line, each with its local partners after a bar (R-06:
     * "Voorlichting op scholen | GGD, bibliotheek"). Activities already decided on keep their
     * decision; new lines become proposals for the wethouder; proposals no longer in the plan lapse.
     */
    public void savePlan(DelegateTask task) {
        FormInput form = FormInput.of(task);
        String summary = form.text("planSamenvatting");
        String lines = form.text("activiteiten");
        Map<String, String> partnersByTitle = new LinkedHashMap<>();
        for (String line : lines.split("\\R")) {
            String[] parts = line.strip().replaceFirst("^[-*•]\\s*", "").split("\\|", 2);
            String title = parts[0].strip();
            String partners = parts.length > 1 && !parts[1].isBlank() ? parts[1].strip() : null;
            if (partners != null && partners.length() > 500) {
                throw FormInput.invalid("De partners bij '" + title + "' zijn te lang: maximaal 500 tekens.");
            }
            if (title.length() > 500) {
                throw FormInput.invalid("Een activiteit is te lang: maximaal 500 tekens per regel.");
            }
            if (!title.isEmpty()) {
                partnersByTitle.put(title, partners);
            }
        }
        Set<String> titles = partnersByTitle.keySet();
        if (titles.isEmpty()) {
            throw FormInput.invalid("Noem minstens één lokale activiteit of één gesprek.");
        }
        LocalTrack track = track(task);
        track.recordPlan(summary);
        Map<String, LocalActivity> existing = activities.findByTrackIdOrderByPositionAsc(track.getId()).stream()
                .collect(Collectors.toMap(LocalActivity::getTitle, Function.identity(), (a, b) -> a));
        int position = 0;
        for (String title : titles) {
            LocalActivity activity = existing.remove(title);
            if (activity == null) {
                activity = activities.save(new LocalActivity(track.getId(), position, title));
            } else {
                activity.reposition(position);
                if (activity.getStatus() == ActivityStatus.VERVALLEN) {
                    activity.moveTo(ActivityStatus.VOORGESTELD);
                }
            }
            activity.namePartners(partnersByTitle.get(title));
            position++;
        }
        // Out of the revised plan: a proposal, and an approved activity not yet carried out (after "bijsturen").
        existing.values().stream().filter(a -> a.getStatus() == ActivityStatus.VOORGESTELD || a.getStatus() == ActivityStatus.GOEDGEKEURD)
                .forEach(a -> a.moveTo(ActivityStatus.VERVALLEN));
        form.consumed("planSamenvatting", "activiteiten");
    }

    /** The talk is recorded; its id goes (locally) to the consent gate that follows on the same path. */
    public void saveProgressTalk(DelegateTask task) {
        FormInput form = FormInput.of(task);
        ProgressTalk talk = progressTalks.save(new ProgressTalk(track(task).getId(), EngineClock.now(),
                form.text("tussenresultaten"), form.text("successen"), form.text("teleurstellingen"), CurrentUser.of(task)));
        form.consumed("tussenresultaten", "successen", "teleurstellingen");
        task.getExecution().setVariableLocal("voortgangId", talk.getId());
    }

    public void showEvaluation(DelegateTask task) {
        LocalTrack track = track(task);
        task.getExecution().setVariable("evaluatie", track.getEvaluation());
        task.getExecution().setVariable("successen", track.getSuccesses());
        task.getExecution().setVariable("teleurstellingen", track.getDisappointments());
    }

    public void saveEvaluation(DelegateTask task) {
        FormInput form = FormInput.of(task);
        track(task).recordEvaluation(form.text("evaluatie"), form.text("successen"), form.text("teleurstellingen"));
        form.consumed("evaluatie", "successen", "teleurstellingen");
    }

    /** The draft a beleidsambtenaar starts from when asking consent to share (R-02); they may shorten it. */
    public String draftToShare(String trackId, String kind, Object progressTalkId) {
        LocalTrack track = track(trackId);
        String name = municipalities.byCode(track.getMunicipalityCode()).map(Municipality::getName).orElse(track.getMunicipalityCode());
        StringJoiner text = new StringJoiner("\n");
        switch (kind) {
            case "INVENTARISATIE" -> {
                text.add("Wat speelt er in " + name + ": " + track.getLocalSituation());
                text.add("Mogelijke vervolgstap: " + track.getNextStep());
            }
            case "MAATWERKPLAN" -> {
                text.add("Maatwerkplan " + name + ": " + track.getPlanSummary());
                List<String> titles = new ArrayList<>();
                activities.findByTrackIdOrderByPositionAsc(trackId).stream().filter(a -> a.getStatus() != ActivityStatus.VERVALLEN)
                        .forEach(a -> titles.add(a.getPartners() == null ? a.getTitle() : a.getTitle() + " (partners: " + a.getPartners() + ")"));
                text.add("Activiteiten: " + String.join("; ", titles));
            }
            case "VOORTGANG" -> {
                ProgressTalk talk = progressTalks.findById(((Number) progressTalkId).longValue()).orElseThrow();
                text.add("Tussenresultaten " + name + ": " + talk.getInterimResults());
                if (talk.getSuccesses() != null) {
                    text.add("Successen: " + talk.getSuccesses());
                }
                if (talk.getDisappointments() != null) {
                    text.add("Teleurstellingen: " + talk.getDisappointments());
                }
            }
            case "SLOTEVALUATIE" -> {
                text.add("Slotevaluatie " + name + ": " + track.getEvaluation());
                if (track.getSuccesses() != null) {
                    text.add("Successen: " + track.getSuccesses());
                }
                if (track.getDisappointments() != null) {
                    text.add("Teleurstellingen: " + track.getDisappointments());
                }
            }
            default -> throw new IllegalArgumentException("Unknown kind of text to share: " + kind);
        }
        String draft = text.toString();
        return draft.length() > 4000 ? draft.substring(0, 4000) : draft;
    }

    /** "Inbreng eindrapportage vastleggen": the track is done; its consented evaluation feeds the final report. */
    public void close(DelegateExecution execution) {
        track(execution.getProcessBusinessKey()).close(Phase.AFGEROND, EngineClock.now());
    }

    /** The wethouder decided that the municipality leaves the programme: its local track stops. */
    public void stop(DelegateExecution execution) {
        track(execution.getProcessBusinessKey()).close(Phase.GESTOPT, EngineClock.now());
    }

    private LocalTrack track(DelegateTask task) {
        return track(task.getExecution().getProcessBusinessKey());
    }

    private LocalTrack track(String trackId) {
        return tracks.findById(trackId).orElseThrow(() -> new IllegalStateException("No local track " + trackId));
    }
}
