package nl.regioamersfoort.samenwerken.rapportage;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import nl.regioamersfoort.samenwerken.platform.text.Dutch;
import nl.regioamersfoort.samenwerken.programma.Programme;
import nl.regioamersfoort.samenwerken.programma.ProgrammeCalendar;

/**
 * The picture of a programme period: the seed's milestones L1–L3 (local) and R1–R3 (regional) as
 * bars on a time axis, with today marked. Geometry only; the template draws it as SVG, and the same
 * facts are listed as text for screen readers.
 */
record Timeline(int width, int height, List<Bar> bars, List<Tick> ticks, Integer todayX, String todayLabel, String description) {

    static final int LABEL_WIDTH = 60;
    static final int AXIS_WIDTH = 840;
    static final int ROW_HEIGHT = 26;

    record Bar(String code, String title, boolean local, int x, int y, int width, String period) {
    }

    record Tick(int x, String label) {
    }

    static Timeline of(Programme programme, LocalDate today) {
        LocalDate start = programme.getStart();
        LocalDate end = programme.getEnd();
        ProgrammeCalendar calendar = programme.getCalendar();
        long days = Math.max(1, ChronoUnit.DAYS.between(start, end));
        List<Bar> bars = new ArrayList<>();
        Object[][] milestones = {
                {"L1", "Inventarisatie per gemeente", true, start, calendar.inventory()},
                {"L2", "Maatwerkplan per gemeente", true, calendar.inventory(), calendar.plan()},
                {"L3", "Uitvoering maatwerkplan", true, calendar.plan(), end},
                {"R1", "Overzicht (deel)onderwerpen", false, start, calendar.topics()},
                {"R2", "Plan van aanpak samenwerking", false, calendar.topics(), calendar.approach()},
                {"R3", "Uitvoering plan van aanpak en delen van resultaten", false, calendar.approach(), end}};
        int row = 0;
        for (Object[] m : milestones) {
            LocalDate from = (LocalDate) m[3];
            LocalDate to = (LocalDate) m[4];
            int x = x(start, from, days);
            int width = Math.max(4, x(start, to, days) - x);
            bars.add(new Bar((String) m[0], (String) m[1], (Boolean) m[2], x, 30 + row * ROW_HEIGHT, width,
                    Labels.day(from) + " tot en met " + Labels.day(to)));
            row++;
        }
        List<Tick> ticks = new ArrayList<>();
        for (YearMonth month = YearMonth.from(start); !month.atDay(1).isAfter(end); month = month.plusMonths(3)) {
            LocalDate first = month.atDay(1).isBefore(start) ? start : month.atDay(1);
            ticks.add(new Tick(x(start, first, days), Dutch.month(month)));
        }
        Integer todayX = today.isBefore(start) || today.isAfter(end) ? null : x(start, today, days);
        String description = "Tijdlijn van " + Labels.day(start) + " tot en met " + Labels.day(end)
                + (todayX == null ? "; vandaag valt buiten deze periode." : "; vandaag is " + Labels.day(today) + ".");
        return new Timeline(LABEL_WIDTH + AXIS_WIDTH + 20, 30 + milestones.length * ROW_HEIGHT + 30, bars, ticks, todayX,
                "Vandaag", description);
    }

    private static int x(LocalDate start, LocalDate day, long days) {
        return LABEL_WIDTH + (int) Math.round(AXIS_WIDTH * (double) ChronoUnit.DAYS.between(start, day) / days);
    }
}
