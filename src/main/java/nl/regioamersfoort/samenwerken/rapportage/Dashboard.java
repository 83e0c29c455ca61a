package nl.regioamersfoort.samenwerken.rapportage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import nl.regioamersfoort.samenwerken.besluit.Consent;
import nl.regioamersfoort.samenwerken.besluit.Decision;
import nl.regioamersfoort.samenwerken.besluit.Decisions;
import nl.regioamersfoort.samenwerken.budget.YearlyAccount;
import nl.regioamersfoort.samenwerken.budget.YearlyAccounts;
import nl.regioamersfoort.samenwerken.gemeente.Municipalities;
import nl.regioamersfoort.samenwerken.gemeente.Municipality;
import nl.regioamersfoort.samenwerken.platform.text.Dutch;
import nl.regioamersfoort.samenwerken.platform.time.EngineClock;
import nl.regioamersfoort.samenwerken.programma.Participant;
import nl.regioamersfoort.samenwerken.programma.Programme;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import nl.regioamersfoort.samenwerken.traject.LocalTrack;
import nl.regioamersfoort.samenwerken.traject.LocalTracks;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The programme at a glance, per period, in the viewer's own words and within what the viewer may see. */
@Service
@Transactional(readOnly = true)
class Dashboard {

    private final Programmes programmes;
    private final Municipalities municipalities;
    private final LocalTracks tracks;
    private final Decisions decisions;
    private final YearlyAccounts accounts;
    private final TaskService taskService;

    Dashboard(Programmes programmes, Municipalities municipalities, LocalTracks tracks, Decisions decisions,
            YearlyAccounts accounts, TaskService taskService) {
        this.programmes = programmes;
        this.municipalities = municipalities;
        this.tracks = tracks;
        this.decisions = decisions;
        this.accounts = accounts;
        this.taskService = taskService;
    }

    record Overview(String id, String name, String period, String status, Timeline timeline, List<Row> rows, Regional regional,
            boolean consentedOnly) {
    }

    /** One municipality. Texts are null where the viewer may not see them: its status (phase, deadline, overdue) unless in full. */
    record Row(String code, String municipality, String phase, String nextDue, long overdue, String lastDecision, String money,
            String hours, boolean inFull, String trackId) {
    }

    record Regional(String businessKey, List<String> openSteps, String nextMeeting, long overdue, String hours) {
    }

    List<Overview> overviews(Viewer viewer) {
        LocalDate today = EngineClock.today();
        return programmes.visibleTo(viewer.insight()).stream()
                .sorted(Comparator.comparing(Programme::getStart).reversed())
                .map(programme -> overview(programme, viewer, today))
                .toList();
    }

    Overview overview(Programme programme, Viewer viewer, LocalDate today) {
        YearlyAccount account = accounts.of(programme.getId(), yearWithin(programme, today));
        List<Row> rows = new ArrayList<>();
        for (Participant participant : programme.getParticipants()) {
            String code = participant.getMunicipalityCode();
            if (!viewer.seesRow(code)) {
                continue;
            }
            rows.add(row(programme, code, viewer.seesInFull(code), account));
        }
        return new Overview(programme.getId(), programme.getName(), Labels.day(programme.getStart()) + " tot en met " + Labels.day(programme.getEnd()),
                status(programme), Timeline.of(programme, today), rows, regional(programme, account, today), !viewer.isCoordinator());
    }

    private Row row(Programme programme, String code, boolean inFull, YearlyAccount account) {
        String trackId = programme.getId() + "-" + code;
        Municipality municipality = municipalities.byCode(code).orElseThrow();
        Optional<LocalTrack> track = tracks.byId(trackId);
        String lastDecision = inFull ? lastDecision(programme.getId(), code) : lastConsent(programme.getId(), code);
        String money = account.money().stream().filter(m -> m.municipalityCode().equals(code)).findFirst()
                .map(m -> Dutch.euros(m.grantedCents() - m.refundedCents()) + " van " + Dutch.euros(m.budgetCents()))
                .orElse(municipality.isFunded() ? "" : "Niet gefinancierd");
        String hours = account.hours().stream().filter(h -> h.municipalityName().equals(municipality.getName())).findFirst()
                .map(h -> Dutch.hours(h.hours())).orElse("0");
        if (!inFull) {
            // Where a municipality stands is local information nobody consented to share (issue 12).
            return new Row(code, municipality.getName(), null, null, 0, lastDecision, money, hours, false, null);
        }
        String phase = track.map(t -> Labels.phase(t.getPhase())).orElse("Nog niet begonnen");
        return new Row(code, municipality.getName(), phase, Labels.day(nextDue(trackId)), overdue(trackId), lastDecision, money, hours,
                true, track.isPresent() ? trackId : null);
    }

    private Regional regional(Programme programme, YearlyAccount account, LocalDate today) {
        String key = programme.getId() + "-regio";
        List<String> open = taskService.createTaskQuery().processInstanceBusinessKey(key).orderByTaskCreateTime().asc().list().stream()
                .map(Task::getName).distinct().toList();
        String nextMeeting = programme.getCalendar().meetings().stream().filter(d -> !d.isBefore(today)).findFirst()
                .map(Labels::day).orElse("Geen vergadering meer gepland");
        String hours = account.hours().stream().filter(h -> h.municipalityName().equals("Regionaal")).findFirst()
                .map(h -> Dutch.hours(h.hours())).orElse("0");
        return new Regional(key, open, nextMeeting, overdue(key), hours);
    }

    private String lastDecision(String programmeId, String code) {
        List<Decision> decided = decisions.trail(programmeId, code).stream().filter(d -> d.getDecidedAt() != null).toList();
        if (decided.isEmpty()) {
            return "Nog geen besluit";
        }
        Decision last = decided.get(decided.size() - 1);
        return Labels.outcome(last.getOutcome()) + ": " + Labels.subject(last.getSubjectType()) + " (" + Labels.day(last.getDecidedAt().toLocalDate()) + ")";
    }

    /** For regional viewers: only what the wethouder consented to share. */
    private String lastConsent(String programmeId, String code) {
        List<Consent> shared = decisions.consents(programmeId).stream().filter(c -> c.getMunicipalityCode().equals(code)).toList();
        if (shared.isEmpty()) {
            return "Nog niets gedeeld";
        }
        Consent last = shared.get(shared.size() - 1);
        return "Gedeeld: " + Labels.subject(last.getSubjectType()).replace(" delen", "") + " (" + Labels.day(last.getConsentedAt().toLocalDate()) + ")";
    }

    private LocalDate nextDue(String businessKey) {
        return taskService.createTaskQuery().processInstanceBusinessKey(businessKey).list().stream()
                .map(Task::getDueDate).filter(Objects::nonNull).min(Comparator.naturalOrder())
                .map(due -> due.toInstant().atZone(EngineClock.ZONE).toLocalDate()).orElse(null);
    }

    long overdue(String businessKey) {
        return taskService.createTaskQuery().processInstanceBusinessKey(businessKey)
                .dueBefore(Date.from(EngineClock.now().atZone(EngineClock.ZONE).toInstant())).count();
    }

    private static String status(Programme programme) {
        return switch (programme.getStatus()) {
            case LOPEND -> "Lopend";
            case GESTOPT -> "Gestopt";
            case AFGEROND -> "Afgerond";
        };
    }

    static int yearWithin(Programme programme, LocalDate today) {
        return Math.max(programme.getStart().getYear(), Math.min(programme.getEnd().getYear(), today.getYear()));
    }
}
