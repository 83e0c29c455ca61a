package nl.regioamersfoort.samenwerken.platform.time;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Working days of the programme calendar: Monday to Friday, except Dutch public holidays as jollyday
 * 1.5.0 knows them ({@code HolidayCalendar.NETHERLANDS}, file {@code holidays/Holidays_nl.xml}).
 *
 * <p>Jollyday counts as holidays: Nieuwjaarsdag, Goede Vrijdag, Eerste en Tweede Paasdag, Koningsdag
 * (27 April, Saturday 26 April when the 27th is a Sunday), Bevrijdingsdag 5 May <em>every</em> year
 * (not only lustrum years), Hemelvaartsdag, Eerste en Tweede Pinksterdag, Eerste en Tweede Kerstdag.
 * Goede Vrijdag and a yearly Bevrijdingsdag are jollyday's choice, wider than the Algemene termijnenwet.
 * The holidays on weekdays are therefore:
 * <ul>
 *   <li>2022: 15 Apr (Goede Vrijdag), 18 Apr (Paasmaandag), 27 Apr (Koningsdag), 5 May (Bevrijdingsdag),
 *       26 May (Hemelvaart), 6 Jun (Pinkstermaandag), 26 Dec (Tweede Kerstdag);
 *       1 Jan, 17 Apr, 5 Jun and 25 Dec fall on a weekend.</li>
 *   <li>2023: 7 Apr, 10 Apr, 27 Apr, 5 May, 18 May, 29 May, 25 Dec, 26 Dec;
 *       1 Jan, 9 Apr and 28 May fall on a Sunday.</li>
 *   <li>2024: 1 Jan, 29 Mar, 1 Apr, 9 May, 20 May, 25 Dec, 26 Dec;
 *       27 Apr (Saturday), 31 Mar, 5 May and 19 May fall on a weekend.</li>
 * </ul>
 */
public final class WorkingDays {

    // One manager for the whole application: building it parses the calendar XML.
    private static final HolidayManager NETHERLANDS =
            HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.NETHERLANDS));

    // Jollyday recomputes a whole year per lookup; due dates and reminders ask about the same few years over and over.
    private static final Map<Integer, Set<LocalDate>> HOLIDAYS_BY_YEAR = new ConcurrentHashMap<>();

    private WorkingDays() {
    }

    /** Whether the day is Monday to Friday and not a Dutch public holiday. */
    public static boolean isWorkingDay(LocalDate day) {
        Objects.requireNonNull(day, "day");
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !holidaysOf(day.getYear()).contains(day);
    }

    /** The day itself if it is a working day, otherwise the working day before it. */
    public static LocalDate onOrBefore(LocalDate day) {
        Objects.requireNonNull(day, "day");
        LocalDate result = day;
        while (!isWorkingDay(result)) {
            result = result.minusDays(1);
        }
        return result;
    }

    /** The working day n working days before onOrBefore(day); n = 0 gives onOrBefore(day). */
    public static LocalDate minusWorkingDays(LocalDate day, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        // Counting from the due date as it will actually be kept, so a larger n is always an earlier day.
        LocalDate result = onOrBefore(day);
        for (int counted = 0; counted < n; counted++) {
            result = onOrBefore(result.minusDays(1));
        }
        return result;
    }

    /** The working day n working days after the day (n > 0). */
    public static LocalDate plusWorkingDays(LocalDate day, int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be positive: " + n);
        }
        LocalDate result = Objects.requireNonNull(day, "day");
        for (int counted = 0; counted < n; ) {
            result = result.plusDays(1);
            if (isWorkingDay(result)) {
                counted++;
            }
        }
        return result;
    }

    /** The last working day of the month. */
    public static LocalDate lastWorkingDayOf(YearMonth month) {
        return onOrBefore(Objects.requireNonNull(month, "month").atEndOfMonth());
    }

    private static Set<LocalDate> holidaysOf(int year) {
        return HOLIDAYS_BY_YEAR.computeIfAbsent(year, y -> NETHERLANDS.getHolidays(Year.of(y)).stream()
                .map(Holiday::getActualDate)
                .collect(Collectors.toUnmodifiableSet()));
    }
}
