package nl.regioamersfoort.samenwerken.platform.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * How an engine plugin adds its hook beside those of the other plugins: the engine's configuration
 * holds one list of each kind, which may still be null, and a plugin that set a list of its own would
 * drop the hooks of the plugins before it.
 */
public final class EngineHooks {

    private EngineHooks() {
    }

    /** Called while a model is parsed, before the engine's own parse of each element. */
    public static void addPreParseListener(ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
        configuration.setCustomPreBPMNParseListeners(with(configuration.getCustomPreBPMNParseListeners(), listener));
    }

    /** Called while a model is parsed, after the engine's own parse of each element. */
    public static void addPostParseListener(ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
        configuration.setCustomPostBPMNParseListeners(with(configuration.getCustomPostBPMNParseListeners(), listener));
    }

    /** Receives every history event the engine produces. */
    public static void addHistoryEventHandler(ProcessEngineConfigurationImpl configuration, HistoryEventHandler handler) {
        configuration.setCustomHistoryEventHandlers(with(configuration.getCustomHistoryEventHandlers(), handler));
    }

    private static <T> List<T> with(List<T> existing, T added) {
        List<T> all = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
        all.add(added);
        return all;
    }
}
