package nl.regioamersfoort.samenwerken.platform.engine;

import java.util.ArrayList;
import java.util.List;
import nl.regioamersfoort.samenwerken.platform.form.InvalidInputException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The engine wraps whatever a listener or an expression throws ("ENGINE-03051 There was an
 * exception while invoking the TaskListener ..."), which the REST APIs answer with 500. This
 * interceptor hands the original {@link InvalidInputException} back to the caller instead, so
 * Tasklist shows the Dutch message and the REST API answers 400. The transaction still rolls back.
 */
@Component
class InvalidInputUnwrapping extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = new ArrayList<>();
        if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
            interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
        }
        interceptors.add(0, new Interceptor());
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    static class Interceptor extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            try {
                return next.execute(command);
            } catch (RuntimeException e) {
                for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                    if (cause instanceof InvalidInputException invalid) {
                        throw invalid;
                    }
                    if (cause.getCause() == cause) {
                        break;
                    }
                }
                throw e;
            }
        }
    }
}
