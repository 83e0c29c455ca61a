package nl.regioamersfoort.samenwerken.platform.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    @Test
    void ordinaryWeekdayIsAWorkingDayAndStaysPut() {
        LocalDate tuesday = LocalDate.of(2022, 4, 26);

        assertThat(WorkingDays.isWorkingDay(tuesday)).isTrue();
        assertThat(WorkingDays.onOrBefore(tuesday)).isEqualTo(tuesday);
    }

    @Test
    void kingsDayMovesToTheDayBefore() {
        LocalDate kingsDay = LocalDate.of(2022, 4, 27);

        assertThat(WorkingDays.isWorkingDay(kingsDay)).isFalse();
        assertThat(WorkingDays.onOrBefore(kingsDay)).isEqualTo(LocalDate.of(2022, 4, 26));
    }

    @Test
    void christmasOnMondayMovesToTheFridayBefore() {
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2023, 12, 25))).isFalse();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2023, 12, 26))).isFalse();
        assertThat(WorkingDays.onOrBefore(LocalDate.of(2023, 12, 25))).isEqualTo(LocalDate.of(2023, 12, 22));
        assertThat(WorkingDays.onOrBefore(LocalDate.of(2023, 12, 26))).isEqualTo(LocalDate.of(2023, 12, 22));
    }

    @Test
    void weekendMovesToTheFriday() {
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2022, 4, 23))).isFalse();
        assertThat(WorkingDays.onOrBefore(LocalDate.of(2022, 4, 23))).isEqualTo(LocalDate.of(2022, 4, 22));
        assertThat(WorkingDays.onOrBefore(LocalDate.of(2022, 4, 24))).isEqualTo(LocalDate.of(2022, 4, 22));
    }

    @Test
    void easterMondayAndGoodFridayAreSkippedWhenCountingBack() {
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2022, 4, 18))).isFalse();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2022, 4, 15))).isFalse();
        assertThat(WorkingDays.minusWorkingDays(LocalDate.of(2022, 4, 19), 1)).isEqualTo(LocalDate.of(2022, 4, 14));
    }

    @Test
    void countsBackOnlyWorkingDays() {
        LocalDate due = LocalDate.of(2022, 4, 26);

        assertThat(WorkingDays.minusWorkingDays(due, 0)).isEqualTo(due);
        assertThat(WorkingDays.minusWorkingDays(due, 3)).isEqualTo(LocalDate.of(2022, 4, 21));
        assertThat(WorkingDays.minusWorkingDays(due, 14)).isEqualTo(LocalDate.of(2022, 4, 4));
    }

    @Test
    void zeroWorkingDaysBeforeANonWorkingDayIsTheWorkingDayBefore() {
        assertThat(WorkingDays.minusWorkingDays(LocalDate.of(2022, 4, 27), 0)).isEqualTo(LocalDate.of(2022, 4, 26));
        assertThat(WorkingDays.minusWorkingDays(LocalDate.of(2022, 4, 27), 1)).isEqualTo(LocalDate.of(2022, 4, 25));
    }

    @Test
    void negativeCountIsRefused() {
        assertThatThrownBy(() -> WorkingDays.minusWorkingDays(LocalDate.of(2022, 4, 26), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lastWorkingDayOfAMonth() {
        assertThat(WorkingDays.lastWorkingDayOf(YearMonth.of(2022, 4))).isEqualTo(LocalDate.of(2022, 4, 29));
        assertThat(WorkingDays.lastWorkingDayOf(YearMonth.of(2024, 3))).isEqualTo(LocalDate.of(2024, 3, 28));
    }

    @Test
    void ascensionDayIsNotAWorkingDay() {
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2022, 5, 26))).isFalse();
    }

    @Test
    void liberationDayCountsEveryYear() {
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2022, 5, 5))).isFalse();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2023, 5, 5))).isFalse();
    }
}
