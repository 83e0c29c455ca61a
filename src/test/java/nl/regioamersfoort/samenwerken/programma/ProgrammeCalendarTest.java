package nl.regioamersfoort.samenwerken.programma;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ProgrammeCalendarTest {

    @Test
    void programmeCalendarUsesTheLastWorkingDay() {
        ProgrammeCalendar calendar = ProgrammeCalendar.defaults(LocalDate.of(2022, 1, 1), LocalDate.of(2025, 12, 31));

        assertThat(calendar.inventory()).isEqualTo(LocalDate.of(2022, 4, 29));
        assertThat(calendar.plan()).isEqualTo(LocalDate.of(2022, 6, 30));
        assertThat(ProgrammeCalendar.relativeToJoining(LocalDate.of(2023, 12, 15)))
                .containsExactly(LocalDate.of(2024, 3, 28), LocalDate.of(2024, 5, 31));
    }
}
