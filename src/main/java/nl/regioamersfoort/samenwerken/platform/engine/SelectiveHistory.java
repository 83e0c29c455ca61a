package nl.regioamersfoort.samenwerken.platform.engine;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * The engine's history database handler, with the features' {@link HistoryRule}s: Camunda's own
 * handler is switched off and this one, a subclass of it, writes what every rule lets through.
 * History level {@code full} stays, and with it the user operation log.
 */
@Component
class SelectiveHistory extends AbstractProcessEnginePlugin {

    private final List<HistoryRule> rules;

    SelectiveHistory(List<HistoryRule> rules) {
        this.rules = List.copyOf(rules);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineHooks.addHistoryEventHandler(configuration, new Writer(rules));
        configuration.setEnableDefaultDbHistoryEventHandler(false);
    }

    private static final class Writer extends DbHistoryEventHandler {

        private final List<HistoryRule> rules;

        Writer(List<HistoryRule> rules) {
            this.rules = rules;
        }

        // Loops, not streams: this runs for every history event of every command.
        @Override
        public void handleEvent(HistoryEvent event) {
            for (HistoryRule rule : rules) {
                if (!rule.writes(event)) {
                    return;
                }
            }
            super.handleEvent(event);
        }

        @Override
        protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity update) {
            if (!super.shouldWriteHistoricDetail(update)) {
                return false;
            }
            for (HistoryRule rule : rules) {
                if (!rule.writesDetail(update)) {
                    return false;
                }
            }
            return true;
        }
    }
}
