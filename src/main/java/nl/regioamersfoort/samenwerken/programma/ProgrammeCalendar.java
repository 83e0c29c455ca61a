package nl.regioamersfoort.samenwerken.programma;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import nl.regioamersfoort.samenwerken.platform.time.WorkingDays;

/**
 * The due dates of a programme period (seed 000 §6): inventory and overview of topics end of
 * April, tailored plan and plan of approach end of June, the feedback moment after the elections
 * on 30 June, progress talks every three months, and the regional meetings during execution.
 */
public record ProgrammeCalendar(LocalDate inventory, LocalDate plan, LocalDate topics, LocalDate approach,
        LocalDate feedback, int progressIntervalMonths, List<LocalDate> meetings) {

    public static final int DEFAULT_PROGRESS_INTERVAL_MONTHS = 3;

    /**
     * The seed's default cycle: for a period starting in January, inventory and overview at the end
     * of April and plans at the end of June; for a later start the same rhythm from the start. The
     * feedback moment is 30 June, of the first year if the period has begun by then.
     */
    static ProgrammeCalendar defaults(LocalDate start, LocalDate end) {
        LocalDate inventory = WorkingDays.lastWorkingDayOf(YearMonth.from(start.plusMonths(3)));
        LocalDate plan = WorkingDays.lastWorkingDayOf(YearMonth.from(start.plusMonths(5)));
        LocalDate feedback = LocalDate.of(start.getYear(), 6, 30);
        if (feedback.isBefore(start)) {
            feedback = feedback.plusYears(1);
        }
        if (feedback.isAfter(end)) {
            feedback = end;
        }
        return new ProgrammeCalendar(inventory, plan, inventory, plan, feedback, DEFAULT_PROGRESS_INTERVAL_MONTHS,
                quarterlyMeetings(plan, end));
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
