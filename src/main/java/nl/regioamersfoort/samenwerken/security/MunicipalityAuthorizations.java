package nl.regioamersfoort.samenwerken.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.regioamersfoort.samenwerken.platform.engine.OwnedProcesses;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Each person sees only their own municipality's work." Camunda already gives the candidate groups
 * of a task access to that task; the case around it (process instance, its variables, its history)
 * needs a grant per instance, which this plugin writes when the instance starts:
 * <ul>
 * <li>the local processes (a local track, its wethouder gates, an activity money request):
 * {@code wethouder-<code>} and {@code beleidsambtenaar-<code>} of the municipality the instance
 * belongs to;</li>
 * <li>the regional ones (the programme and the regional track): {@code stuurgroep-sd} and {@code bosd}.</li>
 * </ul>
 * Which processes are local or regional, the features that own them declare ({@link OwnedProcesses}).
 * The coordinators and beheer read every case through their grants on all process definitions
 * ({@link IdentitySetup}).
 * <p>
 * Hooked in at parse time, so no model has to remember it and no way of starting an instance skips
 * it (built-in listeners run even when custom listeners are skipped). The grants are ordinary
 * Camunda authorizations in the database, so every node of a cluster applies them. The runtime grant
 * goes with the instance (the engine deletes a process instance's authorizations when it ends); the
 * history grant stays as long as the history does and is removed by the history cleanup.
 */
@Component
class MunicipalityAuthorizations extends AbstractProcessEnginePlugin {

    private static final List<String> REGIONAL_GROUPS = List.of(Roles.STUURGROEP_SD, Roles.BOSD);

    private static final Pattern MUNICIPALITY_CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Logger log = LoggerFactory.getLogger(MunicipalityAuthorizations.class);

    /** Business key {@code <programmeId>-<code>}, variables {@code programmaId} and {@code gemeente} = {@code <code>}. */
    private final Set<String> localProcesses;
    private final Set<String> regionalProcesses;

    /** The features say which processes are theirs, and which of those are local or regional. */
    MunicipalityAuthorizations(List<OwnedProcesses> features) {
        this.localProcesses = features.stream().flatMap(owned -> owned.local().stream()).collect(Collectors.toUnmodifiableSet());
        this.regionalProcesses = features.stream().flatMap(owned -> owned.regional().stream()).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = new ArrayList<>();
        if (configuration.getCustomPostBPMNParseListeners() != null) {
            listeners.addAll(configuration.getCustomPostBPMNParseListeners());
        }
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                if (localProcesses.contains(processDefinition.getKey())) {
                    processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START,
                            (ExecutionListener) MunicipalityAuthorizations::grantToMunicipality);
                } else if (regionalProcesses.contains(processDefinition.getKey())) {
                    processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START,
                            (ExecutionListener) execution -> grant(execution, REGIONAL_GROUPS));
                }
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    /**
     * The municipality comes from the variable {@code gemeente}, and the business key must be exactly
     * {@code <programmaId>-<gemeente>} (not merely end with the code); if it is not, nobody local gets
     * access (the coordinators still see the case) rather than the wrong municipality.
     */
    private static void grantToMunicipality(DelegateExecution execution) {
        String code = execution.getVariable("gemeente") instanceof String value ? value : null;
        String programmeId = execution.getVariable("programmaId") instanceof String value ? value : null;
        String businessKey = execution.getProcessBusinessKey();
        if (code == null || !MUNICIPALITY_CODE.matcher(code).matches() || programmeId == null
                || !(programmeId + "-" + code).equals(businessKey)) {
            log.warn("No municipality grants for process instance {}: programme '{}' and municipality '{}' do not make business key '{}'",
                    execution.getProcessInstanceId(), programmeId, code, businessKey);
            return;
        }
        grant(execution, List.of(Roles.wethouder(code), Roles.beleidsambtenaar(code)));
    }

    /**
     * READ on the running instance (the instance, its variables, its executions) and on its history
     * (historic instance, tasks, variables, activities). Nothing that changes the instance: people
     * change a case only by completing the tasks offered to them.
     */
    private static void grant(DelegateExecution execution, List<String> groups) {
        String processInstanceId = execution.getProcessInstanceId();
        String rootProcessInstanceId = ((ExecutionEntity) execution).getRootProcessInstanceId();
        CommandContext commandContext = Context.getCommandContext();
        // The person who starts the instance (a projectleider, a beleidsambtenaar completing a task) may not
        // write authorizations themselves; these grants are the system's. Written directly rather than through
        // AuthorizationService, which would log them as that person's operation and, as the historic instance is
        // not yet in the database, leave out the root instance that the history cleanup removes them by.
        commandContext.runWithoutAuthorization(() -> {
            for (String group : groups) {
                insert(commandContext, group, Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ, null);
                insert(commandContext, group, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId,
                        HistoricProcessInstancePermissions.READ, rootProcessInstanceId);
            }
            return null;
        });
    }

    /** A new instance has no grants yet: each grant is new. */
    private static void insert(CommandContext commandContext, String group, Resources resource, String resourceId, Permission permission,
            String rootProcessInstanceId) {
        AuthorizationEntity grant = new AuthorizationEntity(AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(resource);
        grant.setResourceId(resourceId);
        grant.addPermission(permission);
        // The engine gives the hierarchy's authorizations their removal time when the root instance ends.
        grant.setRootProcessInstanceId(rootProcessInstanceId);
        commandContext.getAuthorizationManager().insert(grant);
    }
}
