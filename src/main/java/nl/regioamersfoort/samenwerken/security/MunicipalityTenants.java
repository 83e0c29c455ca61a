package nl.regioamersfoort.samenwerken.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import nl.regioamersfoort.samenwerken.platform.engine.EngineHooks;
import nl.regioamersfoort.samenwerken.platform.engine.OwnedProcesses;
import nl.regioamersfoort.samenwerken.platform.form.FormInput;
import nl.regioamersfoort.samenwerken.platform.form.InvalidInputException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.delegate.DefaultDelegateInterceptor;
import org.camunda.bpm.engine.impl.delegate.DelegateInvocation;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.DelegateInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * "Each person sees only their own municipality's work": every municipality is a Camunda tenant
 * (tenant id = municipality code, {@link IdentitySetup}), and every local process instance (a local
 * track, its wethouder gates, an activity money request) belongs to the tenant of its municipality.
 * The definitions are shared, deployed once without a tenant; the instances get theirs here, when
 * they start. Camunda's tenant check then keeps a municipality's cases, tasks, variables, history
 * and decisions out of every other municipality's queries and commands, at every door (REST,
 * Tasklist, Cockpit), for the price of a column filter: no authorization row per instance or task.
 * Regional and coordinators' instances have no tenant; which roles read them is decided by the
 * grants per process definition ({@link IdentitySetup}).
 * <p>
 * A local instance must belong to exactly one municipality: a called instance takes its caller's
 * tenant, a started one that of its variable {@code gemeente}, or, when a person starts it without one, that of
 * the municipality whose beleidsambtenaar they are; its business key must be exactly
 * {@code <programmaId>-<gemeente>} (or still blank, as Tasklist's start dialog leaves it, for the
 * process to fill in). A local instance that does not is refused at its start, rather than run
 * without a tenant, which every municipality could read, or under another municipality's key.
 */
@Component
class MunicipalityTenants extends AbstractProcessEnginePlugin {

    static final Pattern MUNICIPALITY_CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** Business key {@code <programmeId>-<code>}, variables {@code programmaId} and {@code gemeente} = {@code <code>}. */
    private final Set<String> localProcesses;

    /** The features say which processes are theirs, and which of those are local. */
    MunicipalityTenants(List<OwnedProcesses> features) {
        this.localProcesses = OwnedProcesses.localOf(features);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setTenantIdProvider(new Provider());
        configuration.setDelegateInterceptor(new CustomCodeAcrossMunicipalities());
        EngineHooks.addPostParseListener(configuration, new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                if (localProcesses.contains(processDefinition.getKey())) {
                    // Before the model's own start listeners, which then find the starter's municipality set;
                    // the check after them, once they gave the case its key.
                    processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START,
                            (ExecutionListener) MunicipalityTenants::takeStartersMunicipality, 0);
                    processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START,
                            (ExecutionListener) MunicipalityTenants::requireOneMunicipality);
                }
            }
        });
        List<CommandInterceptor> interceptors = new ArrayList<>();
        if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
            interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
        }
        interceptors.add(new OtherMunicipalityRefusal());
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    /**
     * The models' own code (listeners, delegates, expressions, and our beans they call) already runs
     * without the engine's authorization checks, as Camunda does by default; it runs without the
     * tenant check too. Otherwise the BOSD stopping the programme could not close the municipalities'
     * open tasks, because the BOSD is a member of no municipality. What a person may do is checked
     * before the model runs, on the task or start they sent.
     */
    static final class CustomCodeAcrossMunicipalities implements DelegateInterceptor {

        private final DelegateInterceptor engine = new DefaultDelegateInterceptor();

        @Override
        public void handleInvocation(DelegateInvocation invocation) throws Exception {
            CommandContext commandContext = Context.getCommandContext();
            if (commandContext == null || !commandContext.isTenantCheckEnabled()) {
                engine.handleInvocation(invocation);
                return;
            }
            commandContext.disableTenantCheck();
            try {
                engine.handleInvocation(invocation);
            } finally {
                commandContext.enableTenantCheck();
            }
        }
    }

    /**
     * The tenant check refuses with a plain engine error (ENGINE-13034 "... because it belongs to no
     * authenticated tenant"), which the REST API answers with 500 and an English text. It is a refusal
     * like any other: 403, in Dutch, at both REST doors.
     */
    static final class OtherMunicipalityRefusal extends CommandInterceptor {

        private static final String TENANT_CHECK = "ENGINE-13034";

        @Override
        public <T> T execute(Command<T> command) {
            try {
                return next.execute(command);
            } catch (ProcessEngineException e) {
                if (!(e instanceof AuthorizationException) && e.getMessage() != null && e.getMessage().startsWith(TENANT_CHECK)) {
                    throw new AuthorizationException("Geen toegang: deze zaak of taak hoort bij een andere gemeente dan de uwe.");
                }
                throw e;
            }
        }
    }

    /**
     * A start that names no municipality (Tasklist's start forms ask none) is the starter's own: the
     * provider took the tenant from the starter's groups, and it becomes the variable {@code gemeente}.
     * Its programme and case key the process then fills in (Programmes.claimStartersCase).
     */
    private static void takeStartersMunicipality(DelegateExecution execution) {
        Authentication starter = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (execution.getVariable("gemeente") != null || starter == null) {
            return;
        }
        if (execution.getTenantId() == null) {
            throw startersMunicipalityUnknown(starter);
        }
        execution.setVariable("gemeente", execution.getTenantId());
    }

    /** Checked when the instance starts, once its variables are there (a call's input mapping has run by then). */
    private static void requireOneMunicipality(DelegateExecution execution) {
        String tenant = execution.getTenantId();
        String code = execution.getVariable("gemeente") instanceof String value ? value : null;
        String programmeId = execution.getVariable("programmaId") instanceof String value ? value : null;
        String businessKey = execution.getProcessBusinessKey();
        // A blank key is the start dialog's: the process gives the case its key itself (ActivityMoney).
        boolean keyFits = businessKey == null || businessKey.isBlank() || (programmeId + "-" + code).equals(businessKey);
        if (tenant == null || !tenant.equals(code) || programmeId == null || !keyFits) {
            throw new ProcessEngineException("Refused to start a local process instance of '" + execution.getProcessDefinitionId()
                    + "' that does not belong to exactly one municipality: tenant '" + tenant + "', variable gemeente '" + code
                    + "', programme '" + programmeId + "', business key '" + businessKey + "' (expected <programmaId>-<gemeente>)");
        }
    }

    /** A person started it, naming no municipality, and is the beleidsambtenaar of none or of several. */
    private static InvalidInputException startersMunicipalityUnknown(Authentication starter) {
        List<String> own = startersMunicipalities(starter);
        if (own.isEmpty()) {
            return FormInput.invalid("Dit start een beleidsambtenaar voor de eigen gemeente, en u bent van geen gemeente beleidsambtenaar.");
        }
        return FormInput.invalid("U bent beleidsambtenaar van meer gemeenten (" + String.join(", ", own)
                + "): geef bij de start de gemeente mee (variabele 'gemeente').");
    }

    /** The municipalities whose beleidsambtenaar the starter is, by the groups the engine authorizes them with. */
    private static List<String> startersMunicipalities(Authentication starter) {
        if (starter == null || starter.getGroupIds() == null) {
            return List.of();
        }
        String prefix = Roles.beleidsambtenaar("");
        return starter.getGroupIds().stream().filter(group -> group.startsWith(prefix)).map(group -> group.substring(prefix.length()))
                .filter(code -> MUNICIPALITY_CODE.matcher(code).matches()).distinct().toList();
    }

    /** Shared definitions: the instance's tenant comes from the case, not from the deployment. */
    final class Provider implements TenantIdProvider {

        @Override
        public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
            if (!localProcesses.contains(context.getProcessDefinition().getKey())) {
                return null;
            }
            DelegateExecution caller = context.getSuperExecution();
            if (caller != null && caller.getTenantId() != null) {
                return caller.getTenantId();
            }
            // Typed: a start may send anything as gemeente (a serialized object, say); the form refuses it later.
            TypedValue code = context.getVariables() == null ? null : context.getVariables().getValueTyped("gemeente");
            if (code == null || code.getValue() == null) {
                // Named by nobody: the starter's own municipality, if they are the beleidsambtenaar of exactly one.
                List<String> own = startersMunicipalities(Context.getCommandContext() == null ? null
                        : Context.getCommandContext().getAuthentication());
                return own.size() == 1 ? own.get(0) : null;
            }
            Object value = code instanceof SerializableValue ? null : code.getValue();
            return value instanceof String text && MUNICIPALITY_CODE.matcher(text).matches() ? text : null;
        }

        @Override
        public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
            return null;
        }

        /** A decision taken inside a municipality's case (the adopting body, the eligibility check) is that municipality's. */
        @Override
        public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext context) {
            return context.getExecution() == null ? null : context.getExecution().getTenantId();
        }
    }
}
