package nl.regioamersfoort.samenwerken.programma;

import java.time.LocalDate;
import java.util.List;

/**
 * A request to start a programme period, from the API or from the start form in Tasklist. Calendar
 * dates may be null: the seed's defaults apply. {@code meetings} are the BOSD's, {@code
 * steeringMeetings} the stuurgroep's (by default two working weeks before each BOSD meeting).
 */
public record NewProgramme(String name, LocalDate start, LocalDate end, List<String> municipalities, LocalDate inventory,
        LocalDate plan, LocalDate topics, LocalDate approach, LocalDate feedback, List<LocalDate> meetings,
        List<Integer> reminderWorkingDays, List<LocalDate> steeringMeetings) {

    /** With the stuurgroep's default calendar. */
    public NewProgramme(String name, LocalDate start, LocalDate end, List<String> municipalities, LocalDate inventory,
            LocalDate plan, LocalDate topics, LocalDate approach, LocalDate feedback, List<LocalDate> meetings,
            List<Integer> reminderWorkingDays) {
        this(name, start, end, municipalities, inventory, plan, topics, approach, feedback, meetings, reminderWorkingDays, null);
    }

    /** Without own reminder offsets: the configured ones apply. */
    public NewProgramme(String name, LocalDate start, LocalDate end, List<String> municipalities, LocalDate inventory,
            LocalDate plan, LocalDate topics, LocalDate approach, LocalDate feedback, List<LocalDate> meetings) {
        this(name, start, end, municipalities, inventory, plan, topics, approach, feedback, meetings, null);
    }
}
