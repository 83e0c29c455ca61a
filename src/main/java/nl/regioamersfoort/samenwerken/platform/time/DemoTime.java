package nl.regioamersfoort.samenwerken.platform.time;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.jobexecutor.TimerStartEventJobHandler;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.ObjectProvider;
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

    /** The longest a weekday timer waits: from Friday morning to Monday morning, and a margin. */
    private static final long CYCLE_TIMER_HORIZON_MILLIS = 7L * 24 * 60 * 60 * 1000;

    private final JdbcTemplate jdbc;
    // Lazily: this plugin configures the engine these services belong to.
    private final ObjectProvider<ManagementService> management;

    DemoTime(JdbcTemplate jdbc, ObjectProvider<ManagementService> management) {
        this.jdbc = jdbc;
        this.management = management;
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
        rescheduleCycleTimersFromNow();
        return EngineClock.now();
    }

    /**
     * A timer start event's cycle (the weekly digest's weekday mornings) was scheduled from the time
     * it last fired, or from the real date at deployment. Moved back to the demo date, it would wait
     * for that later date; its next moment is counted again from the demo's now. Moving forward
     * needs nothing: the overdue timer fires once and schedules its next moment from then.
     */
    private void rescheduleCycleTimersFromNow() {
        ManagementService jobs = management.getIfAvailable();
        if (jobs == null) {
            return;
        }
        Date horizon = new Date(ClockUtil.getCurrentTime().getTime() + CYCLE_TIMER_HORIZON_MILLIS);
        for (JobDefinition definition : jobs.createJobDefinitionQuery().jobType(TimerStartEventJobHandler.TYPE).list()) {
            for (Job job : jobs.createJobQuery().jobDefinitionId(definition.getId()).duedateHigherThan(horizon).list()) {
                jobs.recalculateJobDuedate(job.getId(), false);
            }
        }
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
