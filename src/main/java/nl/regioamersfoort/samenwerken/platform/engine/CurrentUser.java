package nl.regioamersfoort.samenwerken.platform.engine;

import org.camunda.bpm.engine.delegate.ProcessEngineServicesAware;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** The person on whose behalf the engine runs this command (set by the REST API and the webapps). */
public final class CurrentUser {

    private CurrentUser() {
    }

    /** The user id, or null when no person is logged in (a timer, a job, engine code). */
    public static String of(ProcessEngineServicesAware context) {
        Authentication authentication = context.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }

    public static boolean isMemberOf(ProcessEngineServicesAware context, String userId, String groupId) {
        return userId != null && context.getProcessEngineServices().getIdentityService().createUserQuery()
                .userId(userId).memberOfGroup(groupId).count() > 0;
    }
}
