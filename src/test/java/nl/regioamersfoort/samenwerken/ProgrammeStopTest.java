package nl.regioamersfoort.samenwerken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.regioamersfoort.samenwerken.programma.ProgrammeStatus;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.instance.Escalation;
import org.camunda.bpm.model.bpmn.instance.EscalationEventDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Stopping a programme is the BOSD's choice after the elections, or beheer's: never something a
 * task of a local track can set off. A stop ends the programme, every local track (with its open
 * wethouder gates) and the regional track, records GESTOPT with the reason, and tells every open
 * task why it closes; it touches nothing of another programme, not even one whose id starts with
 * the same characters.
 */
@DemoApplicationTest
class ProgrammeStopTest {

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
    RepositoryService repositoryService;
    @LocalServerPort
    int port;

    ProcessDriver driver;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        driver = new ProcessDriver(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    String start(int year, LocalDate feedback, String... municipalities) {
        return ProcessDriver.startProgramme(programmes, year, feedback, municipalities);
    }

    ProcessInstance instance(String definitionKey, String businessKey) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(definitionKey).processInstanceBusinessKey(businessKey)
                .singleResult();
    }

    /** Every process instance of the programme still running: the programme, its tracks and their wethouder gates. */
    long running(String programme, String... municipalities) {
        List<String> keys = new ArrayList<>(List.of(programme, programme + "-regio"));
        for (String code : municipalities) {
            keys.add(programme + "-" + code);
        }
        return keys.stream().mapToLong(key -> runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).sum();
    }

    /** Name, description and comments of every open task under these business keys, to see that nothing changed. */
    Map<String, String> snapshot(String... businessKeys) {
        Map<String, String> tasks = new LinkedHashMap<>();
        for (String key : businessKeys) {
            for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(key).orderByTaskId().asc().list()) {
                tasks.put(task.getId(), task.getName() + " | " + task.getDescription() + " | "
                        + taskService.getTaskComments(task.getId()).stream().map(Comment::getFullMessage).toList());
            }
        }
        return tasks;
    }

    void assertClosedWith(Task task, String reason) {
        assertThat(taskService.getTaskComments(task.getId())).as("comments on '%s'", task.getName()).anySatisfy(comment ->
                assertThat(comment.getFullMessage()).startsWith("Gesloten: ").contains(reason));
        assertThat(historyService.createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult().getEndTime())
                .as("'%s' is closed", task.getName()).isNotNull();
    }

    JsonNode get(String user, String path) throws Exception {
        HttpResponse<String> response = Http.basic(port, user, "demo").get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    HttpResponse<String> stop(String user, String programme, String body) {
        return Http.basic(port, user, "demo").post("/api/programmas/" + programme + "/stoppen", "application/json", body);
    }

    @Test
    void theBosdChoosesToStopAndTheProgrammeEveryTrackAndTheRegionalTrackEnd() throws Exception {
        String programme = start(2064, LocalDate.of(2064, 6, 30), "baarn", "soest", "amersfoort");
        // Baarn waits at its wethouder's decision whether to leave (an instance two call levels below the programme), Soest at its inventory.
        driver.complete(programme + "-baarn", "inventarisatie-opstellen", "ambtenaar.baarn", "watSpeeltLokaal", "Situatie",
                "mogelijkeVervolgstap", "Stap");
        driver.discuss(programme + "-baarn", "baarn", "stoppen");
        driver.travelTo("2064-06-30T10:00:00");
        Task baarnGate = driver.task(programme + "-baarn", "besluit-voorbereiden");
        Task soestInventory = driver.task(programme + "-soest", "inventarisatie-opstellen");
        Task regionalOverview = driver.task(programme + "-regio", "overzicht-onderwerpen-opstellen");
        assertThat(running(programme, "baarn", "soest")).isEqualTo(5);

        driver.complete(programme, "terugkoppeling-voorbereiden", "stuurgroep", "advies", "Stoppen");
        driver.complete(programme, "koers-kiezen", "bosd", "koers", "stoppen", "toelichting", "Geen draagvlak meer");

        assertThat(running(programme, "baarn", "soest")).isZero();
        assertThat(programmes.get(programme).getStatus()).isEqualTo(ProgrammeStatus.GESTOPT);
        assertThat(programmes.get(programme).getStatusReason()).isEqualTo("Programma gestopt na de terugkoppeling: Geen draagvlak meer");
        for (Task task : List.of(baarnGate, soestInventory, regionalOverview)) {
            assertClosedWith(task, "Geen draagvlak meer");
        }
        JsonNode shown = get("projectleider", "/api/programmas/" + programme);
        assertThat(shown.get("status").asText()).isEqualTo("GESTOPT");
        assertThat(shown.get("toelichting").asText()).contains("Geen draagvlak meer");
    }

    @Test
    void beheerStopsARunningProgrammeOverHttpWithAReason() throws Exception {
        String programme = start(2066, null, "leusden", "woudenberg");
        driver.complete(programme + "-leusden", "inventarisatie-opstellen", "ambtenaar.leusden", "watSpeeltLokaal", "Situatie",
                "mogelijkeVervolgstap", "Stap");
        driver.discuss(programme + "-leusden", "leusden", "stoppen");
        Task leusdenGate = driver.task(programme + "-leusden", "besluit-voorbereiden");
        Task woudenbergInventory = driver.task(programme + "-woudenberg", "inventarisatie-opstellen");
        Task regionalOverview = driver.task(programme + "-regio", "overzicht-onderwerpen-opstellen");

        // Without a reason: refused in Dutch, nothing stops.
        HttpResponse<String> noReason = stop("beheer", programme, "{\"reden\": \"  \"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(json.readTree(noReason.body()).get("melding").asText()).isEqualTo("Geef de reden om het programma te stoppen.");
        assertThat(running(programme, "leusden", "woudenberg")).isEqualTo(5);
        assertThat(programmes.get(programme).getStatus()).isEqualTo(ProgrammeStatus.LOPEND);

        HttpResponse<String> stopped = stop("beheer", programme, "{\"reden\": \"Subsidie van OCW ingetrokken\"}");
        assertThat(stopped.statusCode()).as(stopped.body()).isEqualTo(200);
        assertThat(json.readTree(stopped.body()).get("status").asText()).isEqualTo("GESTOPT");

        assertThat(running(programme, "leusden", "woudenberg")).isZero();
        JsonNode shown = get("projectleider", "/api/programmas/" + programme);
        assertThat(shown.get("status").asText()).isEqualTo("GESTOPT");
        assertThat(shown.get("toelichting").asText()).isEqualTo("Programma gestopt door beheer (beheer): Subsidie van OCW ingetrokken");
        for (Task task : List.of(leusdenGate, woudenbergInventory, regionalOverview)) {
            assertClosedWith(task, "Subsidie van OCW ingetrokken");
        }

        // A programme that no longer runs cannot be stopped again; its reason stays.
        HttpResponse<String> again = stop("beheer", programme, "{\"reden\": \"Nog een keer\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json.readTree(again.body()).get("melding").asText()).isEqualTo("Het programma loopt niet (meer).");
        assertThat(programmes.get(programme).getStatusReason()).contains("Subsidie van OCW ingetrokken");
    }

    @Test
    void nobodyButBeheerStopsAProgrammeOverHttp() throws Exception {
        String programme = start(2068, null, "bunschoten");
        Map<String, String> before = snapshot(programme, programme + "-bunschoten", programme + "-regio");

        for (String user : List.of("projectleider", "adviseur", "ambtenaar.bunschoten", "wethouder.bunschoten", "bosd", "stuurgroep")) {
            HttpResponse<String> refused = stop(user, programme, "{\"reden\": \"Zelf gestopt\"}");
            assertThat(refused.statusCode()).as(user).isEqualTo(403);
            assertThat(json.readTree(refused.body()).get("melding").asText()).as(user).contains("geen toegang");
        }

        assertThat(programmes.get(programme).getStatus()).isEqualTo(ProgrammeStatus.LOPEND);
        assertThat(running(programme, "bunschoten")).isEqualTo(3);
        assertThat(snapshot(programme, programme + "-bunschoten", programme + "-regio")).isEqualTo(before);
    }

    @Test
    void aStopMessageThatBeheerSendsThroughTheEngineIsRecordedToo() throws Exception {
        String programme = start(2078, null, "eemnes");
        String instanceId = instance("programma-inclusie-diversiteit", programme).getId();

        HttpResponse<String> sent = Http.basic(port, "beheer", "demo").post("/engine-rest/message", "application/json",
                "{\"messageName\": \"ProgrammaStoppen\", \"processInstanceId\": \"" + instanceId + "\"}");
        assertThat(sent.statusCode()).as(sent.body()).isIn(200, 204);

        assertThat(running(programme, "eemnes")).isZero();
        JsonNode shown = get("projectleider", "/api/programmas/" + programme);
        assertThat(shown.get("status").asText()).isEqualTo("GESTOPT");
        assertThat(shown.get("toelichting").asText()).isEqualTo("Programma gestopt via de engine door beheer.");
    }

    @Test
    void anEscalationThrownFromATrackNoLongerReachesTheProgramme() {
        String programme = start(2070, null, "baarn", "soest");
        Task baarnInventory = driver.task(programme + "-baarn", "inventarisatie-opstellen");
        Map<String, String> before = snapshot(programme, programme + "-soest", programme + "-regio");

        // As server code, without any authentication: no guard in the way, only the models. Nothing catches the
        // escalation any more, so the engine refuses it and the task stays open; the programme runs on untouched.
        assertThatThrownBy(() -> taskService.handleEscalation(baarnInventory.getId(), "programma-stoppen"))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("no escalation handler was defined");

        assertThat(taskService.createTaskQuery().taskId(baarnInventory.getId()).count()).isEqualTo(1);
        assertThat(programmes.get(programme).getStatus()).isEqualTo(ProgrammeStatus.LOPEND);
        assertThat(instance("programma-inclusie-diversiteit", programme)).isWaitingAt("gemeentetrajecten", "regionaal-spoor-uitvoeren");
        assertThat(instance("gemeentetraject", programme + "-baarn")).isWaitingAt("inventarisatie-opstellen");
        assertThat(instance("gemeentetraject", programme + "-soest")).isWaitingAt("inventarisatie-opstellen");
        assertThat(instance("regionaal-spoor", programme + "-regio")).isNotNull();
        assertThat(snapshot(programme, programme + "-soest", programme + "-regio")).isEqualTo(before);
        assertThat(taskService.getTaskComments(baarnInventory.getId())).isEmpty();

        // And no deployed model knows an escalation of that name any more.
        for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
            var model = repositoryService.getBpmnModelInstance(definition.getId());
            assertThat(model.getModelElementsByType(Escalation.class)).as(definition.getKey())
                    .noneSatisfy(escalation -> assertThat(escalation.getEscalationCode()).isEqualTo("programma-stoppen"));
            assertThat(model.getModelElementsByType(EscalationEventDefinition.class)).as(definition.getKey()).allSatisfy(event -> {
                assertThat(event.getEscalation()).as("an escalation event without a code catches every escalation").isNotNull();
                assertThat(event.getEscalation().getEscalationCode()).isNotEqualTo("programma-stoppen");
            });
        }
    }

    @Test
    void stoppingAProgrammeLeavesAProgrammeWhoseIdStartsWithTheSameCharactersAlone() {
        String first = start(2076, LocalDate.of(2076, 6, 30), "baarn", "soest");
        String second = start(2076, LocalDate.of(2076, 6, 30), "baarn", "soest");
        assertThat(second).as("the second period of the same years gets the id of the first plus a number").startsWith(first + "-");
        driver.travelTo("2076-06-30T10:00:00");
        String[] secondKeys = {second, second + "-baarn", second + "-soest", second + "-regio"};
        Map<String, String> before = snapshot(secondKeys);
        assertThat(before).hasSize(4);

        driver.complete(first, "terugkoppeling-voorbereiden", "stuurgroep", "advies", "Stoppen");
        driver.complete(first, "koers-kiezen", "bosd", "koers", "stoppen", "toelichting", "Alleen het eerste programma");

        assertThat(running(first, "baarn", "soest")).isZero();
        assertThat(programmes.get(second).getStatus()).isEqualTo(ProgrammeStatus.LOPEND);
        assertThat(running(second, "baarn", "soest")).isEqualTo(4);
        assertThat(snapshot(secondKeys)).isEqualTo(before);
    }
}
