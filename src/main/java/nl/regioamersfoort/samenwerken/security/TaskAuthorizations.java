package nl.regioamersfoort.samenwerken.security;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Who gets access to a task, and who may hand it on. Camunda grants the candidate groups, candidate
 * users, assignee and owner of a task access to it; here that access is READ, TASK_WORK (claim,
 * complete, configured in application.yaml) and TASK_ASSIGN (unclaim, hand the task to someone else,
 * set its due date), but not UPDATE: nobody writes a task's or a case's variables except by completing
 * the task, and the engine's rules read only what completion lets through.
 * <p>
 * Handing on stays inside the task's circle: a person may make someone else assignee, owner or
 * candidate only if that someone may do the task already (a member of one of its candidate groups),
 * and may add no candidate groups: those come from the model. So a task of Baarn never reaches a
 * person of Leusden, however it is claimed, assigned or delegated. The model itself (a new task),
 * server code (no logged-in person, or the engine's checks switched off as for listeners, such as the
 * hand-over to a new portefeuillehouder) and administrators are not restricted. Removing candidates
 * is not restricted: it gives nobody access.
 */
@Component
class TaskAuthorizations extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new Provider());
    }

    static class Provider extends DefaultAuthorizationProvider {

        /** {@link TaskEntity#getTaskState()} while the model decorates a new task (TaskState.STATE_INIT). */
        private static final String TASK_BEING_CREATED = "Init";

        @Override
        public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
            requireInCircle(task, newAssignee);
            return withAssign(super.newTaskAssignee(task, oldAssignee, newAssignee));
        }

        @Override
        public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
            requireInCircle(task, newOwner);
            return withAssign(super.newTaskOwner(task, oldOwner, newOwner));
        }

        @Override
        public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
            requireInCircle(task, userId);
            return withAssign(super.newTaskUserIdentityLink(task, userId, type));
        }

        @Override
        public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
            if (restricted(task)) {
                throw new AuthorizationException("De kandidaten van een taak komen uit het procesmodel; de groep '" + groupId
                        + "' kan niet aan deze taak worden toegevoegd.");
            }
            return withAssign(super.newTaskGroupIdentityLink(task, groupId, type));
        }

        /**
         * Someone who becomes responsible for the task must be able to do it already: a member of one of
         * its candidate groups (every task in the models has them).
         */
        private void requireInCircle(Task task, String userId) {
            if (userId == null || !restricted(task) || userId.equals(currentAuthentication().getUserId())) {
                return;
            }
            CommandContext commandContext = Context.getCommandContext();
            // Whether someone else is in a group is not the acting person's to read; it is checked all the same.
            boolean member = commandContext.runWithoutAuthorization(() -> candidates(task)
                    .map(IdentityLink::getGroupId)
                    .filter(Objects::nonNull)
                    .anyMatch(groupId -> commandContext.getProcessEngineConfiguration().getIdentityService().createUserQuery()
                            .userId(userId).memberOfGroup(groupId).count() > 0));
            if (!member) {
                throw new AuthorizationException("Een taak gaat alleen naar iemand die hem mag doen: '" + userId
                        + "' is geen kandidaat voor deze taak.");
            }
        }

        /** A person (not an administrator) changes an existing task. */
        private boolean restricted(Task task) {
            Authentication person = currentAuthentication();
            if (person == null || person.getUserId() == null) {
                return false;
            }
            // A new task gets its people from the model; custom code runs with the engine's checks switched off.
            boolean beingCreated = TASK_BEING_CREATED.equals(((TaskEntity) task).getTaskState());
            CommandContext commandContext = Context.getCommandContext();
            return !beingCreated && commandContext.isAuthorizationCheckEnabled()
                    && !commandContext.getAuthorizationManager().isCamundaAdmin(person);
        }

        private static Stream<IdentityLink> candidates(Task task) {
            return ((TaskEntity) task).getCandidates().stream();
        }

        private static Authentication currentAuthentication() {
            return Context.getCommandContext().getAuthentication();
        }

        private static AuthorizationEntity[] withAssign(AuthorizationEntity[] grants) {
            if (grants != null) {
                Arrays.stream(grants).filter(Objects::nonNull).forEach(grant -> grant.addPermission(Permissions.TASK_ASSIGN));
            }
            return grants;
        }
    }
}
