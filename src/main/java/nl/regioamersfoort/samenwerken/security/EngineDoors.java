package nl.regioamersfoort.samenwerken.security;

import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;

import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The engine's two REST doors, {@code /engine-rest} and the webapps' {@code /camunda/api/engine/engine/{name}},
 * and the calls on them that only administrators make. This is the second wall: the first is
 * {@link EngineCommandGuard}, which refuses the same commands inside the engine whatever the URL.
 * Reads stay open here (the engine's authorizations decide them), and so do the POSTs that only
 * read, such as a filter's list and count.
 */
final class EngineDoors {

    static final String ENGINE_REST = "/engine-rest/";
    static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/*/";

    private record Call(HttpMethod method, String path) {
    }

    private static final List<Call> ADMINISTRATION = List.of(
            new Call(HttpMethod.POST, "task/*/bpmnError"),
            new Call(HttpMethod.POST, "task/*/bpmnEscalation"),
            new Call(HttpMethod.POST, "task/create"),
            new Call(HttpMethod.PUT, "task/*"),
            new Call(HttpMethod.DELETE, "task/*"),
            new Call(HttpMethod.POST, "task/*/identity-links/**"),
            new Call(HttpMethod.POST, "task/*/variables"),
            new Call(HttpMethod.PUT, "task/*/variables/**"),
            new Call(HttpMethod.DELETE, "task/*/variables/**"),
            new Call(HttpMethod.POST, "task/*/localVariables"),
            new Call(HttpMethod.PUT, "task/*/localVariables/**"),
            new Call(HttpMethod.DELETE, "task/*/localVariables/**"),
            new Call(HttpMethod.POST, "task/*/attachment/**"),
            new Call(HttpMethod.DELETE, "task/*/attachment/**"),
            new Call(HttpMethod.PUT, "task/*/comment"),
            new Call(HttpMethod.DELETE, "task/*/comment/**"),
            new Call(HttpMethod.POST, "message"),
            new Call(HttpMethod.POST, "message/**"),
            new Call(HttpMethod.POST, "signal"),
            new Call(HttpMethod.POST, "condition"),
            new Call(HttpMethod.POST, "execution/**"),
            new Call(HttpMethod.PUT, "execution/**"),
            new Call(HttpMethod.DELETE, "execution/**"),
            new Call(HttpMethod.POST, "process-instance/*/modification"),
            new Call(HttpMethod.POST, "process-instance/*/modification-async"),
            new Call(HttpMethod.POST, "process-instance/*/variables"),
            new Call(HttpMethod.PUT, "process-instance/**"),
            new Call(HttpMethod.DELETE, "process-instance/**"),
            new Call(HttpMethod.POST, "process-instance/delete"),
            new Call(HttpMethod.POST, "process-instance/delete-historic-query-based"),
            new Call(HttpMethod.POST, "process-instance/job-retries"),
            new Call(HttpMethod.POST, "process-instance/job-retries-historic-query-based"),
            new Call(HttpMethod.POST, "process-instance/variables-async"),
            new Call(HttpMethod.POST, "process-instance/suspended-async"),
            new Call(HttpMethod.POST, "process-instance/*/comment"),
            new Call(HttpMethod.POST, "process-definition/**/restart"),
            new Call(HttpMethod.POST, "process-definition/**/restart-async"),
            new Call(HttpMethod.PUT, "process-definition/**"),
            new Call(HttpMethod.DELETE, "process-definition/**"),
            new Call(HttpMethod.POST, "decision-definition/**/evaluate"),
            new Call(HttpMethod.POST, "job/**"),
            new Call(HttpMethod.PUT, "job/**"),
            new Call(HttpMethod.DELETE, "job/**"),
            new Call(HttpMethod.POST, "job-definition/**"),
            new Call(HttpMethod.PUT, "job-definition/**"),
            new Call(HttpMethod.POST, "batch/**"),
            new Call(HttpMethod.PUT, "batch/**"),
            new Call(HttpMethod.DELETE, "batch/**"),
            new Call(HttpMethod.POST, "migration/**"),
            new Call(HttpMethod.POST, "modification/**"),
            new Call(HttpMethod.POST, "external-task/**"),
            new Call(HttpMethod.PUT, "external-task/**"),
            new Call(HttpMethod.POST, "deployment/**"),
            new Call(HttpMethod.DELETE, "deployment/**"),
            new Call(HttpMethod.POST, "incident/**"),
            new Call(HttpMethod.PUT, "incident/**"),
            new Call(HttpMethod.DELETE, "incident/**"),
            new Call(HttpMethod.POST, "history/**/delete"),
            new Call(HttpMethod.POST, "history/cleanup"),
            new Call(HttpMethod.POST, "history/**/set-removal-time"),
            new Call(HttpMethod.PUT, "history/**"),
            new Call(HttpMethod.DELETE, "history/**"),
            new Call(HttpMethod.POST, "identity/verify"),
            new Call(HttpMethod.POST, "user/create"),
            new Call(HttpMethod.PUT, "user/*/profile"),
            new Call(HttpMethod.DELETE, "user/**"),
            new Call(HttpMethod.POST, "user/*/unlock"),
            new Call(HttpMethod.POST, "group/**"),
            new Call(HttpMethod.PUT, "group/**"),
            new Call(HttpMethod.DELETE, "group/**"),
            new Call(HttpMethod.POST, "tenant/**"),
            new Call(HttpMethod.PUT, "tenant/**"),
            new Call(HttpMethod.DELETE, "tenant/**"),
            new Call(HttpMethod.POST, "authorization/create"),
            new Call(HttpMethod.PUT, "authorization/*"),
            new Call(HttpMethod.DELETE, "authorization/*"),
            new Call(HttpMethod.POST, "filter/create"),
            new Call(HttpMethod.PUT, "filter/*"),
            new Call(HttpMethod.DELETE, "filter/*"),
            new Call(HttpMethod.POST, "telemetry/**"),
            new Call(HttpMethod.DELETE, "metrics/**"),
            new Call(HttpMethod.POST, "schema/**"));

    private EngineDoors() {
    }

    /** The administrators' calls on the door whose paths start with {@code prefix}. */
    static RequestMatcher administration(String prefix) {
        return new OrRequestMatcher(ADMINISTRATION.stream()
                .map(call -> (RequestMatcher) antMatcher(call.method(), prefix + call.path()))
                .toList());
    }
}
