package nl.regioamersfoort.samenwerken.programma;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import nl.regioamersfoort.samenwerken.platform.form.FormInput;
import nl.regioamersfoort.samenwerken.platform.text.Dutch;
import nl.regioamersfoort.samenwerken.platform.time.WorkingDays;

/**
 * The due dates of a programme period (seed 000 §6): inventory and overview of topics end of
 * April, tailored plan and plan of approach end of June, the feedback moment after the elections
 * on 30 June, progress talks every three months, and during execution the meetings of the BOSD
 * ({@code meetings}) and of the stuurgroep SD ({@code steeringMeetings}): each body its own
 * calendar, the stuurgroep preparing what the BOSD shares.
 */
public record ProgrammeCalendar(LocalDate inventory, LocalDate plan, LocalDate topics, LocalDate approach,
        LocalDate feedback, int progressIntervalMonths, List<LocalDate> meetings, List<LocalDate> steeringMeetings) {

    public static final int DEFAULT_PROGRESS_INTERVAL_MONTHS = 3;
    /** By default the stuurgroep meets two working weeks before the BOSD. */
    static final int STEERING_LEAD_WORKING_DAYS = 10;
    /** Papers for the stuurgroep are in this many working days before its meeting. */
    public static final int PAPER_WORKING_DAYS = 5;

    /** One round of R-04: the stuurgroep's meeting, the BOSD's meeting it prepares, and the paper deadline before both. */
    public record RegionalMeeting(LocalDate paperDeadline, LocalDate steering, LocalDate bosd) {
    }

    /**
     * The first BOSD meeting after {@code previous} (any, when null) that is not in the past, with
     * the last stuurgroep meeting before it; empty when the calendar holds no more.
     */
    public Optional<RegionalMeeting> nextMeeting(LocalDate previous, LocalDate today) {
        return meetings.stream().sorted()
                .filter(bosd -> (previous == null || bosd.isAfter(previous)) && !bosd.isBefore(today))
                .findFirst()
                .flatMap(bosd -> steeringMeetings.stream().filter(steering -> steering.isBefore(bosd)
                                && (previous == null || steering.isAfter(previous))).max(Comparator.naturalOrder())
                        .map(steering -> new RegionalMeeting(WorkingDays.minusWorkingDays(steering, PAPER_WORKING_DAYS), steering, bosd)));
    }

    /** The stuurgroep's default calendar: a meeting two working weeks before each BOSD meeting. */
    static List<LocalDate> steeringBefore(List<LocalDate> bosdMeetings) {
        return bosdMeetings.stream().map(bosd -> WorkingDays.minusWorkingDays(bosd, STEERING_LEAD_WORKING_DAYS)).distinct().sorted().toList();
    }

    /**
     * R-04 as a rule of the calendar: the stuurgroep meets before every BOSD meeting, after the one
     * before it. A Dutch message names the first BOSD meeting that lacks its preparation.
     */
    static void requireSteeringBeforeEveryBosdMeeting(List<LocalDate> bosdMeetings, List<LocalDate> steeringMeetings) {
        LocalDate previous = null;
        for (LocalDate bosd : bosdMeetings.stream().sorted().toList()) {
            LocalDate after = previous;
            if (steeringMeetings.stream().noneMatch(steering -> steering.isBefore(bosd) && (after == null || steering.isAfter(after)))) {
                throw FormInput.invalid("Voor de vergadering van het BOSD op " + Dutch.date(bosd) + " is geen vergadering van de stuurgroep"
                        + " gepland" + (after == null ? "" : " na die van " + Dutch.date(after))
                        + ": de stuurgroep bereidt voor wat het BOSD deelt.");
            }
            previous = bosd;
        }
    }

    /**
     * The seed's default cycle: for a period starting in January, inventory and overview at the end
     * of April and plans at the end of June; for a later start the same rhythm from the start. The
     * feedback moment after the elections belongs to a period with municipal elections in it (seed
     * 000 §11: March 2022, feedback in June): on 30 June of the first election's year, or on the
     * plans' due date when that comes between the election and 30 June, so that the new
     * portefeuillehouders speak before plans are adopted where the calendar allows. No election in
     * the period: no feedback moment (null).
     */
    static ProgrammeCalendar defaults(LocalDate start, LocalDate end, List<LocalDate> elections) {
        LocalDate inventory = WorkingDays.lastWorkingDayOf(YearMonth.from(start.plusMonths(3)));
        LocalDate plan = defaultPlan(start);
        List<LocalDate> meetings = quarterlyMeetings(plan, end);
        return new ProgrammeCalendar(inventory, plan, inventory, plan, feedbackAfterElections(plan, end, elections),
                DEFAULT_PROGRESS_INTERVAL_MONTHS, meetings, steeringBefore(meetings));
    }

    /** The closing evaluations are written after the period: due on the last working day a month after its end. */
    public static LocalDate closingEvaluationsDue(LocalDate end) {
        return WorkingDays.onOrBefore(end.plusMonths(1));
    }

    /** The final report starts on its own date, the working day after the closing evaluations are due. */
    public static LocalDate finalReportStarts(LocalDate end) {
        return WorkingDays.plusWorkingDays(closingEvaluationsDue(end), 1);
    }

    /** Plans and the plan of approach: the end of the fifth month after the start. */
    static LocalDate defaultPlan(LocalDate start) {
        return WorkingDays.lastWorkingDayOf(YearMonth.from(start.plusMonths(5)));
    }

    static LocalDate feedbackAfterElections(LocalDate plan, LocalDate end, List<LocalDate> elections) {
        return elections.stream().sorted().findFirst().map(election -> {
            LocalDate feedback = LocalDate.of(election.getYear(), 6, 30);
            if (plan.isAfter(election) && plan.isBefore(feedback)) {
                feedback = plan;
            }
            return feedback.isAfter(end) ? end : feedback;
        }).orElse(null);
    }

    /** Every three months after the plan of approach, while the period lasts. */
    static List<LocalDate> quarterlyMeetings(LocalDate after, LocalDate end) {
        List<LocalDate> meetings = new ArrayList<>();
        for (LocalDate meeting = after.plusMonths(3); !meeting.isAfter(end); meeting = meeting.plusMonths(3)) {
            meetings.add(meeting);
        }
        return meetings;
    }

    /** Due dates for a municipality that joins later: the same rhythm, counted from its join date. */
    public static LocalDate[] relativeToJoining(LocalDate joinedOn) {
        return new LocalDate[] {WorkingDays.lastWorkingDayOf(YearMonth.from(joinedOn.plusMonths(3))),
                WorkingDays.lastWorkingDayOf(YearMonth.from(joinedOn.plusMonths(5)))};
    }
}
