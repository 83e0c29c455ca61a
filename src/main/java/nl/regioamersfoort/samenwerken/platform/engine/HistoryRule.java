package nl.regioamersfoort.samenwerken.platform.engine;

import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;

/**
 * What a feature leaves out of the engine's history tables, for a process whose history would only
 * repeat what the feature records itself. The engine still produces every event, so its other
 * listeners of the history stream see them all; {@link SelectiveHistory}, which takes the place of
 * the engine's own database handler, asks every rule before it writes one.
 */
public interface HistoryRule {

    /** Whether the event is written at all. A rule may complete an event it keeps (its removal time, say). */
    default boolean writes(HistoryEvent event) {
        return true;
    }

    /**
     * Whether a variable's new value is also written as a historic detail ({@code ACT_HI_DETAIL}, one
     * row per change), beside its last value ({@code ACT_HI_VARINST}), which is always written.
     */
    default boolean writesDetail(HistoricVariableUpdateEventEntity update) {
        return true;
    }
}
