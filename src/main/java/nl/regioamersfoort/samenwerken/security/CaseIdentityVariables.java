package nl.regioamersfoort.samenwerken.security;

import java.util.List;
import java.util.Set;
import nl.regioamersfoort.samenwerken.platform.engine.EngineHooks;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * The variables that say whose case it is are the engine's to write, not a person's. Completing a
 * task may send any variables along, and Camunda writes them into the case; a beleidsambtenaar of
 * Woudenberg could so set {@code gemeente} to {@code baarn}, after which Woudenberg's next tasks,
 * decisions and consents would go to Baarn's groups and Baarn's wethouder. A command of
 * a logged-in person (not an administrator) that changes one of these with what it sends along is
 * refused as a whole; the engine's own code (mappings, service tasks, listeners), new instances and
 * server code without a logged-in person set them as before.
 * <p>
 * Hooked in where the engine reports every change of a variable, its history (history level audit
 * or higher, Samenwerken runs full). {@code activiteitId} is not listed: {@code LocalActivities}
 * already refuses an activity of another track or without the wethouder's akkoord, in Dutch.
 */
@Component
class CaseIdentityVariables extends AbstractProcessEnginePlugin {

    private static final Set<String> ENGINE_ONLY = Set.of("programmaId", "gemeente", "trajectId", "besluitId", "besluitnemerGroep",
            "onderwerpType", "onderwerpReferentie", "aanvraagId", "voortgangId");

    private static final String UPDATE = HistoryEventTypes.VARIABLE_INSTANCE_UPDATE.getEventName();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineHooks.addHistoryEventHandler(configuration, new Guard());
    }

    static class Guard implements HistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            if (event instanceof HistoricVariableUpdateEventEntity variable && UPDATE.equals(variable.getEventType())
                    && ENGINE_ONLY.contains(variable.getVariableName()) && fromAPerson()) {
                throw new AuthorizationException("'" + variable.getVariableName() + "' bepaalt van wie een zaak is en wordt niet "
                        + "met een taak meegestuurd of gewijzigd.");
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }

        /**
         * Variables a logged-in person (not an administrator) sends with their command: written while no
         * process is executing. The engine's own writes (mappings, service tasks, listeners) happen
         * while an execution runs.
         */
        private static boolean fromAPerson() {
            CommandContext commandContext = Context.getCommandContext();
            Authentication person = commandContext == null ? null : commandContext.getAuthentication();
            return person != null && person.getUserId() != null && Context.getBpmnExecutionContext() == null
                    && !commandContext.getAuthorizationManager().isCamundaAdmin(person);
        }
    }
}
