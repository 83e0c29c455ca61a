package nl.regioamersfoort.samenwerken.rapportage;

import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.regioamersfoort.samenwerken.besluit.Consent;
import nl.regioamersfoort.samenwerken.besluit.Decision;
import nl.regioamersfoort.samenwerken.besluit.Decisions;
import nl.regioamersfoort.samenwerken.gemeente.Municipalities;
import nl.regioamersfoort.samenwerken.gemeente.Municipality;
import nl.regioamersfoort.samenwerken.platform.mail.Outbox;
import nl.regioamersfoort.samenwerken.platform.mail.OutboxMail;
import nl.regioamersfoort.samenwerken.platform.time.EngineClock;
import nl.regioamersfoort.samenwerken.programma.Programme;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import nl.regioamersfoort.samenwerken.regio.RegionalDocuments;
import nl.regioamersfoort.samenwerken.regio.RegionalTrackProcess;
import nl.regioamersfoort.samenwerken.traject.LocalTrack;
import nl.regioamersfoort.samenwerken.traject.LocalTracks;
import nl.regioamersfoort.samenwerken.traject.Phase;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case file of a local track or of the regional track: its steps, decisions, consents and mails,
 * so a coordinator can answer "who decided what, when" (Cockpit's community edition shows no history).
 */
@Service
@Transactional(readOnly = true)
class CaseFiles {

    private static final String PROGRAMME = "programmaId";
    private static final String MUNICIPALITY = "gemeente";

    private final LocalTracks tracks;
    private final Programmes programmes;
    private final Municipalities municipalities;
    private final Decisions decisions;
    private final RegionalDocuments documents;
    private final Outbox mails;
    private final HistoryService historyService;

    CaseFiles(LocalTracks tracks, Programmes programmes, Municipalities municipalities, Decisions decisions,
            RegionalDocuments documents, Outbox mails, HistoryService historyService) {
        this.tracks = tracks;
        this.programmes = programmes;
        this.municipalities = municipalities;
        this.decisions = decisions;
        this.documents = documents;
        this.mails = mails;
        this.historyService = historyService;
    }

    record Step(String name, String started, String ended, String who, boolean open) {
    }

    record DecisionLine(String subject, String kind, String proposedBy, String proposedAt, String outcome, String decidedBy,
            String decidedAt, String motivation) {
    }

    record ConsentLine(String kind, String municipality, String text, String consentedBy, String consentedAt) {
    }

    /** A conversation about the inventory or the plan: recorded, not decided. */
    record DiscussionLine(String heldOn, String about, String participants, String agreements, String outcome, String reason,
            String recordedBy) {
    }

    record TalkLine(String heldAt, String interimResults, String successes, String disappointments, String recordedBy) {
    }

    record DocumentLine(String kind, String step, String content, String writtenBy, String writtenAt) {
    }

    record MailLine(String at, String kind, String about, String recipient, String status, String subject) {
    }

    record LocalCase(String trackId, String programmeId, String programmeName, String municipality, String phase,
            String localSituation, String nextStep, String planSummary, List<Step> steps, List<DecisionLine> decisions,
            List<ConsentLine> consents, List<DiscussionLine> discussions, List<TalkLine> talks, List<MailLine> mails,
            List<ActivityLine> activities, boolean mayPropose, boolean mayRequestMoney) {
    }

    /** An activity of the plan, or proposed during execution, with where it stands. */
    record ActivityLine(String title, String partners, String status, String result) {
    }

    record RegionalCase(String programmeId, String programmeName, List<String> meetings, List<Step> steps, List<DocumentLine> documents,
            List<ConsentLine> agenda, List<MailLine> mails) {
    }

    /** A local track, for a viewer who sees its municipality in full; empty when there is none or it is not theirs. */
    Optional<LocalCase> local(String trackId, Viewer viewer) {
        return tracks.byId(trackId).filter(track -> viewer.seesInFull(track.getMunicipalityCode())).map(track -> local(track, viewer));
    }

    private LocalCase local(LocalTrack track, Viewer viewer) {
        Programme programme = programmes.get(track.getProgrammeId());
        List<HistoricTaskInstance> history = tasks(historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(track.getId())
                .variableValueEquals(PROGRAMME, track.getProgrammeId())
                .variableValueEquals(MUNICIPALITY, track.getMunicipalityCode()));
        List<DecisionLine> decisionLines = decisions.trail(track.getProgrammeId(), track.getMunicipalityCode()).stream()
                .map(d -> new DecisionLine(d.getSubject(), Labels.subject(d.getSubjectType()), d.getProposedBy(), Labels.moment(d.getProposedAt()),
                        Labels.outcome(d), decider(d), Labels.moment(d.getDecidedAt()), d.getMotivation()))
                .toList();
        List<ConsentLine> consentLines = decisions.consents(track.getProgrammeId()).stream()
                .filter(c -> c.getMunicipalityCode().equals(track.getMunicipalityCode()))
                .map(c -> new ConsentLine(Labels.subject(c.getSubjectType()), name(c.getMunicipalityCode()), c.getSharedText(), c.getConsentedBy(),
                        Labels.moment(c.getConsentedAt())))
                .toList();
        List<DiscussionLine> discussionLines = tracks.discussions(track.getId()).stream()
                .map(d -> new DiscussionLine(Labels.day(d.getHeldOn()), Labels.phase(d.getSubject()), d.getParticipants(), d.getAgreements(),
                        Labels.discussionOutcome(d.getOutcome()), d.getReason(), d.getRecordedBy()))
                .toList();
        List<TalkLine> talkLines = tracks.talks(track.getId()).stream()
                .map(t -> new TalkLine(Labels.moment(t.getHeldAt()), t.getInterimResults(), t.getSuccesses(), t.getDisappointments(), t.getRecordedBy()))
                .toList();
        return new LocalCase(track.getId(), programme.getId(), programme.getName(), name(track.getMunicipalityCode()),
                Labels.phase(track.getPhase()), track.getLocalSituation(), track.getNextStep(), track.getPlanSummary(), steps(history),
                decisionLines, consentLines, discussionLines, talkLines, mails(history),
                tracks.activities(track.getId()).stream().map(a -> new ActivityLine(a.getTitle(), a.getPartners(), Labels.activityStatus(a.getStatus()),
                        a.getResult())).toList(),
                // Who may propose is the beleidsambtenaar of the municipality, while the plan is carried out (the API checks it again).
                track.getPhase() == Phase.UITVOERING && viewer.groups().contains("beleidsambtenaar-" + track.getMunicipalityCode()),
                // Who may ask for activity money: its beleidsambtenaar or the projectleider, for a funded municipality (the page checks it again).
                municipalities.byCode(track.getMunicipalityCode()).map(Municipality::isFunded).orElse(false)
                        && (viewer.groups().contains("beleidsambtenaar-" + track.getMunicipalityCode()) || viewer.groups().contains("projectleider")));
    }

    /** The regional track: shared with everyone who takes part; local texts on it are consented ones only (the agenda). */
    RegionalCase regional(String programmeId) {
        Programme programme = programmes.get(programmeId);
        List<HistoricTaskInstance> history = tasks(historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(RegionalTrackProcess.PROCESS_KEY)
                .processInstanceBusinessKey(programmeId + "-regio")
                .variableValueEquals(PROGRAMME, programmeId));
        Map<Long, Consent> consents = decisions.consents(programmeId).stream()
                .collect(Collectors.toMap(Consent::getId, Function.identity()));
        List<ConsentLine> agenda = documents.agenda(programmeId).stream()
                .filter(item -> consents.containsKey(item.getConsentId()))
                .map(item -> new ConsentLine("Vergadering " + Labels.day(item.getMeetingDate()), name(item.getMunicipalityCode()), item.getText(),
                        consents.get(item.getConsentId()).getConsentedBy(), Labels.moment(consents.get(item.getConsentId()).getConsentedAt())))
                .toList();
        List<DocumentLine> documentLines = documents.of(programmeId).stream()
                .map(d -> new DocumentLine(Labels.document(d.getKind()), d.getStep(), d.getContent(), d.getWrittenBy(), Labels.moment(d.getWrittenAt())))
                .toList();
        return new RegionalCase(programmeId, programme.getName(), programme.getCalendar().meetings().stream().map(Labels::day).toList(),
                steps(history), documentLines, agenda, mails(history));
    }

    /**
     * The steps of the instances that belong to the case, oldest first. A business key alone proves nothing (a
     * money request once started with another municipality's key kept it), so the instances are matched on their
     * exact key and on their own programme and municipality.
     */
    private List<HistoricTaskInstance> tasks(HistoricProcessInstanceQuery caseInstances) {
        return caseInstances.list().stream()
                .flatMap(instance -> historyService.createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).list().stream())
                .sorted(Comparator.comparing(HistoricTaskInstance::getStartTime).thenComparing(HistoricTaskInstance::getId))
                .toList();
    }

    private static List<Step> steps(List<HistoricTaskInstance> history) {
        return history.stream().map(t -> new Step(t.getName(), moment(t.getStartTime()), moment(t.getEndTime()),
                t.getAssignee() == null ? "" : t.getAssignee(), t.getEndTime() == null)).toList();
    }

    private List<MailLine> mails(List<HistoricTaskInstance> history) {
        Map<String, String> names = history.stream().collect(Collectors.toMap(HistoricTaskInstance::getId, HistoricTaskInstance::getName, (a, b) -> a));
        if (names.isEmpty()) {
            return List.of();
        }
        return mails.ofTasks(names.keySet()).stream()
                .map(m -> new MailLine(Labels.moment(m.getRecordedAt()), m.getKind().getLabel(), names.get(m.getTaskId()), m.getRecipient(),
                        status(m), m.getSubject()))
                .toList();
    }

    /** Who decided; for a decision of the college, also the college's own decision it records. */
    private static String decider(Decision decision) {
        return decision.getCollegeDecisionNumber() == null ? decision.getDecidedBy() : decision.getDecidedBy() + " (collegebesluit "
                + decision.getCollegeDecisionNumber() + " van " + Labels.day(decision.getCollegeDecisionDate()) + ")";
    }

    private static String status(OutboxMail mail) {
        return mail.getReason() == null ? mail.getStatus().getLabel() : mail.getStatus().getLabel() + ": " + mail.getReason();
    }

    private String name(String code) {
        return code == null ? "Regionaal" : municipalities.byCode(code).map(Municipality::getName).orElse(code);
    }

    private static String moment(Date date) {
        return date == null ? "" : Labels.moment(LocalDateTime.ofInstant(date.toInstant(), EngineClock.ZONE));
    }
}
