package nl.regioamersfoort.samenwerken.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantCommandChecker;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Who may work a task, and who may hand it on, without an authorization row per task. Camunda would
 * write a grant for every candidate group, candidate user, assignee and owner of every task, and
 * every task query of a person would then have to match those rows: with thousands of open cases
 * the cost of Tasklist grows with tasks × rows. Instead the roles hold their grants per process
 * definition ({@link IdentitySetup}: READ_TASK, TASK_WORK and TASK_ASSIGN on the definitions they
 * work in, inside their municipality's tenant, {@link MunicipalityTenants}), and the engine checks
 * the person against the task itself: claiming, completing, submitting, resolving and handing on
 * need the person to be the task's assignee or owner, a candidate user, or a member of one of its
 * candidate groups ({@link CandidatesAtWork}). Nobody gets UPDATE: nobody writes a task's or a
 * case's variables except by completing the task, and the engine's rules read only what completion
 * lets through.
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
        // The engine's own two checkers, the authorization one with the check on the task's people added.
        configuration.setCommandCheckers(new ArrayList<>(List.of(new TenantCommandChecker(), new CandidatesAtWork())));
    }

    /**
     * The engine's authorization checks for working and handing on a task (TASK_WORK, TASK_ASSIGN on
     * the task's process definition), and then: is this person one of the task's people?
     */
    static class CandidatesAtWork extends AuthorizationCommandChecker {

        @Override
        public void checkTaskWork(TaskEntity task) {
            super.checkTaskWork(task);
            requireOneOfItsPeople(task);
        }

        @Override
        public void checkTaskAssign(TaskEntity task) {
            super.checkTaskAssign(task);
            requireOneOfItsPeople(task);
        }

        private void requireOneOfItsPeople(TaskEntity task) {
            // Server code, administrators, listeners and the engine's checks switched off: not a person's request.
            CommandContext commandContext = Context.getCommandContext();
            Authentication person = commandContext.getAuthentication();
            if (!commandContext.getProcessEngineConfiguration().isAuthorizationEnabled() || !commandContext.isAuthorizationCheckEnabled()
                    || person == null || person.getUserId() == null || getAuthorizationManager().isCamundaAdmin(person)) {
                return;
            }
            String userId = person.getUserId();
            if (userId.equals(task.getAssignee()) || userId.equals(task.getOwner())) {
                return;
            }
            List<String> groups = person.getGroupIds() == null ? List.of() : person.getGroupIds();
            boolean candidate = candidates(task).anyMatch(link -> userId.equals(link.getUserId())
                    || link.getGroupId() != null && groups.contains(link.getGroupId()));
            if (!candidate) {
                throw new AuthorizationException("Geen toegang: deze taak is niet voor u. Alleen wie haar kandidaat is ("
                        + candidateNames(task) + ") pakt haar op, rondt haar af of geeft haar door.");
            }
        }

        private static String candidateNames(TaskEntity task) {
            return candidates(task).map(link -> link.getGroupId() != null ? link.getGroupId() : link.getUserId())
                    .sorted().collect(Collectors.joining(", "));
        }
    }

    private static Stream<IdentityLink> candidates(Task task) {
        return ((TaskEntity) task).getCandidates().stream();
    }

    private static Authentication currentAuthentication() {
        return Context.getCommandContext().getAuthentication();
    }

    /** Writes no authorization rows for tasks, and keeps handing on inside the task's circle. */
    static class Provider extends DefaultAuthorizationProvider {

        /** {@link TaskEntity#getTaskState()} while the model decorates a new task (TaskState.STATE_INIT). */
        private static final String TASK_BEING_CREATED = "Init";

        @Override
        public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
            requireInCircle(task, newAssignee);
            return null;
        }

        @Override
        public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
            requireInCircle(task, newOwner);
            return null;
        }

        @Override
        public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
            requireInCircle(task, userId);
            return null;
        }

        @Override
        public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
            if (restricted(task)) {
                throw new AuthorizationException("De kandidaten van een taak komen uit het procesmodel; de groep '" + groupId
                        + "' kan niet aan deze taak worden toegevoegd.");
            }
            return null;
        }

        /** A task a person creates outside a model is refused anyway (EngineCommandGuard); it gets no row either. */
        @Override
        public AuthorizationEntity[] newTask(Task task) {
            return null;
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

    }
}
