package nl.regioamersfoort.samenwerken.platform.time;

import java.time.LocalDateTime;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo only: the demo's time runs from a chosen date, as real time does (Camunda's ClockUtil with an
 * offset, not a frozen clock), so the job executor fires timers, reminders and escalations as they
 * fall due. The offset is kept in {@code demo_clock} and applied before the engine starts, so a
 * restart goes on at the demo date instead of jumping to today with two years of timers at once.
 */
@Component
@Profile("demo")
public class DemoTime extends AbstractProcessEnginePlugin {

    private final JdbcTemplate jdbc;

    DemoTime(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        Long offset = storedOffset();
        if (offset != null) {
            ClockUtil.offset(offset);
        }
    }

    /** Whether the demo runs on a time of its own (otherwise it runs on the real clock). */
    public boolean isSet() {
        return storedOffset() != null;
    }

    /** From now on the demo's time runs from this moment. */
    @Transactional
    public LocalDateTime moveTo(LocalDateTime moment) {
        long offset = moment.atZone(EngineClock.ZONE).toInstant().toEpochMilli() - System.currentTimeMillis();
        if (jdbc.update("UPDATE demo_clock SET offset_millis = ? WHERE id = 1", offset) == 0) {
            jdbc.update("INSERT INTO demo_clock (id, offset_millis) VALUES (1, ?)", offset);
        }
        ClockUtil.reset();
        ClockUtil.offset(offset);
        return EngineClock.now();
    }

    /** Back to the real clock. */
    @Transactional
    public void reset() {
        jdbc.update("DELETE FROM demo_clock");
        ClockUtil.reset();
    }

    private Long storedOffset() {
        try {
            List<Long> offsets = jdbc.queryForList("SELECT offset_millis FROM demo_clock WHERE id = 1", Long.class);
            return offsets.isEmpty() ? null : offsets.get(0);
        } catch (DataAccessException notMigratedYet) {
            // The first start of a new database: the engine may start before Flyway created the table; nothing was moved yet.
            return null;
        }
    }
}
