package nl.regioamersfoort.samenwerken.programma;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.regioamersfoort.samenwerken.DemoApplicationTest;
import nl.regioamersfoort.samenwerken.Http;
import nl.regioamersfoort.samenwerken.ProcessDriver;
import nl.regioamersfoort.samenwerken.besluit.Decisions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A change of portefeuillehouder over real HTTP: it only re-routes Baarn's open wethouder tasks and
 * pending consent requests to a person beheer already made wethouder of Baarn (and nothing else),
 * changes no group membership, and is in the audit trail. Every refusal changes nothing.
 */
@DemoApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortfolioHandOverTest {

    private static final String SUCCESSOR = "opvolger.baarn";
    private static final String TWO_HATS = "tweepetten.baarn";
    private static final String TWO_TOWNS = "tweegemeenten.baarn";

    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    ProcessEngine engine;
    @Autowired
    Programmes programmes;
    @Autowired
    IdentityService identityService;
    @Autowired
    TaskService taskService;
    @Autowired
    Decisions decisions;
    @LocalServerPort
    int port;

    ProcessDriver driver;
    String programme;
    /** A second programme of the same years: its id starts with the first one's, its tasks must stay put. */
    String twin;

    @BeforeAll
    void baarnAwaitsTwoWethouderDecisionsAndLeusdenOne() {
        driver = new ProcessDriver(engine);
        ClockUtil.setCurrentTime(ProcessDriver.at("2070-01-10T09:00:00"));
        programme = start();
        twin = start();
        assertThat(twin).startsWith(programme);
        for (String id : List.of(programme, twin)) {
            String baarn = id + "-baarn";
            // Inventory and plan discussed, the plan adopted; the consent to share the plan is put to the wethouder.
            driver.complete(baarn, "inventarisatie-opstellen", "ambtenaar.baarn", "watSpeeltLokaal", "Situatie", "mogelijkeVervolgstap", "Stap");
            driver.discuss(baarn, "baarn", "verder");
            driver.complete(baarn, "maatwerkplan-opstellen", "ambtenaar.baarn", "planSamenvatting", "Plan", "activiteiten", "Voorlichting");
            driver.discussAndAdoptPlan(baarn, "baarn");
            driver.complete(driver.gateTask(baarn, "TOESTEMMING_MAATWERKPLAN", "besluit-voorbereiden"), "ambtenaar.baarn", "voorstel",
                    "Het plan regionaal delen");
            // Leusden's question whether to leave waits for its own wethouder.
            String leusden = id + "-leusden";
            driver.complete(leusden, "inventarisatie-opstellen", "ambtenaar.leusden", "watSpeeltLokaal", "Situatie", "mogelijkeVervolgstap", "Stap");
            driver.discuss(leusden, "leusden", "stoppen");
            driver.complete(leusden, "besluit-voorbereiden", "ambtenaar.leusden", "voorstel", "Graag een besluit");
        }
        // The sitting wethouder had claimed the consent request already.
        taskService.claim(driver.task(programme + "-baarn", "besluit-nemen").getId(), "wethouder.baarn");
        // An activity-money request of Baarn also waits for the wethouder's decision.
        HttpResponse<String> money = Http.basic(port, "ambtenaar.baarn", "demo").post("/api/programmas/" + programme + "/activiteitengeld",
                "application/json", """
                        {"gemeente": "baarn", "activiteit": "Voorlichting", "bedrag": "100", "doelgroepen": ["LHBTI"],
                         "zichtbaarheid": "In de krant"}""");
        assertThat(money.statusCode()).as(money.body()).isEqualTo(201);
        driver.complete(driver.gateTask(programme + "-baarn", "ACTIVITEITENGELD", "besluit-voorbereiden"), "ambtenaar.baarn", "voorstel",
                "Graag akkoord");
        assertThat(wethouderTasks(programme + "-baarn")).hasSize(2);

        // People beheer made in Admin: the successor only in wethouder-baarn; two who hold another role as well.
        person(SUCCESSOR, "wethouder-baarn");
        person(TWO_HATS, "wethouder-baarn", "beleidsambtenaar-baarn");
        person(TWO_TOWNS, "wethouder-baarn", "wethouder-leusden");
    }

    @AfterAll
    void cleanUp() {
        ClockUtil.reset();
        for (String id : List.of(SUCCESSOR, TWO_HATS, TWO_TOWNS)) {
            identityService.deleteUser(id);
        }
    }

    private String start() {
        return programmes.start(new NewProgramme("Inclusie en diversiteit 2070-2071", LocalDate.of(2070, 1, 1), LocalDate.of(2071, 12, 31),
                List.of("baarn", "leusden"), null, null, null, null, null, null), "projectleider").getId();
    }

    private void person(String id, String... groups) {
        User user = identityService.newUser(id);
        user.setFirstName("Nieuw");
        user.setLastName("Persoon");
        user.setEmail(id + "@example.org");
        user.setPassword("demo");
        identityService.saveUser(user);
        for (String group : groups) {
            identityService.createMembership(id, group);
        }
    }

    private List<Task> wethouderTasks(String trackKey) {
        String code = trackKey.substring(trackKey.lastIndexOf('-') + 1);
        return taskService.createTaskQuery().processInstanceBusinessKey(trackKey).taskCandidateGroup("wethouder-" + code)
                .includeAssignedTasks().list();
    }

    /** Every open task of both programmes with its assignee: what a refusal must leave exactly as it was. */
    private Map<String, String> assignees() {
        Map<String, String> assignees = new TreeMap<>();
        for (String id : List.of(programme, twin)) {
            for (String code : List.of("baarn", "leusden")) {
                taskService.createTaskQuery().processInstanceBusinessKey(id + "-" + code).list()
                        .forEach(t -> assignees.put(t.getId(), String.valueOf(t.getAssignee())));
            }
        }
        return assignees;
    }

    private Map<String, List<String>> memberships() {
        Map<String, List<String>> memberships = new TreeMap<>();
        for (String user : List.of("wethouder.baarn", "wethouder.leusden", "ambtenaar.baarn", "projectleider", "beheer", SUCCESSOR, TWO_HATS,
                TWO_TOWNS)) {
            memberships.put(user, identityService.createGroupQuery().groupMember(user).orderByGroupId().asc().list().stream()
                    .map(Group::getId).toList());
        }
        return memberships;
    }

    private HttpResponse<String> handOver(String caller, String body) {
        return Http.basic(port, caller, "demo").post("/api/programmas/" + programme + "/portefeuillehouderwissel", "application/json", body);
    }

    private JsonNode trail(String caller) throws Exception {
        HttpResponse<String> response = Http.basic(port, caller, "demo").get("/api/programmas/" + programme + "/portefeuillehouderwissel");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private void assertRefusedAndNothingChanged(String caller, String newWethouder, int status, String... inMelding) throws Exception {
        Map<String, String> before = assignees();
        Map<String, List<String>> membershipsBefore = memberships();
        int trailBefore = trail("projectleider").size();

        HttpResponse<String> response = handOver(caller, "{\"gemeente\": \"baarn\", \"wethouder\": \"" + newWethouder + "\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(json.readTree(response.body()).get("melding").asText()).contains(inMelding);
        assertThat(assignees()).isEqualTo(before);
        assertThat(memberships()).isEqualTo(membershipsBefore);
        assertThat(trail("projectleider")).hasSize(trailBefore);
    }

    @Test
    void theProjectleiderCannotMakeThemselvesWethouder() throws Exception {
        assertRefusedAndNothingChanged("projectleider", "projectleider", 403, "uzelf");
        assertRefusedAndNothingChanged("beheer", "beheer", 403, "uzelf");
    }

    @Test
    void aBeleidsambtenaarOrAnotherMunicipalitysWethouderIsNoWethouderOfBaarn() throws Exception {
        assertRefusedAndNothingChanged("projectleider", "ambtenaar.baarn", 409, "ambtenaar.baarn", "wethouder-baarn", "Beheer zet");
        assertRefusedAndNothingChanged("projectleider", "wethouder.leusden", 409, "wethouder.leusden", "wethouder-baarn");
    }

    @Test
    void aWethouderWhoAlsoHoldsAnotherRoleOrMunicipalityIsRefused() throws Exception {
        assertRefusedAndNothingChanged("projectleider", TWO_HATS, 409, TWO_HATS, "beleidsambtenaar-baarn");
        assertRefusedAndNothingChanged("projectleider", TWO_TOWNS, 409, TWO_TOWNS, "wethouder-leusden");
    }

    @Test
    void onlyTheProjectleiderAndBeheerHandOver() throws Exception {
        assertRefusedAndNothingChanged("ambtenaar.baarn", SUCCESSOR, 403, "geen toegang");
        assertRefusedAndNothingChanged("wethouder.baarn", SUCCESSOR, 403, "geen toegang");
        assertThat(Http.basic(port, "ambtenaar.baarn", "demo").get("/api/programmas/" + programme + "/portefeuillehouderwissel").statusCode())
                .isEqualTo(403);
    }

    @Test
    void aMunicipalityOutsideTheProgrammeOrAnUnknownPersonIsRefused() throws Exception {
        Map<String, String> before = assignees();
        HttpResponse<String> soest = handOver("projectleider", "{\"gemeente\": \"soest\", \"wethouder\": \"wethouder.soest\"}");
        assertThat(soest.statusCode()).as(soest.body()).isEqualTo(400);
        assertThat(json.readTree(soest.body()).get("melding").asText()).contains("Soest", "doet niet mee");
        assertRefusedAndNothingChanged("projectleider", "niemand.baarn", 400, "Onbekende gebruiker");
        assertThat(assignees()).isEqualTo(before);
    }

    @Test
    void theNewWethouderGetsBaarnsOpenDecisionsAndNothingElseChanges() throws Exception {
        String baarn = programme + "-baarn";
        Map<String, String> others = assignees();
        List<String> baarnTasks = wethouderTasks(baarn).stream().map(Task::getId).toList();
        baarnTasks.forEach(others::remove);
        Map<String, List<String>> membershipsBefore = memberships();

        HttpResponse<String> response = handOver("projectleider",
                "{\"gemeente\": \"baarn\", \"wethouder\": \"" + SUCCESSOR + "\", \"vorigeWethouder\": \"wethouder.baarn\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        // Both open decisions of Baarn (the consent request and the money) are the successor's now, also the claimed one.
        assertThat(wethouderTasks(baarn)).extracting(Task::getId).containsExactlyInAnyOrderElementsOf(baarnTasks);
        assertThat(wethouderTasks(baarn)).extracting(Task::getAssignee).containsOnly(SUCCESSOR);
        assertThat(wethouderTasks(baarn)).allSatisfy(task -> assertThat(taskService.getTaskComments(task.getId()))
                .anySatisfy(c -> assertThat(c.getFullMessage()).contains("Opnieuw voorgelegd aan " + SUCCESSOR)));
        // Leusden's tasks, the twin programme's and Baarn's other tasks are untouched; nobody joined or left a group.
        Map<String, String> after = assignees();
        baarnTasks.forEach(after::remove);
        assertThat(after).isEqualTo(others);
        assertThat(memberships()).isEqualTo(membershipsBefore);
        assertThat(membershipsBefore.get("wethouder.baarn")).containsExactly("wethouder-baarn");

        // The audit trail says who asked, when, for which municipality, from whom to whom.
        JsonNode entry = last(trail("beheer"));
        assertThat(entry.get("gemeente").asText()).isEqualTo("baarn");
        assertThat(entry.get("gevraagdDoor").asText()).isEqualTo("projectleider");
        assertThat(entry.get("vorigeWethouder").asText()).isEqualTo("wethouder.baarn");
        assertThat(entry.get("nieuweWethouder").asText()).isEqualTo(SUCCESSOR);
        assertThat(entry.get("overgedragenTaken").asInt()).isEqualTo(2);
        assertThat(LocalDate.parse(entry.get("gevraagdOp").asText().substring(0, 10))).isEqualTo(LocalDate.of(2070, 1, 10));

        // The successor decides the consent request.
        Task consent = wethouderTasks(baarn).stream().filter(t -> t.getName().toLowerCase().contains("delen")).findFirst().orElseThrow();
        // Over REST, as the successor logs in: Baarn's tenant comes with the group beheer put them in.
        Http successor = Http.basic(port, SUCCESSOR, "demo");
        assertThat(successor.get("/engine-rest/task?processInstanceBusinessKey=" + baarn).body()).contains(consent.getId());
        HttpResponse<String> decided = successor.post("/engine-rest/task/" + consent.getId() + "/complete", "application/json",
                "{\"variables\": {\"uitkomst\": {\"value\": \"akkoord\"}, \"motivering\": {\"value\": \"Akkoord om te delen\"}}}");
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(204);
        assertThat(decisions.trail(programme, "baarn")).anySatisfy(d -> assertThat(d.getDecidedBy()).isEqualTo(SUCCESSOR));

        // Beheer hands Baarn back; the trail knows who held it before.
        HttpResponse<String> back = handOver("beheer", "{\"gemeente\": \"baarn\", \"wethouder\": \"wethouder.baarn\"}");
        assertThat(back.statusCode()).as(back.body()).isEqualTo(202);
        assertThat(wethouderTasks(baarn)).extracting(Task::getAssignee).containsOnly("wethouder.baarn");
        JsonNode second = last(trail("projectleider"));
        assertThat(second.get("gevraagdDoor").asText()).isEqualTo("beheer");
        assertThat(second.get("vorigeWethouder").asText()).isEqualTo(SUCCESSOR);
        assertThat(second.get("nieuweWethouder").asText()).isEqualTo("wethouder.baarn");
    }

    private static JsonNode last(JsonNode array) {
        assertThat(array.isArray() && array.size() > 0).as(array.toString()).isTrue();
        return array.get(array.size() - 1);
    }
}
