package nl.regioamersfoort.samenwerken.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.regioamersfoort.samenwerken.gemeente.Municipalities;
import nl.regioamersfoort.samenwerken.gemeente.Municipality;
import nl.regioamersfoort.samenwerken.platform.engine.OwnedProcesses;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Makes sure the groups of design §3 exist, one pair per municipality in the reference data, each
 * municipality a tenant with its two groups (and the coordinators) as members, and the grants every
 * role needs: the webapps its work needs, and per process definition (never per case or task) what
 * it reads and works on. Runs at every start and only adds what is missing, so a municipality added
 * to the data gets its groups, tenant and grants at the next start. Runs before the web server
 * accepts requests, so nobody can log in before the people and groups exist.
 * <p>
 * The grants per definition, inside the tenant check ({@link MunicipalityTenants}):
 * <ul>
 * <li>a case (instances, variables, history) is read by its municipality's wethouder and
 * beleidsambtenaar for a local process, by the stuurgroep and the BOSD for a regional one, and by the
 * coordinators (projectleider, adviseur) for every process;</li>
 * <li>its tasks are read, worked and handed on (READ_TASK, TASK_WORK, TASK_ASSIGN) by the roles that
 * have user tasks in that process according to the models ({@link ProcessRoles}); of those tasks a
 * person works only the ones they are a candidate for ({@link TaskAuthorizations}).</li>
 * </ul>
 */
@Component
class IdentitySetup implements SmartInitializingSingleton {

    private static final String ACTIVITY_MONEY = "activiteitengeld-aanvraag";
    /** What a municipality's beleidsambtenaar starts from Tasklist: activity money, a contribution to the regional register. */
    private static final List<String> OFFICERS_START = List.of(ACTIVITY_MONEY, "regionale-inbreng");
    private static final List<String> COORDINATORS = List.of(Roles.PROJECTLEIDER, Roles.ADVISEUR);
    private static final List<String> REGIONAL_BODIES = List.of(Roles.STUURGROEP_SD, Roles.BOSD);
    private static final Permission[] CASE = {ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_HISTORY};
    private static final Permission[] WORK = {ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.TASK_WORK,
        ProcessDefinitionPermissions.TASK_ASSIGN};

    private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final RepositoryService repositoryService;
    private final Municipalities municipalities;
    private final Environment environment;
    private final ObjectProvider<DemoUsers> demoUsers;
    private final Set<String> localProcesses;
    private final Set<String> regionalProcesses;

    IdentitySetup(IdentityService identityService, AuthorizationService authorizationService, RepositoryService repositoryService,
            Municipalities municipalities, Environment environment, ObjectProvider<DemoUsers> demoUsers, List<OwnedProcesses> features) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.repositoryService = repositoryService;
        this.municipalities = municipalities;
        this.environment = environment;
        this.demoUsers = demoUsers;
        this.localProcesses = OwnedProcesses.localOf(features);
        this.regionalProcesses = OwnedProcesses.regionalOf(features);
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<Municipality> all = municipalities.all();
        List<Roles.GroupDefinition> groups = new ArrayList<>(Roles.REGIONAL);
        all.forEach(m -> groups.addAll(Roles.local(m.getCode(), m.getName())));
        Set<String> existingGroups = identityService.createGroupQuery().list().stream().map(Group::getId).collect(Collectors.toSet());
        groups.forEach(group -> ensureGroup(existingGroups, group.id(), group.name()));
        ensureGroup(existingGroups, Groups.CAMUNDA_ADMIN, "Camunda-beheerders");
        Set<String> existingTenants = identityService.createTenantQuery().list().stream().map(Tenant::getId).collect(Collectors.toSet());
        all.forEach(municipality -> ensureTenant(existingTenants, municipality));

        Grants grants = new Grants(authorizationService);
        // Administrators need explicit grants too: the webapps decide who may open Cockpit and Admin
        // from grants, not from the engine's admin groups.
        for (String administrators : List.of(Groups.CAMUNDA_ADMIN, Roles.BEHEER)) {
            for (Resource resource : Resources.values()) {
                grants.ensure(administrators, resource, Authorization.ANY, Permissions.ALL);
            }
        }
        for (var group : groups) {
            grants.ensure(group.id(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        }
        // The coordinators follow every case in Cockpit and see every task (the projectleider gets the
        // escalations and opens the task from the mail); they work the tasks offered to their group.
        for (String coordinator : COORDINATORS) {
            grants.ensure(coordinator, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grants.ensure(coordinator, Resources.PROCESS_DEFINITION, Authorization.ANY, CASE);
            grants.ensure(coordinator, Resources.PROCESS_DEFINITION, Authorization.ANY, WORK);
            grants.ensure(coordinator, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.READ);
            grants.ensure(coordinator, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ);
        }
        for (String key : regionalProcesses) {
            REGIONAL_BODIES.forEach(body -> grants.ensure(body, Resources.PROCESS_DEFINITION, key, CASE));
        }
        for (Municipality municipality : all) {
            for (String key : localProcesses) {
                for (String group : List.of(Roles.wethouder(municipality.getCode()), Roles.beleidsambtenaar(municipality.getCode()))) {
                    grants.ensure(group, Resources.PROCESS_DEFINITION, key, CASE);
                }
            }
        }
        ProcessRoles.workingIn(repositoryService, localProcesses, regionalProcesses).forEach((key, roles) -> {
            for (String role : roles) {
                if (role.equals(ProcessRoles.WETHOUDER) || role.equals(ProcessRoles.BELEIDSAMBTENAAR)) {
                    all.forEach(m -> grants.ensure(role + m.getCode(), Resources.PROCESS_DEFINITION, key, WORK));
                } else if (!COORDINATORS.contains(role)) {
                    grants.ensure(role, Resources.PROCESS_DEFINITION, key, WORK);
                }
            }
        });
        // The projectleider starts a programme from Tasklist's start form.
        grants.ensure(Roles.PROJECTLEIDER, Resources.PROCESS_DEFINITION, "programma-inclusie-diversiteit",
                ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
        grants.ensure(Roles.PROJECTLEIDER, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
        // A beleidsambtenaar asks for activity money and shares a contribution with the region from Tasklist's
        // start forms; each process itself checks that it is for their own municipality.
        for (Municipality municipality : all) {
            String officers = Roles.beleidsambtenaar(municipality.getCode());
            for (String key : OFFICERS_START) {
                grants.ensure(officers, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ,
                        ProcessDefinitionPermissions.CREATE_INSTANCE);
            }
            grants.ensure(officers, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
        }
        ensureConfiguredAdministratorInBeheer();
        demoUsers.ifAvailable(DemoUsers::create);
    }

    /** Camunda's starter creates the configured administrator in camunda-admin; Samenwerken's pages know beheer. */
    private void ensureConfiguredAdministratorInBeheer() {
        String adminId = environment.getProperty("camunda.bpm.admin-user.id");
        if (adminId != null && identityService.createUserQuery().userId(adminId).count() > 0
                && identityService.createUserQuery().userId(adminId).memberOfGroup(Roles.BEHEER).count() == 0) {
            identityService.createMembership(adminId, Roles.BEHEER);
        }
    }

    private void ensureGroup(Set<String> existing, String id, String name) {
        if (existing.contains(id)) {
            return;
        }
        Group group = identityService.newGroup(id);
        group.setName(name);
        boolean administrators = Roles.BEHEER.equals(id) || Groups.CAMUNDA_ADMIN.equals(id);
        group.setType(administrators ? Groups.GROUP_TYPE_SYSTEM : Groups.GROUP_TYPE_WORKFLOW);
        identityService.saveGroup(group);
        existing.add(id);
        log.info("Created group {} ({})", id, name);
    }

    /**
     * The municipality's tenant: its own two groups, and the coordinators, who follow every case.
     * The regional bodies are members of no tenant: they read a municipality's texts only where its
     * wethouder consented to share them (regio).
     */
    private void ensureTenant(Set<String> existing, Municipality municipality) {
        String code = municipality.getCode();
        if (!existing.contains(code)) {
            Tenant tenant = identityService.newTenant(code);
            tenant.setName(municipality.getName());
            identityService.saveTenant(tenant);
            log.info("Created tenant {} ({})", code, municipality.getName());
        }
        Set<String> members = identityService.createGroupQuery().memberOfTenant(code).list().stream().map(Group::getId)
                .collect(Collectors.toSet());
        List<String> wanted = new ArrayList<>(List.of(Roles.wethouder(code), Roles.beleidsambtenaar(code)));
        wanted.addAll(COORDINATORS);
        wanted.stream().filter(group -> !members.contains(group)).forEach(group -> identityService.createTenantGroupMembership(code, group));
    }

    /**
     * The groups' grants as they are, read once: one grant per group and resource (Camunda allows no
     * second one), to which missing permissions are added.
     */
    private static final class Grants {

        private final AuthorizationService authorizationService;
        private final Map<String, Authorization> byGroupAndResource = new HashMap<>();

        Grants(AuthorizationService authorizationService) {
            this.authorizationService = authorizationService;
            authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).list().stream()
                    .filter(grant -> grant.getGroupId() != null)
                    .forEach(grant -> byGroupAndResource.put(key(grant.getGroupId(), grant.getResourceType(), grant.getResourceId()), grant));
        }

        void ensure(String groupId, Resource resource, String resourceId, Permission... permissions) {
            String key = key(groupId, resource.resourceType(), resourceId);
            Authorization grant = byGroupAndResource.get(key);
            if (grant != null && Arrays.stream(permissions).allMatch(grant::isPermissionGranted)) {
                return;
            }
            if (grant == null) {
                grant = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
                grant.setGroupId(groupId);
                grant.setResource(resource);
                grant.setResourceId(resourceId);
            }
            for (Permission permission : permissions) {
                grant.addPermission(permission);
            }
            byGroupAndResource.put(key, authorizationService.saveAuthorization(grant));
        }

        private static String key(String groupId, int resourceType, String resourceId) {
            return groupId + "|" + resourceType + "|" + resourceId;
        }
    }
}
