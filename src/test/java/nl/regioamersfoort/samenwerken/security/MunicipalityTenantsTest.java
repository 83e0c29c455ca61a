package nl.regioamersfoort.samenwerken.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.regioamersfoort.samenwerken.DemoApplicationTest;
import nl.regioamersfoort.samenwerken.Http;
import nl.regioamersfoort.samenwerken.ProcessDriver;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Municipalities as tenants: every local case (track, wethouder gates, activity money requests) is
 * its municipality's, regional cases are nobody's, a municipality that joins later gets its case in
 * its own tenant, and cases from before the tenants get theirs at the next start.
 */
@DemoApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MunicipalityTenantsTest {

    static final Set<String> LOCAL = Set.of("gemeentetraject", "wethouder-besluit", "activiteitengeld-aanvraag");

    @Autowired
    ProcessEngine engine;
    @Autowired
    Programmes programmes;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    IdentityService identityService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    TenantBackfill backfill;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    final ObjectMapper json = new ObjectMapper();
    ProcessDriver driver;
    String programme;
    String money;

    @BeforeAll
    void baarnHasAGateAndAMoneyRequestLeusdenItsInventory() throws Exception {
        driver = new ProcessDriver(engine);
        programme = ProcessDriver.startProgramme(programmes, 2081, null, "baarn", "leusden");
        String baarn = programme + "-baarn";
        driver.complete(baarn, "inventarisatie-opstellen", "ambtenaar.baarn", "watSpeeltLokaal", "Eenzaamheid", "mogelijkeVervolgstap", "Gesprek");
        // The conversation raised leaving: the wethouder's gate about it is open.
        driver.discuss(baarn, "baarn", "stoppen");
        HttpResponse<String> asked = Http.basic(port, "ambtenaar.baarn", "demo").post("/api/programmas/" + programme + "/activiteitengeld",
                "application/json", """
                        {"gemeente": "baarn", "activiteit": "Voorlichting", "bedrag": "100", "doelgroepen": ["LHBTI"],
                         "zichtbaarheid": "In de krant"}""");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        money = runtimeService.createProcessInstanceQuery().processDefinitionKey("activiteitengeld-aanvraag").processInstanceBusinessKey(baarn)
                .singleResult().getId();
    }

    @AfterAll
    void resetClock() {
        ClockUtil.reset();
    }

    @Order(1)
    @Test
    void everyLocalCaseBelongsToItsMunicipalityAndTheRegionalOnesToNobody() {
        Set<String> seen = new TreeSet<>();
        for (HistoricProcessInstance instance : cases()) {
            String key = instance.getProcessDefinitionKey();
            seen.add(key);
            String expected = LOCAL.contains(key) ? instance.getBusinessKey().substring(programme.length() + 1) : null;
            assertThat(instance.getTenantId()).as("%s %s", key, instance.getBusinessKey()).isEqualTo(expected);
            taskService.createTaskQuery().processInstanceId(instance.getId()).list()
                    .forEach(task -> assertThat(task.getTenantId()).as(task.getName()).isEqualTo(expected));
        }
        assertThat(seen).containsAll(LOCAL).contains("programma-inclusie-diversiteit", "regionaal-spoor");
        // The eligibility check of Baarn's money request is Baarn's decision, in Baarn's history.
        assertThat(historyService.createHistoricDecisionInstanceQuery().processInstanceId(money).list()).isNotEmpty()
                .allSatisfy(decision -> assertThat(decision.getTenantId()).isEqualTo("baarn"));
        // Tenants come from the reference data: one per municipality, with its two groups and the coordinators.
        assertThat(members("baarn")).containsExactlyInAnyOrder("wethouder-baarn", "beleidsambtenaar-baarn", "projectleider", "adviseur");
        assertThat(identityService.createTenantQuery().count()).isEqualTo(8);
        for (String regional : List.of("stuurgroep", "bosd")) {
            assertThat(identityService.createTenantQuery().userMember(regional).includingGroupsOfUser(true).count()).as(regional).isZero();
        }
    }

    @Order(2)
    @Test
    void eachRoleWorksInTheProcessesWhereTheModelsGiveItTasksAndReadsTheCasesOfItsOwnKind() {
        assertGrants("ambtenaar.baarn", "gemeentetraject", true, true);
        assertGrants("ambtenaar.baarn", "wethouder-besluit", true, true);
        assertGrants("ambtenaar.baarn", "activiteitengeld-aanvraag", true, true);
        assertGrants("ambtenaar.baarn", "regionaal-spoor", false, false);
        assertGrants("wethouder.baarn", "wethouder-besluit", true, true);
        // The wethouder follows the track, but its tasks are the officers'.
        assertGrants("wethouder.baarn", "gemeentetraject", true, false);
        assertGrants("stuurgroep", "regionaal-spoor", true, true);
        assertGrants("bosd", "programma-inclusie-diversiteit", true, true);
        assertGrants("stuurgroep", "gemeentetraject", false, false);
        assertGrants("bosd", "wethouder-besluit", false, false);
        // Only beheer's grants are on everything; nobody's on a single task or case.
        for (Resources perCase : List.of(Resources.TASK, Resources.HISTORIC_TASK, Resources.PROCESS_INSTANCE, Resources.HISTORIC_PROCESS_INSTANCE)) {
            assertThat(authorizationService.createAuthorizationQuery().resourceType(perCase).list()).as(perCase.resourceName())
                    .extracting(Authorization::getResourceId).containsOnly("*");
        }
    }

    /** Tasklist's "Proces starten" lists what a person may start: from the grants the reference data gives, not from a list in a model. */
    @Order(2)
    @Test
    void everyMunicipalitysOfficersAndOnlyTheyStartAnActivityMoneyRequestOrARegionalContributionInTasklist() throws Exception {
        String startable = "/engine-rest/process-definition?latestVersion=true&active=true&startableInTasklist=true"
                + "&startablePermissionCheck=true";
        for (String code : List.of("amersfoort", "baarn", "bunschoten", "eemnes", "leusden", "nijkerk", "soest", "woudenberg")) {
            assertThat(keys(Http.basic(port, "ambtenaar." + code, "demo").get(startable))).as(code)
                    .containsExactlyInAnyOrder("activiteitengeld-aanvraag", "regionale-inbreng");
        }
        for (String other : List.of("wethouder.baarn", "stuurgroep", "bosd", "adviseur")) {
            assertThat(keys(Http.basic(port, other, "demo").get(startable))).as(other).isEmpty();
        }
        assertThat(keys(Http.basic(port, "projectleider", "demo").get(startable))).containsExactly("programma-inclusie-diversiteit");
    }

    @Order(3)
    @Test
    void aMunicipalityThatJoinsLaterHasItsTrackInItsOwnTenant() throws Exception {
        HttpResponse<String> joined = Http.basic(port, "projectleider", "demo").post("/api/programmas/" + programme + "/gemeenten",
                "application/json", "{\"gemeente\": \"soest\"}");
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(202);
        String soest = programme + "-soest";
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(soest).singleResult().getTenantId()).isEqualTo("soest");
        String inventory = driver.task(soest, "inventarisatie-opstellen").getId();
        assertThat(taskIds("ambtenaar.soest", soest)).containsExactly(inventory);
        assertThat(taskIds("adviseur", soest)).containsExactly(inventory);
        for (String outsider : List.of("ambtenaar.baarn", "wethouder.leusden", "stuurgroep", "bosd")) {
            assertThat(taskIds(outsider, soest)).as(outsider).isEmpty();
            assertThat(json(Http.basic(port, outsider, "demo").get("/engine-rest/process-instance?businessKey=" + soest))).as(outsider).isEmpty();
        }
        HttpResponse<String> claimed = Http.basic(port, "ambtenaar.soest", "demo").post("/engine-rest/task/" + inventory + "/claim",
                "application/json", "{\"userId\": \"ambtenaar.soest\"}");
        assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(204);
        taskService.setAssignee(inventory, null);
    }

    @Order(4)
    @Test
    void aLocalCaseThatBelongsToNoSingleMunicipalityDoesNotStart() {
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("gemeentetraject").count();
        // Leusden's business key with Baarn's variables, and a track without a municipality at all.
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("gemeentetraject", programme + "-leusden",
                Map.of("programmaId", programme, "gemeente", "baarn"))).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("does not belong to exactly one municipality");
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("gemeentetraject", programme + "-",
                Map.of("programmaId", programme))).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("does not belong to exactly one municipality");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("gemeentetraject").count()).isEqualTo(before);
    }

    /** A track, its gate and its money request as they were before tenants: no tenant, grants per case and task. */
    @Order(5)
    @Test
    void casesFromBeforeTheTenantsGetTheirMunicipalitysTenantAtTheNextStart() throws Exception {
        String baarn = programme + "-baarn";
        List<String> instances = cases().stream().filter(i -> baarn.equals(i.getBusinessKey())).map(HistoricProcessInstance::getId).toList();
        assertThat(instances).hasSizeGreaterThanOrEqualTo(3);
        String task = driver.tasks(baarn, "besluit-voorbereiden").get(0).getId();
        for (String id : instances) {
            for (String table : List.of("ACT_RU_EXECUTION", "ACT_RU_TASK", "ACT_RU_VARIABLE", "ACT_HI_PROCINST", "ACT_HI_ACTINST",
                    "ACT_HI_TASKINST", "ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_HI_DECINST")) {
                jdbc.update("update " + table + " set TENANT_ID_ = null where PROC_INST_ID_ = ?", id);
            }
            oldGrant("beleidsambtenaar-baarn", Resources.PROCESS_INSTANCE, id, Permissions.READ);
        }
        oldGrant("beleidsambtenaar-baarn", Resources.TASK, task, Permissions.TASK_WORK);
        // Without a tenant, every municipality's officers could read Baarn's case: the reason for the backfill.
        assertThat(json(Http.basic(port, "ambtenaar.leusden", "demo").get("/engine-rest/process-instance?businessKey=" + baarn))).isNotEmpty();

        assertThat(backfill.run()).isGreaterThanOrEqualTo(instances.size());

        for (String id : instances) {
            assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult().getTenantId()).isEqualTo("baarn");
        }
        assertThat(taskService.createTaskQuery().taskId(task).singleResult().getTenantId()).isEqualTo("baarn");
        assertThat(json(Http.basic(port, "ambtenaar.leusden", "demo").get("/engine-rest/process-instance?businessKey=" + baarn))).isEmpty();
        assertThat(json(Http.basic(port, "ambtenaar.leusden", "demo").get("/engine-rest/history/variable-instance?processInstanceIdIn="
                + String.join(",", instances)))).isEmpty();
        assertThat(json(Http.basic(port, "ambtenaar.baarn", "demo").get("/engine-rest/process-instance?businessKey=" + baarn))).hasSameSizeAs(
                runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(baarn).list());
        assertThat(taskIds("ambtenaar.baarn", baarn)).contains(task);
        assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE).list())
                .extracting(Authorization::getResourceId).containsOnly("*");
        assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).list()).extracting(Authorization::getResourceId)
                .containsOnly("*");
        // Nothing left to do: the next start does nothing.
        assertThat(backfill.run()).isZero();
    }

    // helpers ///////////////////////////////////////////////////////////////

    List<HistoricProcessInstance> cases() {
        List<HistoricProcessInstance> all = new ArrayList<>(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKeyLike(
                programme + "%").list());
        assertThat(all).isNotEmpty();
        return all;
    }

    Set<String> members(String tenant) {
        Set<String> groups = new TreeSet<>();
        identityService.createGroupQuery().memberOfTenant(tenant).list().stream().map(Group::getId).forEach(groups::add);
        return groups;
    }

    void assertGrants(String user, String processKey, boolean readsCases, boolean worksTasks) {
        List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        for (Permission permission : List.of(ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY)) {
            assertThat(authorizationService.isUserAuthorized(user, groups, permission, Resources.PROCESS_DEFINITION, processKey))
                    .as("%s %s on %s", user, permission.getName(), processKey).isEqualTo(readsCases);
        }
        for (Permission permission : List.of(ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.TASK_WORK)) {
            assertThat(authorizationService.isUserAuthorized(user, groups, permission, Resources.PROCESS_DEFINITION, processKey))
                    .as("%s %s on %s", user, permission.getName(), processKey).isEqualTo(worksTasks);
        }
        assertThat(authorizationService.isUserAuthorized(user, groups, ProcessDefinitionPermissions.UPDATE_INSTANCE, Resources.PROCESS_DEFINITION,
                processKey)).as("%s may change %s cases", user, processKey).isFalse();
    }

    void oldGrant(String group, Resources resource, String resourceId, Permission permission) {
        Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(resource);
        grant.setResourceId(resourceId);
        grant.addPermission(permission);
        authorizationService.saveAuthorization(grant);
    }

    List<String> taskIds(String user, String businessKey) throws Exception {
        List<String> ids = new ArrayList<>();
        json(Http.basic(port, user, "demo").get("/engine-rest/task?processInstanceBusinessKey=" + businessKey)).forEach(t -> ids.add(t.get("id").asText()));
        return ids;
    }

    Set<String> keys(HttpResponse<String> response) throws Exception {
        Set<String> keys = new TreeSet<>();
        json(response).forEach(definition -> keys.add(definition.get("key").asText()));
        return keys;
    }

    JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
