package nl.regioamersfoort.samenwerken.platform.time;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock, so that recorded times and computed dates follow Camunda's ClockUtil (time
 * travel in tests and the demo clock) rather than the wall clock.
 */
public final class EngineClock {

    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private EngineClock() {
    }

    public static LocalDateTime now() {
        return LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZONE);
    }

    /** The engine's now as the engine stores moments. */
    public static Date moment() {
        return ClockUtil.getCurrentTime();
    }

    public static LocalDate today() {
        return now().toLocalDate();
    }

    /** A due date as the engine stores it: the end of the working day (17:00) on that date. */
    public static Date endOfWorkingDay(LocalDate day) {
        return Date.from(day.atTime(17, 0).atZone(ZONE).toInstant());
    }

    /** A moment early on that date (09:00), for timers. */
    public static Date morningOf(LocalDate day) {
        return Date.from(day.atTime(9, 0).atZone(ZONE).toInstant());
    }
}
