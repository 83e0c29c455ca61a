package nl.regioamersfoort.samenwerken.traject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.regioamersfoort.samenwerken.DemoApplicationTest;
import nl.regioamersfoort.samenwerken.Http;
import nl.regioamersfoort.samenwerken.ProcessDriver;
import nl.regioamersfoort.samenwerken.programma.NewProgramme;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A changed gemeentetraject while local tracks run on the old one. Version 2 renames the inventory
 * step, adds to the documentation and gives the plan step a new id; it is deployed with everything
 * it binds to by deployment (the wethouder-besluit gate, the DMN, the forms). Running tracks move to
 * it with a migration plan over REST (Cockpit CE has no migration screen): equal activities map
 * themselves, the renamed step is mapped explicitly. They wait at the same task (same task id), keep
 * their variables and carry on in version 2; the programme moves along, so a municipality that joins
 * afterwards starts on version 2 too.
 */
@DemoApplicationTest
class ProcessMigrationTest {

    static final String KEY = "gemeentetraject";

    @Autowired
    ProcessEngine engine;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    Programmes programmes;
    @LocalServerPort
    int port;

    final ObjectMapper json = new ObjectMapper();
    ProcessDriver driver;

    @BeforeEach
    void setUp() {
        driver = new ProcessDriver(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void runningTracksMoveToVersionTwoWaitAtTheSameTaskKeepTheirVariablesAndCarryOn() throws Exception {
        ClockUtil.setCurrentTime(ProcessDriver.at("2084-01-10T09:00:00"));
        String programme = programmes.start(new NewProgramme("Inclusie en diversiteit 2084-2085", LocalDate.of(2084, 1, 1),
                LocalDate.of(2085, 12, 31), List.of("baarn", "leusden", "soest"), null, null, null, null, null, null), "projectleider").getId();
        String baarn = programme + "-baarn";
        String leusden = programme + "-leusden";
        String soest = programme + "-soest";
        // Baarn at its inventory; Leusden about to discuss it with the wethouder; Soest writing its plan.
        driver.complete(leusden, "inventarisatie-opstellen", "ambtenaar.leusden", "watSpeeltLokaal", "Jongeren", "mogelijkeVervolgstap", "Gesprek");
        driver.complete(soest, "inventarisatie-opstellen", "ambtenaar.soest", "watSpeeltLokaal", "Ouderen", "mogelijkeVervolgstap", "Bibliotheek");
        driver.discuss(soest, "soest", "verder");
        driver.decideOn(soest, "TOESTEMMING_INVENTARISATIE", "soest", "akkoord");

        ProcessDefinition v1 = latest(KEY);
        Map<String, Map<String, Object>> variablesBefore = new LinkedHashMap<>();
        Map<String, String> tasksBefore = new LinkedHashMap<>();
        for (String track : List.of(baarn, leusden, soest)) {
            variablesBefore.put(track, runtimeService.getVariables(track(track).getId()));
        }
        tasksBefore.put(baarn, driver.task(baarn, "inventarisatie-opstellen").getId());
        tasksBefore.put(soest, driver.task(soest, "maatwerkplan-opstellen").getId());
        String leusdenTalk = driver.task(leusden, "inventarisatie-bespreken").getId();

        ProcessDefinition v2 = deployWholeSetWith(versionTwo(repositoryService.getProcessModel(v1.getId())));
        assertThat(v2.getVersion()).isEqualTo(v1.getVersion() + 1);
        // A new version alone changes nothing for running instances.
        assertThat(track(baarn).getProcessDefinitionId()).isEqualTo(v1.getId());

        // The plan as an administrator builds it over REST: generated for equal ids, plus the renamed step.
        Http beheer = Http.basic(port, "beheer", "demo");
        HttpResponse<String> generated = beheer.post("/engine-rest/migration/generate", "application/json",
                "{\"sourceProcessDefinitionId\": \"" + v1.getId() + "\", \"targetProcessDefinitionId\": \"" + v2.getId() + "\","
                        + " \"updateEventTriggers\": true}");
        assertThat(generated.statusCode()).as(generated.body()).isEqualTo(200);
        ObjectNode plan = (ObjectNode) json.readTree(generated.body());
        assertThat(sources(plan)).contains("inventarisatie-opstellen", "inventarisatie-bespreken").doesNotContain("maatwerkplan-opstellen");
        ((ArrayNode) plan.get("instructions")).addObject()
                .<ObjectNode>set("sourceActivityIds", json.createArrayNode().add("maatwerkplan-opstellen"))
                .<ObjectNode>set("targetActivityIds", json.createArrayNode().add("maatwerkplan-schrijven"))
                .put("updateEventTrigger", false);
        HttpResponse<String> validated = beheer.post("/engine-rest/migration/validate", "application/json", json.writeValueAsString(plan));
        assertThat(json.readTree(validated.body()).get("instructionReports")).as(validated.body()).isEmpty();
        ObjectNode execution = json.createObjectNode();
        execution.set("migrationPlan", plan);
        execution.putObject("processInstanceQuery").put("processDefinitionId", v1.getId());
        HttpResponse<String> migrated = beheer.post("/engine-rest/migration/execute", "application/json", json.writeValueAsString(execution));
        assertThat(migrated.statusCode()).as(migrated.body()).isEqualTo(204);

        // On version 2, at the same task, with the same variables.
        for (String track : List.of(baarn, leusden, soest)) {
            assertThat(track(track).getProcessDefinitionId()).as(track).isEqualTo(v2.getId());
            assertThat(runtimeService.getVariables(track(track).getId())).as(track).isEqualTo(variablesBefore.get(track));
        }
        assertThat(runtimeService.getActiveActivityIds(track(baarn).getId())).containsExactly("inventarisatie-opstellen");
        assertThat(runtimeService.getActiveActivityIds(track(leusden).getId())).containsExactly("inventarisatie-bespreken");
        assertThat(runtimeService.getActiveActivityIds(track(soest).getId())).containsExactly("maatwerkplan-schrijven");
        Task baarnInventory = driver.task(baarn, "inventarisatie-opstellen");
        assertThat(baarnInventory.getId()).isEqualTo(tasksBefore.get(baarn));
        assertThat(baarnInventory.getProcessDefinitionId()).isEqualTo(v2.getId());
        // Migration leaves the task itself alone (name, due date, who may do it), so nobody's task list changes.
        assertThat(baarnInventory.getName()).isEqualTo("Inventarisatie Baarn");
        assertThat(driver.task(soest, "maatwerkplan-schrijven").getId()).isEqualTo(tasksBefore.get(soest));
        // Its deadline watch is keyed by the task id, so it goes on watching the migrated task.
        assertThat(watches(baarnInventory.getId())).isOne();
        assertThat(driver.task(leusden, "inventarisatie-bespreken").getId()).isEqualTo(leusdenTalk);

        // They carry on in version 2: new steps get its names, its forms and its gate.
        driver.complete(baarnInventory, "ambtenaar.baarn", "watSpeeltLokaal", "Eenzaamheid", "mogelijkeVervolgstap", "Buurthuis");
        assertThat(watches(baarnInventory.getId())).as("the watch ends with the task").isZero();
        driver.discuss(baarn, "baarn", "verder");
        Task baarnPlan = driver.task(baarn, "maatwerkplan-schrijven");
        assertThat(baarnPlan.getName()).isEqualTo("Maatwerkplan schrijven Baarn");
        assertThat(Http.basic(port, "ambtenaar.baarn", "demo").get("/engine-rest/task/" + baarnPlan.getId() + "/deployed-form").statusCode())
                .isEqualTo(200);
        driver.discuss(leusden, "leusden", "verder");
        assertThat(driver.task(leusden, "maatwerkplan-schrijven").getProcessDefinitionId()).isEqualTo(v2.getId());
        driver.complete(soest, "maatwerkplan-schrijven", "ambtenaar.soest", "planSamenvatting", "Zichtbaar in Soest", "activiteiten", "Expositie");
        assertThat(driver.task(soest, "maatwerkplan-bespreken")).isNotNull();

        // The programme is migrated along (Java API this time), so a municipality joining now starts version 2.
        ProcessDefinition programmeV1 = definition(track(programme).getProcessDefinitionId());
        ProcessDefinition programmeV2 = latest(Programmes.PROCESS_KEY);
        MigrationPlan programmePlan = runtimeService.createMigrationPlan(programmeV1.getId(), programmeV2.getId())
                .mapEqualActivities().updateEventTriggers().build();
        runtimeService.newMigration(programmePlan).processInstanceIds(track(programme).getId()).execute();
        HttpResponse<String> joined = Http.basic(port, "projectleider", "demo").post("/api/programmas/" + programme + "/gemeenten",
                "application/json", "{\"gemeente\": \"eemnes\", \"datum\": \"2084-01-10\"}");
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(202);
        assertThat(track(programme + "-eemnes").getProcessDefinitionId()).isEqualTo(v2.getId());
        assertThat(driver.task(programme + "-eemnes", "inventarisatie-opstellen").getName()).isEqualTo("Inventarisatie en vervolgstap Eemnes");
    }

    @Test
    void aChangedModelDeployedOnItsOwnLosesWhatItBindsByDeployment() throws Exception {
        // What an auto-deployment with deploy-changed-only: true would do with one edited file (why application.yaml
        // sets it to false): a deployment of that file
        // alone. Its forms, DMN and called gate are bound "by deployment" and are not in it.
        ClockUtil.setCurrentTime(ProcessDriver.at("2086-01-10T09:00:00"));
        String programme = programmes.start(new NewProgramme("Inclusie en diversiteit 2086-2087", LocalDate.of(2086, 1, 1),
                LocalDate.of(2087, 12, 31), List.of("baarn"), null, null, null, null, null, null), "projectleider").getId();
        BpmnModelInstance v2 = versionTwo(getClass().getResourceAsStream("/processes/gemeentetraject.bpmn"));
        repositoryService.createDeployment().name("Alleen gemeentetraject").addModelInstance("processes/gemeentetraject.bpmn", v2).deploy();
        ProcessDefinition alone = latest(KEY);

        // Baarn's track started again on that version (its case file stays: same business key).
        runtimeService.deleteProcessInstance(track(programme + "-baarn").getId(), "Opnieuw gestart op versie 2");
        runtimeService.startProcessInstanceById(alone.getId(), programme + "-baarn",
                new HashMap<>(Map.of("programmaId", programme, "gemeente", "baarn")));
        Task inventory = driver.task(programme + "-baarn", "inventarisatie-opstellen");
        assertThat(Http.basic(port, "ambtenaar.baarn", "demo").get("/engine-rest/task/" + inventory.getId() + "/deployed-form").statusCode())
                .as("the inventory form is not in the new deployment").isNotEqualTo(200);
        driver.complete(inventory, "ambtenaar.baarn", "watSpeeltLokaal", "x", "mogelijkeVervolgstap", "y");
        assertThatThrownBy(() -> driver.discuss(programme + "-baarn", "baarn", "stoppen"))
                .as("the wethouder's gate is not in the new deployment").hasMessageContaining("wethouder-besluit");
    }

    /**
     * Version 2 with the model API, from version 1's XML (a fresh copy: the engine's cached model
     * instance must not change): what a modeller might change.
     */
    static BpmnModelInstance versionTwo(java.io.InputStream v1) {
        BpmnModelInstance model = Bpmn.readModelFromStream(v1);
        Process process = model.getModelElementById(KEY);
        process.setCamundaVersionTag("2");
        Documentation documentation = process.getDocumentations().iterator().next();
        documentation.setTextContent(documentation.getTextContent() + " Versie 2: de inventarisatie noemt ook de vervolgstap.");
        UserTask inventory = model.getModelElementById("inventarisatie-opstellen");
        inventory.setName("Inventarisatie en vervolgstap ${gemeenteNaam}");
        UserTask plan = model.getModelElementById("maatwerkplan-opstellen");
        plan.setId("maatwerkplan-schrijven");
        plan.setName("Maatwerkplan schrijven ${gemeenteNaam}");
        Bpmn.validateModel(model);
        return model;
    }

    /**
     * Version 2 deployed as one deployment with every model and form, gemeentetraject replaced: what a
     * release should put out, so "deployment" bindings find the gate, the DMN and the forms.
     */
    ProcessDefinition deployWholeSetWith(BpmnModelInstance gemeentetraject) throws IOException {
        DeploymentBuilder deployment = repositoryService.createDeployment().name("Samenwerken, gemeentetraject versie 2");
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (String pattern : List.of("classpath*:processes/*.bpmn", "classpath*:processes/*.dmn", "classpath*:forms/*.form")) {
            for (Resource resource : resolver.getResources(pattern)) {
                String folder = pattern.contains("forms") ? "forms/" : "processes/";
                String name = folder + resource.getFilename();
                byte[] content = name.equals("processes/gemeentetraject.bpmn")
                        ? Bpmn.convertToString(gemeentetraject).getBytes(StandardCharsets.UTF_8)
                        : resource.getContentAsByteArray();
                deployment.addInputStream(name, new ByteArrayInputStream(content));
            }
        }
        deployment.deploy();
        ProcessDefinition v2 = latest(KEY);
        assertThat(repositoryService.createProcessDefinitionQuery().deploymentId(v2.getDeploymentId()).processDefinitionKey("wethouder-besluit")
                .count()).isOne();
        return v2;
    }

    ProcessInstance track(String businessKey) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                .processDefinitionKeyIn(KEY, Programmes.PROCESS_KEY).singleResult();
    }

    long watches(String taskId) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("taakbewaking").processInstanceBusinessKey(taskId).count();
    }

    ProcessDefinition latest(String key) {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
    }

    ProcessDefinition definition(String definitionId) {
        return repositoryService.createProcessDefinitionQuery().processDefinitionId(definitionId).singleResult();
    }

    static List<String> sources(JsonNode plan) {
        List<String> ids = new java.util.ArrayList<>();
        plan.get("instructions").forEach(instruction -> instruction.get("sourceActivityIds").forEach(id -> ids.add(id.asText())));
        return ids;
    }
}
