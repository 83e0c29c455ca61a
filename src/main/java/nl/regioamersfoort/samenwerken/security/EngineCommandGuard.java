package nl.regioamersfoort.samenwerken.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.regioamersfoort.samenwerken.platform.engine.StartFormFields;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Deny by default, where the engine executes commands. A person (anyone logged in who is not
 * {@code beheer} or {@code camunda-admin}) changes a case in exactly these ways: claim, unclaim and
 * hand on a task inside its candidates ({@link TaskAuthorizations} checks the circle), complete or
 * submit a task that is theirs with its form's fields, comment on such a task, and start a process
 * at its start event (the start form's fields only, see FormFieldsOnly). Reading is left to the
 * engine's authorization checks. Every other command a person sends, through {@code /engine-rest},
 * the webapps' {@code /camunda/api/engine}, Tasklist, Cockpit or a door that a new Camunda version
 * opens, is refused with a Dutch message (403 over REST) before it runs, and changes nothing: BPMN
 * errors and escalations from tasks, start instructions, instance modification and restart, task
 * edits, candidate groups, messages, signals, conditional starts, jobs, suspension, deletion,
 * migration, batches, external tasks, variables, and changes to one's own account other than one's
 * own password.
 * <p>
 * Only the outermost command of a call is judged: what the models and our own code do inside a
 * permitted completion (a message to the parent, a new instance) is the model's business. Server
 * code (our controllers, jobs, timers) runs without a person's authentication and is not judged
 * here; it checks its callers itself. The URL rules in {@link EngineDoors} are a second wall only.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class EngineCommandGuard extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(EngineCommandGuard.class);

    /**
     * Commands that read and change nothing, by class name so that an engine upgrade that renames
     * one fails at start-up instead of silently refusing (or allowing) it. Queries
     * ({@link AbstractQuery}) are reads too; native queries are not: they skip the authorization checks.
     */
    static final List<String> READS = List.of(
            // tasks, their forms, variables, comments, attachments and people
            "org.camunda.bpm.engine.impl.cmd.GetTaskFormCmd",
            "org.camunda.bpm.engine.impl.cmd.GetRenderedTaskFormCmd",
            "org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd",
            "org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd",
            "org.camunda.bpm.engine.impl.cmd.GetFormKeyCmd",
            "org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd",
            "org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmd",
            "org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmdTyped",
            "org.camunda.bpm.engine.impl.cmd.GetTaskVariablesCmd",
            "org.camunda.bpm.engine.impl.cmd.GetTaskCommentCmd",
            "org.camunda.bpm.engine.impl.cmd.GetTaskCommentsCmd",
            "org.camunda.bpm.engine.impl.cmd.GetTaskEventsCmd",
            "org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentCmd",
            "org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentsCmd",
            "org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentContentCmd",
            "org.camunda.bpm.engine.impl.cmd.GetAttachmentCmd",
            "org.camunda.bpm.engine.impl.cmd.GetAttachmentContentCmd",
            "org.camunda.bpm.engine.impl.cmd.GetIdentityLinksForTaskCmd",
            "org.camunda.bpm.engine.impl.cmd.GetSubTasksCmd",
            // process definitions, start forms, deployments and diagrams
            "org.camunda.bpm.engine.impl.cmd.GetStartFormCmd",
            "org.camunda.bpm.engine.impl.cmd.GetRenderedStartFormCmd",
            "org.camunda.bpm.engine.impl.cmd.GetStartFormVariablesCmd",
            "org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd",
            "org.camunda.bpm.engine.impl.cmd.GetDeployedProcessDefinitionCmd",
            "org.camunda.bpm.engine.impl.cmd.GetDeploymentResourceCmd",
            "org.camunda.bpm.engine.impl.cmd.GetDeploymentResourceForIdCmd",
            "org.camunda.bpm.engine.impl.cmd.GetDeploymentResourceNamesCmd",
            "org.camunda.bpm.engine.impl.cmd.GetDeploymentResourcesCmd",
            "org.camunda.bpm.engine.impl.cmd.GetDeploymentBpmnModelInstanceCmd",
            "org.camunda.bpm.engine.impl.cmd.GetDeploymentProcessModelCmd",
            "org.camunda.bpm.engine.impl.cmd.GetDeploymentProcessDiagramCmd",
            "org.camunda.bpm.engine.impl.cmd.GetDeploymentProcessDiagramLayoutCmd",
            "org.camunda.bpm.engine.impl.cmd.GetStaticCalledProcessDefinitionCmd",
            "org.camunda.bpm.engine.impl.cmd.GetIdentityLinksForProcessDefinitionCmd",
            "org.camunda.bpm.engine.impl.cmd.GetProcessApplicationForDeploymentCmd",
            "org.camunda.bpm.engine.impl.dmn.cmd.GetDeploymentDecisionDefinitionCmd",
            "org.camunda.bpm.engine.impl.dmn.cmd.GetDeploymentDecisionModelCmd",
            "org.camunda.bpm.engine.impl.dmn.cmd.GetDeploymentDmnModelInstanceCmd",
            "org.camunda.bpm.engine.impl.dmn.cmd.GetDeploymentDecisionRequirementsDefinitionCmd",
            "org.camunda.bpm.engine.impl.dmn.cmd.GetDeploymentDecisionRequirementsModelCmd",
            // process instances
            "org.camunda.bpm.engine.impl.cmd.GetActivityInstanceCmd",
            "org.camunda.bpm.engine.impl.cmd.FindActiveActivityIdsCmd",
            "org.camunda.bpm.engine.impl.cmd.GetExecutionVariableCmd",
            "org.camunda.bpm.engine.impl.cmd.GetExecutionVariableTypedCmd",
            "org.camunda.bpm.engine.impl.cmd.GetExecutionVariablesCmd",
            "org.camunda.bpm.engine.impl.cmd.GetProcessInstanceCommentsCmd",
            "org.camunda.bpm.engine.impl.cmd.GetProcessInstanceAttachmentsCmd",
            "org.camunda.bpm.engine.impl.cmd.GetJobExceptionStacktraceCmd",
            "org.camunda.bpm.engine.impl.cmd.GetHistoricJobLogExceptionStacktraceCmd",
            // Tasklist's saved filters (sharing and editing them is beheer's)
            "org.camunda.bpm.engine.impl.cmd.CreateFilterCmd",
            "org.camunda.bpm.engine.impl.cmd.GetFilterCmd",
            "org.camunda.bpm.engine.impl.cmd.ExecuteFilterListCmd",
            "org.camunda.bpm.engine.impl.cmd.ExecuteFilterListPageCmd",
            "org.camunda.bpm.engine.impl.cmd.ExecuteFilterCountCmd",
            "org.camunda.bpm.engine.impl.cmd.ExecuteFilterSingleResultCmd",
            // people, groups and one's own rights
            "org.camunda.bpm.engine.impl.cmd.CreateUserQueryCmd",
            "org.camunda.bpm.engine.impl.cmd.CreateGroupQueryCmd",
            "org.camunda.bpm.engine.impl.cmd.CreateTenantQueryCmd",
            "org.camunda.bpm.engine.impl.cmd.GetUserInfoCmd",
            "org.camunda.bpm.engine.impl.cmd.GetUserInfoKeysCmd",
            "org.camunda.bpm.engine.impl.cmd.GetUserPictureCmd",
            "org.camunda.bpm.engine.impl.cmd.GetPasswordPolicyCmd",
            "org.camunda.bpm.engine.impl.cmd.IsIdentityServiceReadOnlyCmd",
            "org.camunda.bpm.engine.impl.cmd.AuthorizationCheckCmd",
            "org.camunda.bpm.engine.impl.cmd.GetHistoryLevelCmd",
            "org.camunda.bpm.engine.impl.dmn.cmd.GetDeploymentDecisionDiagramCmd",
            "org.camunda.bpm.engine.impl.dmn.cmd.GetDeploymentDecisionRequirementsDiagramCmd",
            // Cockpit's and the webapps' own read-only statements (instance lists and counts, called processes)
            "org.camunda.bpm.webapp.impl.db.QueryServiceImpl$ExecuteListQueryCmd",
            "org.camunda.bpm.webapp.impl.db.QueryServiceImpl$ExecuteSingleQueryCmd",
            "org.camunda.bpm.webapp.impl.db.QueryServiceImpl$QueryServiceRowCountCmd",
            "org.camunda.bpm.cockpit.impl.plugin.resources.ProcessInstanceRestService$QueryProcessInstancesCmd",
            "org.camunda.bpm.cockpit.impl.plugin.resources.ProcessInstanceRestService$QueryProcessInstancesCountCmd",
            "org.camunda.bpm.cockpit.impl.plugin.base.sub.resources.ProcessDefinitionResource$QueryCalledProcessDefinitionsCmd");

    /** Commands a person may run, each under its own condition. */
    private static final Map<Class<?>, Rule> WORK = Map.of(
            // claiming for someone else is handing on
            ClaimTaskCmd.class, EngineCommandGuard::handOn,
            org.camunda.bpm.engine.impl.cmd.AssignTaskCmd.class, EngineCommandGuard::handOn,
            org.camunda.bpm.engine.impl.cmd.SetTaskOwnerCmd.class, EngineCommandGuard::handOn,
            org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd.class, EngineCommandGuard::handOn,
            org.camunda.bpm.engine.impl.cmd.AddUserIdentityLinkCmd.class, EngineCommandGuard::handOn,
            CompleteTaskCmd.class, EngineCommandGuard::completeOwnTask,
            SubmitTaskFormCmd.class, EngineCommandGuard::completeOwnTask,
            ResolveTaskCmd.class, EngineCommandGuard::resolveDelegatedTask,
            AddCommentCmd.class, EngineCommandGuard::commentOnOwnTask,
            SaveUserCmd.class, EngineCommandGuard::ownPasswordOnly);

    /** Submitting a start form: its fields are checked by the form (FormFieldsOnly). */
    private static final String SUBMIT_START_FORM = "org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd";

    private final StartFormFields startForms;

    EngineCommandGuard(StartFormFields startForms) {
        this.startForms = startForms;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        Set<Class<?>> reads = Stream.concat(READS.stream(), Stream.of(SUBMIT_START_FORM)).map(EngineCommandGuard::engineClass)
                .collect(Collectors.toUnmodifiableSet());
        List<CommandInterceptor> interceptors = new ArrayList<>();
        if (configuration.getCustomPostCommandInterceptorsTxRequired() != null) {
            interceptors.addAll(configuration.getCustomPostCommandInterceptorsTxRequired());
        }
        // First after the command context opens: a refused command touches nothing, not even a form check.
        interceptors.add(0, new Guard(reads, startForms));
        configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
    }

    private static Class<?> engineClass(String name) {
        try {
            return Class.forName(name, false, EngineCommandGuard.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Engine command " + name + " is not on the classpath: check EngineCommandGuard"
                    + " against this Camunda version before the application starts", e);
        }
    }

    @FunctionalInterface
    private interface Rule {
        void check(Command<?> command, CommandContext context, Authentication person);
    }

    static final class Guard extends CommandInterceptor {

        /** How deep the current thread is inside commands: only the outermost is a person's own request. */
        private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

        private final Set<Class<?>> permitted;
        private final StartFormFields startForms;

        Guard(Set<Class<?>> permitted, StartFormFields startForms) {
            this.permitted = permitted;
            this.startForms = startForms;
        }

        @Override
        public <T> T execute(Command<T> command) {
            int[] depth = DEPTH.get();
            if (depth[0] > 0) {
                return next.execute(command);
            }
            depth[0]++;
            try {
                judge(command);
                return next.execute(command);
            } finally {
                depth[0]--;
            }
        }

        private void judge(Command<?> command) {
            CommandContext context = Context.getCommandContext();
            Authentication person = context.getAuthentication();
            if (person == null || person.getUserId() == null || context.getAuthorizationManager().isCamundaAdmin(person)) {
                return;
            }
            Class<?> type = command.getClass();
            if (command instanceof AbstractQuery<?, ?> || permitted.contains(type)) {
                return;
            }
            if (command instanceof StartProcessInstanceCmd start) {
                // At the start event (start instructions are another command), with the start form's fields.
                ProcessInstantiationBuilderImpl builder = (ProcessInstantiationBuilderImpl) field(start, "instantiationBuilder");
                DeploymentCache deployments = context.getProcessEngineConfiguration().getDeploymentCache();
                ProcessDefinitionEntity process = builder.getProcessDefinitionId() != null
                        ? deployments.findDeployedProcessDefinitionById(builder.getProcessDefinitionId())
                        : deployments.findDeployedLatestProcessDefinitionByKey(builder.getProcessDefinitionKey());
                startForms.checkStartVariables(process, Variables.fromMap(builder.getVariables()));
                return;
            }
            Rule rule = WORK.get(type);
            if (rule == null) {
                throw refused(person, type, EngineCommandGuard.describe(type.getSimpleName()));
            }
            rule.check(command, context, person);
        }
    }

    /** Assignee, owner, delegate and candidate users: TaskAuthorizations keeps them inside the candidates. */
    private static void handOn(Command<?> command, CommandContext context, Authentication person) {
        if (command instanceof AbstractAddIdentityLinkCmd && field(command, "groupId") != null) {
            throw refused(person, command.getClass(), "de kandidaten van een taak wijzigen");
        }
    }

    private static void completeOwnTask(Command<?> command, CommandContext context, Authentication person) {
        TaskEntity task = task(command, context);
        if (task != null && task.getAssignee() != null && !task.getAssignee().equals(person.getUserId())) {
            throw new AuthorizationException("Niet toegestaan: deze taak is geclaimd door " + task.getAssignee()
                    + "; alleen die persoon rondt haar af. Vraag om de taak vrij te geven.");
        }
    }

    private static void resolveDelegatedTask(Command<?> command, CommandContext context, Authentication person) {
        Object variables = field(command, "variables");
        if (variables instanceof Map<?, ?> map && !map.isEmpty()) {
            throw refused(person, command.getClass(), "variabelen meegeven bij het teruggeven van een gedelegeerde taak");
        }
        completeOwnTask(command, context, person);
    }

    private static void commentOnOwnTask(Command<?> command, CommandContext context, Authentication person) {
        TaskEntity task = task(command, context);
        if (task == null) {
            throw refused(person, command.getClass(), "een opmerking plaatsen buiten een eigen taak");
        }
        Object processInstanceId = field(command, "processInstanceId");
        if (processInstanceId != null && !processInstanceId.equals(task.getProcessInstanceId())) {
            throw refused(person, command.getClass(), "een opmerking plaatsen bij een andere zaak dan die van de taak");
        }
        if (task.getAssignee() != null && !task.getAssignee().equals(person.getUserId())) {
            throw refused(person, command.getClass(), "een opmerking plaatsen bij de taak van een collega");
        }
    }

    /** The login's own password change (REST checks the old password first); name, e-mail and the rest are beheer's. */
    private static void ownPasswordOnly(Command<?> command, CommandContext context, Authentication person) {
        User changed = (User) field(command, "user");
        User stored = changed == null ? null : context.runWithoutAuthorization(
                () -> context.getProcessEngineConfiguration().getIdentityService().createUserQuery().userId(changed.getId()).singleResult());
        if (stored == null || !stored.getId().equals(person.getUserId())
                || !Objects.equals(stored.getFirstName(), changed.getFirstName())
                || !Objects.equals(stored.getLastName(), changed.getLastName())
                || !Objects.equals(stored.getEmail(), changed.getEmail())) {
            throw refused(person, command.getClass(), "gegevens van een account wijzigen (naam, e-mailadres: dat doet beheer)");
        }
    }

    private static TaskEntity task(Command<?> command, CommandContext context) {
        Object taskId = field(command, "taskId");
        return taskId == null ? null : context.getTaskManager().findTaskById(taskId.toString());
    }

    /** Reads a command's own field: Camunda's commands offer no getters, and the guard must see what will run. */
    private static Object field(Command<?> command, String name) {
        for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
            try {
                var field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(command);
            } catch (NoSuchFieldException e) {
                // declared higher up
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(command.getClass().getName() + " has no field '" + name
                + "': check EngineCommandGuard against this Camunda version");
    }

    private static AuthorizationException refused(Authentication person, Class<?> command, String action) {
        log.warn("Refused {} for {}: only beheer may", command.getSimpleName(), person.getUserId());
        return new AuthorizationException("Niet toegestaan: " + action + ". U wijzigt een zaak alleen door uw eigen taak af te"
                + " ronden met de velden van het formulier, of door een proces bij het begin te starten; al het andere doet beheer.");
    }

    /** The refused action in a civil servant's words, from the engine command's name. */
    static String describe(String command) {
        String name = command.replace("Cmd", "");
        if (name.contains("BpmnError")) {
            return "een BPMN-fout melden vanuit een taak";
        } else if (name.contains("Escalation")) {
            return "een escalatie melden vanuit een taak";
        } else if (name.contains("StartProcessInstanceAtActivities")) {
            return "een proces halverwege starten (startinstructies)";
        } else if (name.contains("Restart")) {
            return "een zaak opnieuw starten";
        } else if (name.contains("Modif") || name.contains("Instantiation") || name.contains("Cancellation")) {
            return "een zaak naar een andere stap verplaatsen";
        } else if (name.contains("Migrat")) {
            return "zaken naar een andere versie van het proces overzetten";
        } else if (name.contains("IdentityLink")) {
            return "de kandidaten van een taak wijzigen";
        } else if (name.startsWith("SaveTask") || name.startsWith("SetTask") || name.startsWith("CreateTask")) {
            return "een taak aanmaken of wijzigen (naam, prioriteit, deadline, beschrijving)";
        } else if (name.contains("Message")) {
            return "een bericht aan een zaak sturen";
        } else if (name.contains("Signal")) {
            return "een signaal sturen";
        } else if (name.contains("StartCondition")) {
            return "een proces via een voorwaarde starten";
        } else if (name.contains("Suspend") || name.contains("Activate")) {
            return "een zaak of proces pauzeren of hervatten";
        } else if (name.contains("Variable")) {
            return "gegevens van een zaak wijzigen buiten een formulier om";
        } else if (name.contains("ExternalTask")) {
            return "externe taken bedienen";
        } else if (name.contains("Batch")) {
            return "batches bedienen";
        } else if (name.contains("Job")) {
            return "opdrachten van de procesmachine (jobs) bedienen";
        } else if (name.contains("User") || name.contains("Group") || name.contains("Membership") || name.contains("Tenant")
                || name.contains("Password")) {
            return "accounts, groepen of lidmaatschappen wijzigen";
        } else if (name.startsWith("Delete")) {
            return "iets verwijderen";
        } else if (name.contains("Comment") || name.contains("Attachment")) {
            return "opmerkingen of bijlagen wijzigen";
        }
        return "deze opdracht aan de procesmachine (" + command + ")";
    }
}
