package nl.regioamersfoort.samenwerken.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.List;
import nl.regioamersfoort.samenwerken.gemeente.Municipalities;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Makes sure the groups of design §3 exist, one pair per municipality in the reference data, with
 * access to the webapps their work needs. Runs at every start and only adds what is missing, so a
 * municipality added to the data gets its groups at the next start. Runs before the web server
 * accepts requests, so nobody can log in before the people and groups exist.
 */
@Component
class IdentitySetup implements SmartInitializingSingleton {

    private static final String ACTIVITY_MONEY = "activiteitengeld-aanvraag";

    private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final Municipalities municipalities;
    private final Environment environment;
    private final ObjectProvider<DemoUsers> demoUsers;

    IdentitySetup(IdentityService identityService, AuthorizationService authorizationService,
            Municipalities municipalities, Environment environment,
            ObjectProvider<DemoUsers> demoUsers) {
        this.environment = environment;
        this.demoUsers = demoUsers;
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.municipalities = municipalities;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<Roles.GroupDefinition> groups =
                new ArrayList<>(Roles.REGIONAL);
        municipalities.all()
                .forEach(m -> groups.addAll(Roles.local(m.getCode(), m.getName())));
        groups.forEach(group -> ensureGroup(group.id(), group.name()));
        ensureGroup(Groups.CAMUNDA_ADMIN, "Camunda-beheerders");

        // Administrators need explicit grants too: the webapps decide who may open Cockpit and Admin
        // from grants, not from the engine's admin groups.
        for (String administrators : List.of(Groups.CAMUNDA_ADMIN, Roles.BEHEER)) {
            for (Resource resource : Resources.values()) {
                ensureGrant(administrators, resource, Authorization.ANY, Permissions.ALL);
            }
        }

        for (var group : groups) {
            ensureGrant(group.id(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        }
        ensureGrant(Roles.PROJECTLEIDER, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        ensureGrant(Roles.ADVISEUR, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        // The coordinators follow every case in Cockpit and see every task (the projectleider gets the
        // escalations and opens the task from the mail); they work the tasks offered to their group. The
        // municipalities and the regional bodies get grants per case (MunicipalityAuthorizations).
        for (String coordinator : List.of(Roles.PROJECTLEIDER, Roles.ADVISEUR)) {
            ensureGrant(coordinator, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
            ensureGrant(coordinator, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ_INSTANCE);
            ensureGrant(coordinator, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ_HISTORY);
            ensureGrant(coordinator, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ_TASK);
            ensureGrant(coordinator, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.READ);
            ensureGrant(coordinator, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ);
        }
        // The projectleider starts a programme from Tasklist's start form.
        ensureGrant(Roles.PROJECTLEIDER, Resources.PROCESS_DEFINITION, "programma-inclusie-diversiteit", Permissions.READ);
        ensureGrant(Roles.PROJECTLEIDER, Resources.PROCESS_DEFINITION, "programma-inclusie-diversiteit", Permissions.CREATE_INSTANCE);
        ensureGrant(Roles.PROJECTLEIDER, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
        // A beleidsambtenaar asks for activity money from Tasklist's start form; the request process
        // itself checks that it is for their own municipality (ActivityMoney).
        municipalities.all().forEach(m -> {
            ensureGrant(Roles.beleidsambtenaar(m.getCode()), Resources.PROCESS_DEFINITION, ACTIVITY_MONEY, Permissions.READ);
            ensureGrant(Roles.beleidsambtenaar(m.getCode()), Resources.PROCESS_DEFINITION, ACTIVITY_MONEY, Permissions.CREATE_INSTANCE);
            ensureGrant(Roles.beleidsambtenaar(m.getCode()), Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
        });
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

    private void ensureGroup(String id, String name) {
        if (identityService.createGroupQuery().groupId(id).count() > 0) {
            return;
        }
        Group group = identityService.newGroup(id);
        group.setName(name);
        boolean administrators = Roles.BEHEER.equals(id) || Groups.CAMUNDA_ADMIN.equals(id);
        group.setType(administrators ? Groups.GROUP_TYPE_SYSTEM : Groups.GROUP_TYPE_WORKFLOW);
        identityService.saveGroup(group);
        log.info("Created group {} ({})", id, name);
    }

    /** One grant per group and resource (Camunda allows no second one); missing permissions are added to it. */
    private void ensureGrant(String groupId, Resource resource, String resourceId, Permission permission) {
        Authorization grant = authorizationService.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId).resourceType(resource).resourceId(resourceId)
                .singleResult();
        if (grant == null) {
            grant = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            grant.setGroupId(groupId);
            grant.setResource(resource);
            grant.setResourceId(resourceId);
        } else if (grant.isPermissionGranted(permission)) {
            return;
        }
        grant.addPermission(permission);
        authorizationService.saveAuthorization(grant);
    }

    /**
     * Tasklist shows tasks only through filters. Everyone may read this one; which tasks it lists
     * is still decided per person by the task authorizations.
     */
}
