package nl.regioamersfoort.samenwerken.programma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgrammeCalendarTest {

    @Test
    void programmeCalendarUsesTheLastWorkingDay() {
        ProgrammeCalendar calendar = ProgrammeCalendar.defaults(LocalDate.of(2022, 1, 1), LocalDate.of(2025, 12, 31),
                List.of(LocalDate.of(2022, 3, 16)));

        assertThat(calendar.inventory()).isEqualTo(LocalDate.of(2022, 4, 29));
        assertThat(calendar.plan()).isEqualTo(LocalDate.of(2022, 6, 30));
        assertThat(ProgrammeCalendar.relativeToJoining(LocalDate.of(2023, 12, 15)))
                .containsExactly(LocalDate.of(2024, 3, 28), LocalDate.of(2024, 5, 31));
    }

    @Test
    void theFeedbackMomentBelongsToAPeriodWithMunicipalElections() {
        // Seed 000 §11: elections in March 2022, feedback in June, when the plans are due.
        assertThat(ProgrammeCalendar.defaults(LocalDate.of(2022, 1, 1), LocalDate.of(2023, 12, 31), List.of(LocalDate.of(2022, 3, 16)))
                .feedback()).isEqualTo(LocalDate.of(2022, 6, 30));
        // No elections in the period: no feedback moment.
        assertThat(ProgrammeCalendar.defaults(LocalDate.of(2031, 1, 1), LocalDate.of(2032, 12, 31), List.of()).feedback()).isNull();
        // Plans due between the election and 30 June: the new portefeuillehouders speak before they are adopted.
        assertThat(ProgrammeCalendar.defaults(LocalDate.of(2021, 11, 1), LocalDate.of(2023, 10, 31), List.of(LocalDate.of(2022, 3, 16)))
                .feedback()).isEqualTo(LocalDate.of(2022, 4, 29));
        // Elections in the second year, after the plans: 30 June of that year.
        assertThat(ProgrammeCalendar.defaults(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31), List.of(LocalDate.of(2026, 3, 18)))
                .feedback()).isEqualTo(LocalDate.of(2026, 6, 30));
    }

    @Test
    void everyBosdMeetingIsPreparedByAStuurgroepMeetingBeforeIt() {
        ProgrammeCalendar calendar = ProgrammeCalendar.defaults(LocalDate.of(2022, 1, 1), LocalDate.of(2023, 12, 31), List.of());
        assertThat(calendar.meetings()).first().isEqualTo(LocalDate.of(2022, 9, 30));
        assertThat(calendar.steeringMeetings()).first().isEqualTo(LocalDate.of(2022, 9, 16));
        assertThat(calendar.nextMeeting(null, LocalDate.of(2022, 7, 1))).hasValue(new ProgrammeCalendar.RegionalMeeting(
                LocalDate.of(2022, 9, 9), LocalDate.of(2022, 9, 16), LocalDate.of(2022, 9, 30)));
        // A meeting in the past is not planned again; after the last one there is none.
        assertThat(calendar.nextMeeting(null, LocalDate.of(2022, 10, 1)).orElseThrow().bosd()).isEqualTo(LocalDate.of(2022, 12, 30));
        assertThat(calendar.nextMeeting(LocalDate.of(2023, 12, 30), LocalDate.of(2023, 12, 30))).isEmpty();
        assertThatThrownBy(() -> ProgrammeCalendar.requireSteeringBeforeEveryBosdMeeting(List.of(LocalDate.of(2022, 9, 30)),
                List.of(LocalDate.of(2022, 10, 3)))).hasMessageStartingWith("Voor de vergadering van het BOSD op 30 september 2022");
    }
}
