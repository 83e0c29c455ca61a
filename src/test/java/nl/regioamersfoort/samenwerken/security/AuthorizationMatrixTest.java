package nl.regioamersfoort.samenwerken.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import nl.regioamersfoort.samenwerken.DemoApplicationTest;
import nl.regioamersfoort.samenwerken.Http;
import nl.regioamersfoort.samenwerken.ProcessDriver;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "Each person sees only their own municipality's work", over real HTTP against /engine-rest, the
 * API Tasklist and every REST client use. One programme runs with Baarn, Leusden and Soest (and
 * Woudenberg further along for the hard rules); every person of the {@link #MATRIX} tries every
 * case: list, open, read and claim its tasks, complete them, read its process instances, their
 * variables and their history. What the matrix does not allow must be refused (403/404, or absent
 * from a list) and change nothing; what it allows must work.
 */
@DemoApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthorizationMatrixTest {

    static final String PROGRAMME = "inclusie-2044-2045";
    static final List<String> CASES = List.of("baarn", "leusden", "soest", "regio");

    /**
     * Who may do what with each case. {@code case}: its process instances, their variables and their
     * history. A task kind with {@code :read} (list it, open it, read its variables) or {@code :work}
     * (also claim and complete it). Kinds: I = inventory (beleidsambtenaar, adviseur), D = the
     * wethouder's decision on activity money, S = the stuurgroep's regional task. {@code -}: nothing.
     */
    static final String[] MATRIX = {
        // person          | baarn              | leusden            | soest         | regio
        "wethouder.baarn   | case D:work        | -                  | -             | -",
        "ambtenaar.baarn   | case I:work D:read | -                  | -             | -",
        "wethouder.leusden | -                  | case D:work        | -             | -",
        "ambtenaar.leusden | -                  | case I:work D:read | -             | -",
        "adviseur          | case I:work D:read | case I:work D:read | case I:work   | case S:read",
        "projectleider     | case I:read D:read | case I:read D:read | case I:read   | case S:read",
        "stuurgroep        | -                  | -                  | -             | case S:work",
        "bosd              | -                  | -                  | -             | case S:read",
        "beheer            | case I:work D:work | case I:work D:work | case I:work   | case S:work",
    };

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    JdbcTemplate jdbc;

    final ObjectMapper json = new ObjectMapper();
    ProcessDriver driver;
    /** case → task kind → task id */
    final Map<String, Map<String, String>> tasks = new HashMap<>();

    @BeforeAll
    void startTheProgramme() {
        driver = new ProcessDriver(engine);
        ClockUtil.setCurrentTime(ProcessDriver.at("2044-01-12T09:00:00"));
        HttpResponse<String> started = as("projectleider").post("/engine-rest/process-definition/key/programma-inclusie-diversiteit/submit-form",
                "application/json", "{\"variables\": {"
                        + "\"naam\": {\"value\": \"Inclusie en diversiteit 2044-2045\"},"
                        + "\"start\": {\"value\": \"2044-01-01\"}, \"einde\": {\"value\": \"2045-12-31\"},"
                        + "\"gemeenten\": {\"value\": \"[\\\"baarn\\\",\\\"leusden\\\",\\\"soest\\\",\\\"woudenberg\\\",\\\"amersfoort\\\"]\","
                        + " \"type\": \"Json\"}}}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);

        // Baarn and Leusden: the inventory is open, and an activity money request waits for the wethouder.
        for (String code : List.of("baarn", "leusden")) {
            String track = PROGRAMME + "-" + code;
            HttpResponse<String> asked = as("ambtenaar." + code).post("/api/programmas/" + PROGRAMME + "/activiteitengeld", "application/json",
                    "{\"gemeente\": \"" + code + "\", \"activiteit\": \"Voorlichting op scholen\", \"bedrag\": \"750\","
                            + " \"doelgroepen\": [\"LHBTI\"], \"zichtbaarheid\": \"Zichtbaar in de lokale krant\"}");
            assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
            HttpResponse<String> prepared = as("ambtenaar." + code).post("/engine-rest/task/" + driver.task(track, "besluit-voorbereiden").getId()
                    + "/complete", "application/json", "{\"variables\": {\"voorstel\": {\"value\": \"Graag akkoord\"}}}");
            assertThat(prepared.statusCode()).as(prepared.body()).isEqualTo(204);
            tasks.put(code, Map.of("I", driver.task(track, "inventarisatie-opstellen").getId(), "D", driver.task(track, "besluit-nemen").getId()));
        }
        tasks.put("soest", Map.of("I", driver.task(PROGRAMME + "-soest", "inventarisatie-opstellen").getId()));

        // The region: the projectleider wrote the overview; the stuurgroep prepares it.
        String region = PROGRAMME + "-regio";
        String overviewTask = driver.task(region, "overzicht-onderwerpen-opstellen").getId();
        HttpResponse<String> overview = as("projectleider").post("/engine-rest/task/" + overviewTask + "/complete", "application/json",
                "{\"variables\": {\"onderwerpen\": {\"value\": \"Werk en discriminatie\"}}}");
        assertThat(overview.statusCode()).as(overview.body()).isEqualTo(204);
        tasks.put("regio", Map.of("S", driver.task(region, "overzicht-onderwerpen-voorbereiden").getId()));

        // Woudenberg is in execution: one activity approved and waiting to be carried out, one still to be prepared.
        String woudenberg = PROGRAMME + "-woudenberg";
        driver.complete(woudenberg, "inventarisatie-opstellen", "ambtenaar.woudenberg", "watSpeeltLokaal", "Vertrouwelijk: spanningen in de wijk",
                "mogelijkeVervolgstap", "Gesprek met de wijkagent");
        driver.discuss(woudenberg, "woudenberg", "verder");
        driver.decideOn(woudenberg, "TOESTEMMING_INVENTARISATIE", "woudenberg", "akkoord");
        driver.complete(woudenberg, "maatwerkplan-opstellen", "ambtenaar.woudenberg", "planSamenvatting", "Plan",
                "activiteiten", "Voorlichting\nGesprek");
        driver.discussAndAdoptPlan(woudenberg, "woudenberg");
        driver.decideOn(woudenberg, "TOESTEMMING_MAATWERKPLAN", "woudenberg", "akkoord");
        driver.complete(prepareTask(woudenberg, "Voorlichting"), "ambtenaar.woudenberg", "voorstel", "Graag akkoord");
        driver.complete(woudenberg, "besluit-nemen", "wethouder.woudenberg", "uitkomst", "akkoord", "motivering", "Goed plan");
        assertThat(driver.task(woudenberg, "activiteit-uitvoeren").getName()).isEqualTo("Uitvoeren: Voorlichting");
    }

    @AfterAll
    void resetClock() {
        ClockUtil.reset();
    }

    static Stream<String> matrix() {
        return Arrays.stream(MATRIX);
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void eachPersonSeesAndWorksExactlyWhatTheMatrixSays(String row) {
        String[] cells = row.split("\\|");
        String user = cells[0].strip();
        SoftAssertions softly = new SoftAssertions();
        for (int column = 0; column < CASES.size(); column++) {
            String caseName = CASES.get(column);
            Set<String> access = Set.of(cells[column + 1].strip().split("\\s+"));
            checkCase(softly, user, caseName, access.contains("case"));
            Set<String> visible = new TreeSet<>();
            tasks.get(caseName).forEach((kind, taskId) -> {
                boolean work = access.contains(kind + ":work");
                boolean read = work || access.contains(kind + ":read");
                if (read) {
                    visible.add(taskId);
                }
                checkTask(softly, user, caseName + " " + kind, taskId, read, work);
            });
            Set<String> listed = new TreeSet<>();
            for (String businessKey : businessKeys(caseName)) {
                listed.addAll(ids(get(user, "/engine-rest/task?processInstanceBusinessKey=" + businessKey)));
            }
            softly.assertThat(listed).as("%s × %s: GET /task lists exactly", user, caseName).isEqualTo(visible);
        }
        softly.assertAll();
    }

    /** The case's process instances, variables and history: all readable, or none of it. */
    void checkCase(SoftAssertions softly, String user, String caseName, boolean allowed) {
        List<ProcessInstance> instances = new ArrayList<>();
        Set<String> expectedList = new TreeSet<>();
        Set<String> listed = new TreeSet<>();
        for (String businessKey : businessKeys(caseName)) {
            List<ProcessInstance> withKey = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list();
            instances.addAll(withKey);
            withKey.forEach(instance -> expectedList.add(instance.getId()));
            listed.addAll(ids(get(user, "/engine-rest/process-instance?businessKey=" + businessKey)));
        }
        assertThat(instances).as(caseName).isNotEmpty();
        softly.assertThat(listed).as("%s × %s: GET /process-instance lists", user, caseName).isEqualTo(allowed ? expectedList : Set.of());

        for (ProcessInstance instance : instances) {
            String id = instance.getId();
            String what = user + " × " + caseName + " (" + instance.getProcessDefinitionId().split(":")[0] + ")";
            expectStatus(softly, what, "GET /process-instance/{id}", get(user, "/engine-rest/process-instance/" + id), allowed, 200);
            expectStatus(softly, what, "GET /process-instance/{id}/variables", get(user, "/engine-rest/process-instance/" + id + "/variables"),
                    allowed, 200);
            expectCount(softly, what, "GET /variable-instance", get(user, "/engine-rest/variable-instance?processInstanceIdIn=" + id),
                    allowed, runtimeService.createVariableInstanceQuery().processInstanceIdIn(id).count());
            expectCount(softly, what, "GET /execution", get(user, "/engine-rest/execution?processInstanceId=" + id),
                    allowed, runtimeService.createExecutionQuery().processInstanceId(id).count());
            expectStatus(softly, what, "GET /history/process-instance/{id}", get(user, "/engine-rest/history/process-instance/" + id), allowed, 200);
            expectCount(softly, what, "GET /history/process-instance", get(user, "/engine-rest/history/process-instance?processInstanceId=" + id),
                    allowed, 1);
            expectCount(softly, what, "GET /history/task", get(user, "/engine-rest/history/task?processInstanceId=" + id),
                    allowed, historyService.createHistoricTaskInstanceQuery().processInstanceId(id).count(), false);
            expectCount(softly, what, "GET /history/variable-instance", get(user, "/engine-rest/history/variable-instance?processInstanceId=" + id),
                    allowed, historyService.createHistoricVariableInstanceQuery().processInstanceId(id).count());
            // A wethouder gate writes no variable changes (besluit.GateHistory): nothing to show there, to anyone.
            expectCount(softly, what, "GET /history/detail", get(user, "/engine-rest/history/detail?processInstanceId=" + id),
                    allowed, historyService.createHistoricDetailQuery().processInstanceId(id).count(),
                    !instance.getProcessDefinitionId().startsWith("wethouder-besluit:"));
            expectCount(softly, what, "GET /history/activity-instance", get(user, "/engine-rest/history/activity-instance?processInstanceId=" + id),
                    allowed, historyService.createHistoricActivityInstanceQuery().processInstanceId(id).count());
        }
    }

    /**
     * One task: open it, read its variables and form variables, claim it (and give it back), complete
     * it and submit its form. The attempts to complete send no input: someone allowed to complete gets
     * the form's Dutch 400 (authorization passed, the rules of the form did not), anyone else 403/404.
     * Either way nothing may change. The real completions follow in {@link #whatIsAllowedReallyWorksAndHistoryStaysWithItsMunicipality()}.
     */
    void checkTask(SoftAssertions softly, String user, String what, String taskId, boolean read, boolean work) {
        String cell = user + " × " + what;
        Map<String, Object> variablesBefore = taskService.getVariables(taskId);
        String base = "/engine-rest/task/" + taskId;
        expectStatus(softly, cell, "GET /task/{id}", get(user, base), read, 200);
        expectStatus(softly, cell, "GET /task/{id}/variables", get(user, base + "/variables"), read, 200);
        expectStatus(softly, cell, "GET /task/{id}/form-variables", get(user, base + "/form-variables"), read, 200);

        HttpResponse<String> claim = post(user, base + "/claim", "{\"userId\": \"" + user + "\"}");
        expectStatus(softly, cell, "POST /task/{id}/claim", claim, work, 204);
        if (claim.statusCode() == 204) {
            softly.assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).as(cell + ": claimed").isEqualTo(user);
            softly.assertThat(post(user, base + "/unclaim", "").statusCode()).as(cell + ": POST /task/{id}/unclaim").isEqualTo(204);
        }
        expectStatus(softly, cell, "POST /task/{id}/complete", post(user, base + "/complete", "{\"variables\": {}}"), work, 400);
        expectStatus(softly, cell, "POST /task/{id}/submit-form", post(user, base + "/submit-form", "{\"variables\": {}}"), work, 400);

        Task after = taskService.createTaskQuery().taskId(taskId).singleResult();
        softly.assertThat(after).as(cell + ": the task is still there").isNotNull();
        if (after != null) {
            softly.assertThat(after.getAssignee()).as(cell + ": nobody holds the task").isNull();
            softly.assertThat(taskService.getVariables(taskId)).as(cell + ": variables unchanged").isEqualTo(variablesBefore);
        }
    }

    @Order(2)
    @Test
    void r01NoActivityIsCarriedOutOrDecidedOverRestWithoutTheWethouderOfThatMunicipality() {
        String woudenberg = PROGRAMME + "-woudenberg";
        Task carryOut = driver.task(woudenberg, "activiteit-uitvoeren");
        Task prepare = prepareTask(woudenberg, "Gesprek");

        // Forged variables on an own task: the beleidsambtenaar prepares and sends an "akkoord" along. The
        // completion is refused as a whole (the form knows no such field); prepared properly, the
        // wethouder still has to decide and the activity stays a proposal.
        HttpResponse<String> forged = as("ambtenaar.woudenberg").post("/engine-rest/task/" + prepare.getId() + "/complete", "application/json",
                "{\"variables\": {\"voorstel\": {\"value\": \"Graag akkoord\"}, \"uitkomst\": {\"value\": \"akkoord\"},"
                        + " \"activiteitBesluit\": {\"value\": \"akkoord\"}, \"besluit\": {\"value\": \"akkoord\"}}}");
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(400);
        assertThat(forged.body()).contains("kent het veld");
        assertThat(driver.task(woudenberg, "besluit-voorbereiden").getId()).isEqualTo(prepare.getId());
        HttpResponse<String> prepared = as("ambtenaar.woudenberg").post("/engine-rest/task/" + prepare.getId() + "/complete", "application/json",
                "{\"variables\": {\"voorstel\": {\"value\": \"Graag akkoord\"}}}");
        assertThat(prepared.statusCode()).as(prepared.body()).isEqualTo(204);
        Task decision = driver.task(woudenberg, "besluit-nemen");
        assertThat(decision.getName()).isEqualTo("Besluit: Gesprek");
        assertThat(activityStatus(woudenberg, "Gesprek")).isEqualTo("VOORGESTELD");
        assertThat(driver.tasks(woudenberg, "activiteit-uitvoeren")).hasSize(1);

        // Another municipality's gated activity and its decision: refused, whoever tries and however.
        String decide = "{\"variables\": {\"uitkomst\": {\"value\": \"akkoord\"}, \"motivering\": {\"value\": \"Namens Woudenberg\"}}}";
        String result = "{\"variables\": {\"resultaat\": {\"value\": \"Gedaan\"}}}";
        for (String outsider : List.of("ambtenaar.baarn", "wethouder.baarn", "wethouder.leusden", "stuurgroep", "bosd", "projectleider")) {
            assertThat(post(outsider, "/engine-rest/task/" + carryOut.getId() + "/complete", result).statusCode()).as(outsider).isIn(403, 404);
            assertThat(post(outsider, "/engine-rest/task/" + carryOut.getId() + "/submit-form", result).statusCode()).as(outsider).isIn(403, 404);
            assertThat(post(outsider, "/engine-rest/task/" + carryOut.getId() + "/claim", "{\"userId\": \"" + outsider + "\"}").statusCode())
                    .as(outsider).isIn(403, 404);
            assertThat(post(outsider, "/engine-rest/task/" + decision.getId() + "/complete", decide).statusCode()).as(outsider).isIn(403, 404);
            assertThat(post(outsider, "/engine-rest/task/" + decision.getId() + "/submit-form", decide).statusCode()).as(outsider).isIn(403, 404);
        }
        // Within Woudenberg, only the wethouder decides: the beleidsambtenaar may not even try.
        assertThat(post("ambtenaar.woudenberg", "/engine-rest/task/" + decision.getId() + "/complete", decide).statusCode()).isIn(403, 404);

        SoftAssertions softly = new SoftAssertions();
        // Sent along with a completion, the variables that say whose case it is are refused as a whole.
        for (String identity : List.of("gemeente", "programmaId", "trajectId")) {
            HttpResponse<String> moved = post("ambtenaar.woudenberg", "/engine-rest/task/" + carryOut.getId() + "/complete",
                    "{\"variables\": {\"resultaat\": {\"value\": \"Gedaan\"}, \"" + identity + "\": {\"value\": \"inclusie-2044-2045-baarn\"}}}");
            // Refused by the form's field check (400) before the case-identity guard (403) would be reached.
            softly.assertThat(moved.statusCode()).as("complete with %s: %s", identity, moved.body()).isIn(400, 403);
        }
        HttpResponse<String> movedForm = post("ambtenaar.woudenberg", "/engine-rest/task/" + carryOut.getId() + "/submit-form",
                "{\"variables\": {\"resultaat\": {\"value\": \"Gedaan\"}, \"gemeente\": {\"value\": \"baarn\"}}}");
        softly.assertThat(movedForm.statusCode()).as("submit-form with gemeente: %s", movedForm.body()).isIn(400, 403);
        softly.assertThat(movedForm.body()).containsAnyOf("bepaalt van wie een zaak is", "kent het veld 'gemeente' niet");

        // Nobody writes the variables the rules read, not even on their own case or task.
        String instance = runtimeService.createProcessInstanceQuery().processDefinitionKey("gemeentetraject").processInstanceBusinessKey(woudenberg)
                .singleResult().getId();
        String forge = "{\"modifications\": {\"activiteitBesluit\": {\"value\": \"akkoord\"}, \"gemeente\": {\"value\": \"baarn\"}}}";
        String instanceVariables = "/engine-rest/process-instance/" + instance + "/variables";
        String carryOutTask = "/engine-rest/task/" + carryOut.getId();
        softly.assertThat(post("ambtenaar.woudenberg", instanceVariables, forge).statusCode()).as("ambtenaar: own instance variables").isEqualTo(403);
        softly.assertThat(post("wethouder.woudenberg", instanceVariables, forge).statusCode()).as("wethouder: own instance variables").isEqualTo(403);
        softly.assertThat(post("ambtenaar.woudenberg", carryOutTask + "/variables", forge).statusCode()).as("own task variables").isEqualTo(403);
        softly.assertThat(post("ambtenaar.woudenberg", carryOutTask + "/localVariables", forge).statusCode()).as("own task local variables")
                .isEqualTo(403);
        softly.assertThat(post("ambtenaar.baarn", instanceVariables, forge).statusCode()).as("another municipality's variables").isIn(403, 404);

        // The approved activity and the open decision are as they were.
        softly.assertThat(driver.tasks(woudenberg, "activiteit-uitvoeren")).as("the approved activity").extracting(Task::getId)
                .containsExactly(carryOut.getId());
        softly.assertThat(driver.tasks(woudenberg, "besluit-nemen")).as("the open decision").extracting(Task::getId)
                .containsExactly(decision.getId());
        softly.assertThat(activityStatus(woudenberg, "Voorlichting")).isEqualTo("GOEDGEKEURD");
        softly.assertThat(activityStatus(woudenberg, "Gesprek")).isEqualTo("VOORGESTELD");
        softly.assertThat(runtimeService.getVariables(instance)).as("track variables").doesNotContainKeys("activiteitBesluit")
                .containsEntry("gemeente", "woudenberg").containsEntry("programmaId", PROGRAMME).containsEntry("trajectId", woudenberg);
        softly.assertAll();
    }

    @Order(3)
    @Test
    void noTaskIsHandedToAnotherMunicipality() {
        Task carryOut = driver.task(PROGRAMME + "-woudenberg", "activiteit-uitvoeren");
        String carryOutTask = "/engine-rest/task/" + carryOut.getId();
        SoftAssertions softly = new SoftAssertions();
        // Not by assigning, delegating or "claiming" for someone of Baarn, not by adding Baarn's group.
        String toBaarn = "{\"userId\": \"ambtenaar.baarn\"}";
        softly.assertThat(post("ambtenaar.woudenberg", carryOutTask + "/assignee", toBaarn).statusCode()).as("assign to Baarn").isEqualTo(403);
        HttpResponse<String> claimForOther = post("ambtenaar.woudenberg", carryOutTask + "/claim", toBaarn);
        softly.assertThat(claimForOther.statusCode()).as("claim for Baarn: %s", claimForOther.body()).isEqualTo(403);
        softly.assertThat(claimForOther.body()).as("claim for Baarn").contains("geen kandidaat voor deze taak");
        softly.assertThat(post("ambtenaar.woudenberg", carryOutTask + "/delegate", toBaarn).statusCode()).as("delegate to Baarn").isEqualTo(403);
        softly.assertThat(post("ambtenaar.woudenberg", carryOutTask + "/identity-links", "application/json",
                "{\"groupId\": \"beleidsambtenaar-baarn\", \"type\": \"candidate\"}").statusCode()).as("add Baarn's group").isEqualTo(403);
        softly.assertThat(post("ambtenaar.woudenberg", carryOutTask + "/identity-links", "application/json",
                "{\"userId\": \"ambtenaar.baarn\", \"type\": \"candidate\"}").statusCode()).as("add Baarn's officer").isEqualTo(403);
        softly.assertThat(get("ambtenaar.baarn", carryOutTask).statusCode()).as("Baarn opens the task").isEqualTo(404);
        Task still = taskService.createTaskQuery().taskId(carryOut.getId()).singleResult();
        softly.assertThat(still.getAssignee()).as("nobody holds the activity task").isNull();
        softly.assertThat(still.getOwner()).as("nobody owns the activity task").isNull();
        // the adviser supports carrying out activities, so the adviser is a candidate beside Woudenberg's officers.
        softly.assertThat(taskService.getIdentityLinksForTask(carryOut.getId())).as("people of the activity task")
                .extracting(link -> link.getGroupId()).containsExactlyInAnyOrder("adviseur", "beleidsambtenaar-woudenberg");

        // Within the circle of a task, handing it on works: Soest's inventory goes to the adviser and back.
        String soestInventory = "/engine-rest/task/" + tasks.get("soest").get("I");
        softly.assertThat(post("ambtenaar.soest", soestInventory + "/assignee", toBaarn).statusCode()).as("Soest to Baarn").isEqualTo(403);
        softly.assertThat(post("ambtenaar.soest", soestInventory + "/assignee", "{\"userId\": \"adviseur\"}").statusCode())
                .as("Soest to adviseur").isEqualTo(204);
        softly.assertThat(post("adviseur", soestInventory + "/unclaim", "").statusCode()).as("adviseur gives it back").isEqualTo(204);
        softly.assertThat(taskService.createTaskQuery().taskId(tasks.get("soest").get("I")).singleResult().getAssignee()).isNull();
        softly.assertAll();
    }

    @Order(4)
    @Test
    void r02WhatAMunicipalityWroteIsNotReadableByAnotherMunicipalityNorRegionally() {
        // Woudenberg's inventory ("Vertrouwelijk: ...") is not consented for sharing. It lives on in the
        // history of the track and in the drafts of the wethouder's gates.
        String secret = "Vertrouwelijk: spanningen in de wijk";
        List<String> everything = List.of("/engine-rest/task", "/engine-rest/process-instance", "/engine-rest/variable-instance",
                "/engine-rest/history/process-instance", "/engine-rest/history/task", "/engine-rest/history/variable-instance?includeDeleted=true",
                "/engine-rest/history/detail", "/engine-rest/history/activity-instance", "/engine-rest/execution",
                "/engine-rest/history/process-instance?variables=voorstelConcept_like_%25Vertrouwelijk%25",
                "/engine-rest/history/task?processInstanceBusinessKey=" + PROGRAMME + "-woudenberg",
                "/engine-rest/history/detail?variableName=watSpeeltLokaal");
        for (String outsider : List.of("ambtenaar.baarn", "wethouder.baarn", "ambtenaar.leusden", "wethouder.soest", "stuurgroep", "bosd")) {
            for (String probe : everything) {
                HttpResponse<String> response = get(outsider, probe);
                assertThat(response.statusCode()).as(outsider + " " + probe).isEqualTo(200);
                assertThat(response.body()).as(outsider + " " + probe).doesNotContain("Vertrouwelijk").doesNotContain(PROGRAMME + "-woudenberg");
            }
        }
        for (String insider : List.of("ambtenaar.woudenberg", "wethouder.woudenberg", "adviseur")) {
            assertThat(get(insider, "/engine-rest/history/detail?variableName=watSpeeltLokaal").body()).as(insider).contains(secret);
            assertThat(get(insider, "/engine-rest/history/variable-instance?includeDeleted=true").body()).as(insider).contains(secret);
        }
    }

    @Order(5)
    @Test
    void throughTasklistsOwnApiTheSameHolds() {
        Http browser = Http.browser(port);
        browser.login("ambtenaar.baarn", "demo");
        browser.get("/camunda/app/tasklist/default/", "text/html");
        String engine = "/camunda/api/engine/engine/default";
        assertThat(ids(browser.get(engine + "/task"))).containsExactlyInAnyOrder(tasks.get("baarn").get("I"), tasks.get("baarn").get("D"));
        Set<String> keys = new TreeSet<>();
        json(browser.get(engine + "/process-instance")).forEach(node -> keys.add(node.get("businessKey").asText()));
        assertThat(keys).containsExactly(PROGRAMME + "-baarn");
        json(browser.get(engine + "/history/process-instance")).forEach(node ->
                assertThat(node.get("businessKey").asText()).isEqualTo(PROGRAMME + "-baarn"));
        assertThat(browser.get(engine + "/task/" + tasks.get("leusden").get("I") + "/form-variables").statusCode()).isIn(403, 404);
        // Cockpit is for the coordinators and beheer.
        assertThat(browser.get("/camunda/app/cockpit/default/", "text/html").statusCode()).isEqualTo(403);
    }

    @Order(6)
    @Test
    void whatIsAllowedReallyWorksAndHistoryStaysWithItsMunicipality() {
        String baarn = PROGRAMME + "-baarn";
        String money = runtimeService.createProcessInstanceQuery().processDefinitionKey("activiteitengeld-aanvraag")
                .processInstanceBusinessKey(baarn).singleResult().getId();
        String gate = runtimeService.createProcessInstanceQuery().superProcessInstanceId(money).singleResult().getId();

        assertThat(post("ambtenaar.baarn", "/engine-rest/task/" + tasks.get("baarn").get("I") + "/submit-form",
                "{\"variables\": {\"watSpeeltLokaal\": {\"value\": \"Eenzaamheid onder ouderen\"},"
                        + " \"mogelijkeVervolgstap\": {\"value\": \"Gesprek met de ouderenbond\"}}}").statusCode()).isEqualTo(204);
        assertThat(post("wethouder.baarn", "/engine-rest/task/" + tasks.get("baarn").get("D") + "/complete",
                "{\"variables\": {\"uitkomst\": {\"value\": \"akkoord\"}, \"motivering\": {\"value\": \"Mooi\"}}}").statusCode()).isEqualTo(204);
        assertThat(post("adviseur", "/engine-rest/task/" + tasks.get("leusden").get("I") + "/claim", "{\"userId\": \"adviseur\"}").statusCode())
                .isEqualTo(204);
        assertThat(post("adviseur", "/engine-rest/task/" + tasks.get("leusden").get("I") + "/complete",
                "{\"variables\": {\"watSpeeltLokaal\": {\"value\": \"Weinig\"}, \"mogelijkeVervolgstap\": {\"value\": \"Kennismaken\"}}}")
                .statusCode()).isEqualTo(204);
        assertThat(post("stuurgroep", "/engine-rest/task/" + tasks.get("regio").get("S") + "/complete",
                "{\"variables\": {\"verslag\": {\"value\": \"Voorbereid\"}}}").statusCode()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskIdIn(tasks.get("baarn").get("I"), tasks.get("baarn").get("D"),
                tasks.get("leusden").get("I"), tasks.get("regio").get("S")).count()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from ledger_entry where programme_id = ? and municipality_code = 'baarn'", Integer.class,
                PROGRAMME)).isEqualTo(1);

        // The money request and its gate have ended: their history stays with Baarn's tenant.
        for (String ended : List.of(money, gate)) {
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(ended).count()).isZero();
            assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(ended).singleResult().getTenantId())
                    .isEqualTo("baarn");
            for (String insider : List.of("wethouder.baarn", "ambtenaar.baarn")) {
                assertThat(get(insider, "/engine-rest/history/process-instance/" + ended).statusCode()).as(insider).isEqualTo(200);
                assertThat(ids(get(insider, "/engine-rest/history/activity-instance?processInstanceId=" + ended))).as(insider).isNotEmpty();
                assertThat(ids(get(insider, "/engine-rest/history/variable-instance?processInstanceId=" + ended))).as(insider).isNotEmpty();
            }
            for (String outsider : List.of("wethouder.leusden", "ambtenaar.leusden", "stuurgroep", "bosd")) {
                assertThat(get(outsider, "/engine-rest/history/process-instance/" + ended).statusCode()).as(outsider).isEqualTo(404);
                assertThat(ids(get(outsider, "/engine-rest/history/activity-instance?processInstanceId=" + ended))).as(outsider).isEmpty();
                assertThat(ids(get(outsider, "/engine-rest/history/variable-instance?processInstanceId=" + ended))).as(outsider).isEmpty();
            }
        }
        assertThat(ids(get("wethouder.baarn", "/engine-rest/history/task?processInstanceId=" + gate))).hasSize(2);
        assertThat(ids(get("wethouder.leusden", "/engine-rest/history/task?processInstanceId=" + gate))).isEmpty();
        // All of it without a single authorization row for a task or a case.
        for (Resources perCase : List.of(Resources.TASK, Resources.HISTORIC_TASK, Resources.PROCESS_INSTANCE, Resources.HISTORIC_PROCESS_INSTANCE)) {
            assertThat(authorizationService.createAuthorizationQuery().resourceType(perCase).list()).as(perCase.resourceName())
                    .allSatisfy(grant -> assertThat(grant.getResourceId()).isEqualTo("*"));
        }
    }

    // helpers ///////////////////////////////////////////////////////////////

    static List<String> businessKeys(String caseName) {
        return caseName.equals("regio") ? List.of(PROGRAMME, PROGRAMME + "-regio") : List.of(PROGRAMME + "-" + caseName);
    }

    Task prepareTask(String track, String title) {
        return driver.tasks(track, "besluit-voorbereiden").stream().filter(t -> t.getName().equals("Voorbereiden: " + title)).findFirst()
                .orElseThrow(() -> new AssertionError("No preparation for " + title + " in " + track));
    }

    String activityStatus(String track, String title) {
        return jdbc.queryForObject("select status from local_activity where track_id = ? and title = ?", String.class, track, title);
    }

    final Map<String, Http> clients = new LinkedHashMap<>();

    Http as(String user) {
        return clients.computeIfAbsent(user, u -> Http.basic(port, u, "demo"));
    }

    HttpResponse<String> get(String user, String path) {
        return as(user).get(path);
    }

    HttpResponse<String> post(String user, String path, String body) {
        return post(user, path, "application/json", body);
    }

    HttpResponse<String> post(String user, String path, String contentType, String body) {
        return as(user).send(as(user).request(path, "application/json").header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static void expectStatus(SoftAssertions softly, String who, String call, HttpResponse<String> response, boolean allowed, int allowedStatus) {
        if (allowed) {
            softly.assertThat(response.statusCode()).as("%s: %s should be allowed (%s)", who, call, abbreviate(response.body()))
                    .isEqualTo(allowedStatus);
        } else {
            softly.assertThat(response.statusCode()).as("%s: %s should be refused (%s)", who, call, abbreviate(response.body()))
                    .isIn(403, 404);
        }
    }

    void expectCount(SoftAssertions softly, String who, String call, HttpResponse<String> response, boolean allowed, long count) {
        expectCount(softly, who, call, response, allowed, count, true);
    }

    /** A list call answers 200 with exactly what the engine holds, or nothing; mustHaveSome keeps the check from being vacuous. */
    void expectCount(SoftAssertions softly, String who, String call, HttpResponse<String> response, boolean allowed, long count,
            boolean mustHaveSome) {
        softly.assertThat(response.statusCode()).as("%s: %s", who, call).isEqualTo(200);
        if (response.statusCode() == 200) {
            softly.assertThat((long) ids(response).size()).as("%s: %s lists", who, call).isEqualTo(allowed ? count : 0L);
        }
        if (allowed && mustHaveSome) {
            softly.assertThat(count).as("%s: %s has something to show", who, call).isPositive();
        }
    }

    JsonNode json(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ids in a JSON list answer. */
    List<String> ids(HttpResponse<String> response) {
        List<String> ids = new ArrayList<>();
        JsonNode body = json(response);
        if (body.isArray()) {
            body.forEach(node -> ids.add(node.get("id").asText()));
        } else {
            throw new AssertionError("Not a list: " + abbreviate(response.body()));
        }
        return ids;
    }

    static String abbreviate(String body) {
        return body == null || body.length() <= 160 ? body : body.substring(0, 160) + "…";
    }
}
