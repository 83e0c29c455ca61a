package nl.regioamersfoort.samenwerken.herinnering;

import java.time.Duration;
import java.util.Date;
import nl.regioamersfoort.samenwerken.platform.engine.HistoryRule;
import nl.regioamersfoort.samenwerken.platform.time.EngineClock;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.persistence.entity.ByteArrayEntity;
import org.springframework.stereotype.Component;

/**
 * A deadline watch writes no instance, activity or variable history. There is one for every task
 * with a due date, and that history (its start and end, its timers as activities, the moments it
 * computed) said nothing the outbox does not: every reminder and escalation is recorded there, what
 * was sent when to whom, and the task's own history says who did it when. Writing it cost about a
 * tenth of the statements of every task through the engine, and the removal-time stamping of every
 * watch that ended another dozen.
 * <p>
 * What operators need stays: the watch's job log (which node sent a mail, failed attempts with their
 * stack traces) and its incidents. Without a root instance in the history to stamp them when it
 * ends, they get their removal time when written: then plus the watch model's time to live.
 * <p>
 * The events are still produced, so the engine's other listeners of the history stream (the guard on
 * a case's identity variables) see them; only the database handler leaves them out.
 */
@Component
class TaskWatchHistory implements HistoryRule {

    @Override
    public boolean writes(HistoryEvent event) {
        if (!TaskWatch.PROCESS_KEY.equals(event.getProcessDefinitionKey())) {
            return true;
        }
        if (event instanceof HistoricProcessInstanceEventEntity || event instanceof HistoricActivityInstanceEventEntity
                || event instanceof HistoricVariableUpdateEventEntity) {
            return false;
        }
        stampRemovalTime(event);
        return true;
    }

    private static void stampRemovalTime(HistoryEvent event) {
        if (event.getRemovalTime() != null) {
            return;
        }
        Integer days = Context.getProcessEngineConfiguration().getDeploymentCache()
                .findDeployedProcessDefinitionById(event.getProcessDefinitionId()).getHistoryTimeToLive();
        Date removal = Date.from(EngineClock.moment().toInstant().plus(Duration.ofDays(days == null ? 0 : days)));
        event.setRemovalTime(removal);
        // A failed attempt's stack trace was written before this handler saw its log entry.
        if (event instanceof HistoricJobLogEvent log && log.getExceptionByteArrayId() != null) {
            ByteArrayEntity trace = Context.getCommandContext().getDbEntityManager().selectById(ByteArrayEntity.class,
                    log.getExceptionByteArrayId());
            if (trace != null && trace.getRemovalTime() == null) {
                trace.setRemovalTime(removal);
            }
        }
    }
}
