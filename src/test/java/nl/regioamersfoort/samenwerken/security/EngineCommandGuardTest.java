package nl.regioamersfoort.samenwerken.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import nl.regioamersfoort.samenwerken.DemoApplicationTest;
import nl.regioamersfoort.samenwerken.Http;
import nl.regioamersfoort.samenwerken.ProcessDriver;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "Nobody moves a case past a gate through the engine's own API." Every command a participant with
 * a Tasklist login could send to get past a gate is sent, first by a person who may work the task it
 * aims at and then by every other person who is not an administrator, over {@code /engine-rest}
 * with HTTP Basic and over the webapps' {@code /camunda/api/engine}
 * with a logged-in session and its XSRF token: each is refused with 403 and a Dutch message, and
 * nothing in the engine's or our tables changes. The same commands through the Java API with the
 * person's authentication (no URL in between) are refused by the engine itself, so a door that a new
 * endpoint or Camunda version opens is shut too. Administrators keep every command.
 */
@DemoApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EngineCommandGuardTest {

    static final String PROGRAMME = "inclusie-2046-2047";
    static final String BAARN = PROGRAMME + "-baarn";
    static final String LEUSDEN = PROGRAMME + "-leusden";

    /** What a refused call leaves untouched: the whole runtime, the identity and every table of ours. */
    static final List<String> TABLES = List.of("ACT_RU_EXECUTION", "ACT_RU_TASK", "ACT_RU_IDENTITYLINK", "ACT_RU_VARIABLE",
            "ACT_RU_JOB", "ACT_RU_JOBDEF", "ACT_RU_EVENT_SUBSCR", "ACT_RU_EXT_TASK", "ACT_RU_BATCH", "ACT_RU_INCIDENT",
            "ACT_RU_AUTHORIZATION", "ACT_RU_FILTER", "ACT_ID_USER", "ACT_ID_MEMBERSHIP", "ACT_ID_INFO", "ACT_HI_COMMENT",
            "ACT_HI_ATTACHMENT", "ACT_RE_DEPLOYMENT", "programme", "programme_participant", "local_track", "local_activity",
            "decision", "consent", "activity_money_request", "ledger_entry", "regional_document", "regional_agenda_item",
            "mail_message");

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;

    ProcessDriver driver;
    final Map<String, String> ids = new HashMap<>();
    final Map<String, Http> sessions = new HashMap<>();
    final Map<String, String> xsrfTokens = new HashMap<>();

    @BeforeAll
    void aProgrammeWithOpenGates() {
        driver = new ProcessDriver(engine);
        ClockUtil.setCurrentTime(ProcessDriver.at("2046-01-12T09:00:00"));
        HttpResponse<String> started = Http.basic(port, "projectleider", "demo").post(
                "/engine-rest/process-definition/key/programma-inclusie-diversiteit/submit-form", "application/json",
                "{\"variables\": {\"naam\": {\"value\": \"Inclusie en diversiteit 2046-2047\"},"
                        + "\"start\": {\"value\": \"2046-01-01\"}, \"einde\": {\"value\": \"2047-12-31\"},"
                        + "\"gemeenten\": {\"value\": \"[\\\"baarn\\\",\\\"leusden\\\",\\\"amersfoort\\\"]\", \"type\": \"Json\"}}}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        HttpResponse<String> asked = Http.basic(port, "ambtenaar.baarn", "demo").post("/api/programmas/" + PROGRAMME + "/activiteitengeld",
                "application/json", "{\"gemeente\": \"baarn\", \"activiteit\": \"Voorlichting op scholen\", \"bedrag\": \"750\","
                        + " \"doelgroepen\": [\"LHBTI\"], \"zichtbaarheid\": \"Zichtbaar in de lokale krant\"}");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);

        Task inventory = driver.task(BAARN, "inventarisatie-opstellen");
        Task prepare = driver.task(BAARN, "besluit-voorbereiden");
        Task leusden = driver.task(LEUSDEN, "inventarisatie-opstellen");
        // The adviser claimed Leusden's inventory: it is theirs now, not the beleidsambtenaar's.
        engine.getTaskService().claim(leusden.getId(), "adviseur");
        ids.put("inventory", inventory.getId());
        ids.put("prepare", prepare.getId());
        ids.put("leusdenInventory", leusden.getId());
        ids.put("track", engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(BAARN)
                .processDefinitionKey("gemeentetraject").singleResult().getId());
        ids.put("request", prepare.getProcessInstanceId());
        ids.put("programme", engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(PROGRAMME)
                .singleResult().getId());
        ids.put("requestId", String.valueOf(engine.getRuntimeService().getVariable(
                engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("activiteitengeld-aanvraag")
                        .singleResult().getId(), "aanvraagId")));
        ids.put("job", engine.getManagementService().createJobQuery().timers().list().get(0).getId());
        ids.put("jobDefinition", engine.getManagementService().createJobDefinitionQuery().list().get(0).getId());
        ids.put("definition", engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("gemeentetraject")
                .latestVersion().singleResult().getId());
    }

    @AfterAll
    void resetClock() {
        ClockUtil.reset();
    }

    /** Who sends what: a person who may work the task the call aims at, so only the guard stands between. */
    static Stream<Arguments> refusedCalls() {
        return Stream.of(
                call("an escalation that would stop the whole programme", "ambtenaar.baarn", "POST", "task/{inventory}/bpmnEscalation",
                        "{\"escalationCode\": \"programma-stoppen\"}"),
                call("a BPMN error that skips the wethouder's decision", "ambtenaar.baarn", "POST", "task/{prepare}/bpmnError",
                        "{\"errorCode\": \"besluit\", \"variables\": {\"uitkomst\": {\"value\": \"akkoord\"}}}"),
                call("activity money booked through start instructions", "ambtenaar.baarn", "POST",
                        "process-definition/key/activiteitengeld-aanvraag/start",
                        "{\"startInstructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"toekenning-boeken\"}],"
                                + " \"variables\": {\"aanvraagId\": {\"value\": {requestId}}}}"),
                call("the programme started in the middle", "projectleider", "POST",
                        "process-definition/key/programma-inclusie-diversiteit/start",
                        "{\"startInstructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"programma-stoppen\"}]}"),
                call("a task renamed and its due date moved", "ambtenaar.baarn", "PUT", "task/{inventory}",
                        "{\"name\": \"Niets te doen\", \"due\": \"2030-01-01T00:00:00.000+0000\"}"),
                call("a candidate group removed", "ambtenaar.baarn", "POST", "task/{inventory}/identity-links/delete",
                        "{\"groupId\": \"beleidsambtenaar-baarn\", \"type\": \"candidate\"}"),
                call("a candidate group added", "ambtenaar.baarn", "POST", "task/{inventory}/identity-links",
                        "{\"groupId\": \"beleidsambtenaar-leusden\", \"type\": \"candidate\"}"),
                call("a task's variables written", "ambtenaar.baarn", "POST", "task/{inventory}/variables",
                        "{\"modifications\": {\"watSpeeltLokaal\": {\"value\": \"Zomaar\"}}}"),
                call("a colleague's claimed task completed", "ambtenaar.leusden", "POST", "task/{leusdenInventory}/complete",
                        "{\"variables\": {\"watSpeeltLokaal\": {\"value\": \"Zomaar\"}}}"),
                call("a message correlated", "projectleider", "POST", "message",
                        "{\"messageName\": \"PortefeuillehouderGewisseld\", \"businessKey\": \"" + PROGRAMME + "\","
                                + " \"processVariables\": {\"gemeente\": {\"value\": \"baarn\"}, \"nieuweWethouder\": {\"value\": \"projectleider\"}}}"),
                call("a signal", "ambtenaar.baarn", "POST", "signal", "{\"name\": \"ProgrammaGestopt\"}"),
                call("a conditional start", "ambtenaar.baarn", "POST", "condition", "{\"variables\": {\"x\": {\"value\": 1}}}"),
                call("an instance moved", "projectleider", "POST", "process-instance/{track}/modification",
                        "{\"instructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"uitvoering\"}]}"),
                call("an instance suspended", "projectleider", "PUT", "process-instance/{track}/suspended", "{\"suspended\": true}"),
                call("an instance deleted", "projectleider", "DELETE", "process-instance/{track}", null),
                call("instances deleted as a batch", "projectleider", "POST", "process-instance/delete",
                        "{\"processInstanceIds\": [\"{track}\"], \"deleteReason\": \"weg\"}"),
                call("instances restarted", "projectleider", "POST", "process-definition/{definition}/restart",
                        "{\"processInstanceIds\": [\"{track}\"], \"instructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"uitvoering\"}]}"),
                call("instances migrated", "projectleider", "POST", "migration/execute",
                        "{\"migrationPlan\": {\"sourceProcessDefinitionId\": \"{definition}\", \"targetProcessDefinitionId\": \"{definition}\","
                                + " \"instructions\": []}, \"processInstanceIds\": [\"{track}\"]}"),
                call("a reminder job run early", "ambtenaar.baarn", "POST", "job/{job}/execute", null),
                call("a reminder job's due date moved", "projectleider", "PUT", "job/{job}/duedate", "{\"duedate\": \"2030-01-01T00:00:00.000+0000\"}"),
                call("a job definition suspended", "projectleider", "PUT", "job-definition/{jobDefinition}/suspended", "{\"suspended\": true}"),
                call("external tasks fetched", "adviseur", "POST", "external-task/fetchAndLock",
                        "{\"workerId\": \"w\", \"maxTasks\": 1, \"topics\": [{\"topicName\": \"x\", \"lockDuration\": 1000}]}"),
                call("one's own e-mail address changed", "wethouder.baarn", "PUT", "user/wethouder.baarn/profile",
                        "{\"id\": \"wethouder.baarn\", \"firstName\": \"Anna\", \"lastName\": \"de Vries\", \"email\": \"elders@example.net\"}"),
                call("one's own account deleted", "wethouder.baarn", "DELETE", "user/wethouder.baarn", null));
    }

    static Arguments call(String attack, String user, String method, String path, String body) {
        return Arguments.of(attack, user, method, path, body);
    }

    /** Every person who is not an administrator, of the municipality at stake, of another one, and of the region. */
    static final List<String> PEOPLE = List.of("ambtenaar.baarn", "wethouder.baarn", "ambtenaar.leusden", "wethouder.leusden",
            "adviseur", "projectleider", "stuurgroep", "bosd");

    /** Where one person may do what the row tries: the adviser completes the task they claimed. */
    static final Map<Object, String> ALLOWED = Map.of("a colleague's claimed task completed", "adviseur");

    /** Each call by the person most likely to get it through, then by every other person. */
    static Stream<Arguments> refusedCallsByEveryone() {
        return refusedCalls().flatMap(row -> {
            Object[] call = row.get();
            return Stream.concat(Stream.of((String) call[1]), PEOPLE.stream().filter(person -> !person.equals(call[1])))
                    .filter(person -> !person.equals(ALLOWED.get(call[0])))
                    .map(person -> Arguments.of(call[0], person, call[2], call[3], call[4]));
        });
    }

    @Order(1)
    @ParameterizedTest(name = "over /engine-rest: {0}, as {1}")
    @MethodSource("refusedCallsByEveryone")
    void overEngineRestEachIsRefusedAndChangesNothing(String attack, String user, String method, String path, String body) {
        Http person = Http.basic(port, user, "demo");
        assertRefused(attack, () -> person.send(person.request("/engine-rest/" + fill(path), "application/json")
                .header("Content-Type", "application/json").method(method, publisher(body))));
    }

    @Order(2)
    @ParameterizedTest(name = "over the webapps: {0}, as {1}")
    @MethodSource("refusedCallsByEveryone")
    void overTheWebappsEachIsRefusedAndChangesNothing(String attack, String user, String method, String path, String body) {
        Http browser = session(user);
        assertRefused(attack, () -> browser.send(browser.request("/camunda/api/engine/engine/default/" + fill(path), "application/json")
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrfTokens.get(user))
                .method(method, publisher(body))));
    }

    /**
     * The engine itself refuses, without any URL rule: the same commands through the Java API with the
     * person's authentication, as a door that is not in the URL rules would pass them on.
     */
    @Order(3)
    @Test
    void theEngineRefusesThemWhateverTheDoor() {
        Map<String, Consumer<ProcessEngine>> commands = new java.util.LinkedHashMap<>();
        commands.put("escalation", e -> e.getTaskService().handleEscalation(ids.get("inventory"), "programma-stoppen"));
        commands.put("BPMN error", e -> e.getTaskService().handleBpmnError(ids.get("prepare"), "besluit", "overslaan",
                Variables.putValue("uitkomst", "akkoord")));
        commands.put("start instructions", e -> e.getRuntimeService().createProcessInstanceByKey("activiteitengeld-aanvraag")
                .startBeforeActivity("toekenning-boeken").setVariable("aanvraagId", Long.valueOf(ids.get("requestId"))).execute());
        commands.put("task renamed", e -> {
            Task task = e.getTaskService().createTaskQuery().taskId(ids.get("inventory")).singleResult();
            task.setName("Niets te doen");
            e.getTaskService().saveTask(task);
        });
        commands.put("due date", e -> e.getTaskService().setDueDate(ids.get("inventory"), ProcessDriver.at("2030-01-01T00:00:00")));
        commands.put("candidate group removed", e -> e.getTaskService().deleteCandidateGroup(ids.get("inventory"), "beleidsambtenaar-baarn"));
        commands.put("variables", e -> e.getTaskService().setVariable(ids.get("inventory"), "watSpeeltLokaal", "Zomaar"));
        // REST itself takes no other case with a task's comment; the Java API does.
        commands.put("comment on another case", e -> e.getTaskService().createComment(ids.get("inventory"), ids.get("programme"), "Hallo"));
        commands.put("message", e -> e.getRuntimeService().createMessageCorrelation("PortefeuillehouderGewisseld")
                .processInstanceBusinessKey(PROGRAMME).setVariable("gemeente", "baarn").setVariable("nieuweWethouder", "ambtenaar.baarn")
                .correlate());
        commands.put("signal", e -> e.getRuntimeService().signalEventReceived("ProgrammaGestopt"));
        commands.put("modification", e -> e.getRuntimeService().createProcessInstanceModification(ids.get("track"))
                .startBeforeActivity("uitvoering").execute());
        commands.put("suspension", e -> e.getRuntimeService().suspendProcessInstanceById(ids.get("track")));
        commands.put("deletion", e -> e.getRuntimeService().deleteProcessInstance(ids.get("track"), "weg"));
        commands.put("job run", e -> e.getManagementService().executeJob(ids.get("job")));
        commands.put("job retries", e -> e.getManagementService().setJobRetries(ids.get("job"), 0));
        commands.put("external tasks", e -> e.getExternalTaskService().fetchAndLock(1, "w").topic("x", 1000).execute());
        commands.put("own e-mail", e -> {
            User self = e.getIdentityService().createUserQuery().userId("ambtenaar.baarn").singleResult();
            self.setEmail("elders@example.net");
            e.getIdentityService().saveUser(self);
        });
        commands.put("own account deleted", e -> e.getIdentityService().deleteUser("ambtenaar.baarn"));

        String before = snapshot();
        List<String> notRefused = new ArrayList<>();
        commands.forEach((name, command) -> {
            engine.getIdentityService().setAuthentication("ambtenaar.baarn", List.of(Roles.beleidsambtenaar("baarn")), List.of("baarn"));
            try {
                Throwable refusal = catchThrowable(() -> command.accept(engine));
                if (!(refusal instanceof AuthorizationException) || !refusal.getMessage().startsWith("Niet toegestaan")) {
                    notRefused.add(name + ": " + refusal);
                }
            } finally {
                engine.getIdentityService().clearAuthentication();
            }
        });
        assertThat(notRefused).as("commands the engine did not refuse as a person's").isEmpty();
        assertThat(snapshot()).as("nothing changed").isEqualTo(before);
    }

    /** What people do every day still works through the same doors. */
    @Order(4)
    @Test
    void peopleStillClaimCommentAndCompleteTheirOwnTask() {
        Http person = Http.basic(port, "ambtenaar.baarn", "demo");
        String task = "/engine-rest/task/" + ids.get("inventory");
        assertThat(person.post(task + "/claim", "application/json", "{\"userId\": \"ambtenaar.baarn\"}").statusCode()).isEqualTo(204);
        assertThat(person.post(task + "/unclaim", "application/json", "").statusCode()).isEqualTo(204);
        assertThat(person.post(task + "/claim", "application/json", "{\"userId\": \"ambtenaar.baarn\"}").statusCode()).isEqualTo(204);
        HttpResponse<String> comment = person.post(task + "/comment/create", "application/json", "{\"message\": \"Gesprek gepland\"}");
        assertThat(comment.statusCode()).as(comment.body()).isEqualTo(200);
        HttpResponse<String> completed = person.post(task + "/complete", "application/json",
                "{\"variables\": {\"watSpeeltLokaal\": {\"value\": \"Veel vrijwilligers\"}, \"mogelijkeVervolgstap\": {\"value\": \"Bijeenkomst\"}}}");
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
        assertThat(driver.hasTask(BAARN, "inventarisatie-opstellen")).isFalse();
    }

    /** Administration is not broken: beheer sends the commands that people may not, through both doors. */
    @Order(5)
    @Test
    void beheerStillAdministers() {
        Http beheer = Http.basic(port, "beheer", "demo");
        String prepare = ids.get("prepare");
        HttpResponse<String> renamed = beheer.send(beheer.request("/engine-rest/task/" + prepare, "application/json")
                .header("Content-Type", "application/json")
                                // PUT replaces the task's fields, its tenant (the municipality) included.
                .PUT(HttpRequest.BodyPublishers.ofString("{\"name\": \"Voorbereiden: voorlichting\", \"priority\": 60, \"tenantId\": \"baarn\"}")));
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(204);
        assertThat(engine.getTaskService().createTaskQuery().taskId(prepare).singleResult().getPriority()).isEqualTo(60);

        HttpResponse<String> suspended = beheer.send(beheer.request("/engine-rest/process-instance/" + ids.get("request") + "/suspended",
                "application/json").header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"suspended\": true}")));
        assertThat(suspended.statusCode()).as(suspended.body()).isEqualTo(204);
        Http browser = session("beheer");
        HttpResponse<String> resumed = browser.send(browser.request("/camunda/api/engine/engine/default/process-instance/" + ids.get("request")
                + "/suspended", "application/json").header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrfTokens.get("beheer"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"suspended\": false}")));
        assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(204);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(ids.get("request")).singleResult().isSuspended())
                .isFalse();

        HttpResponse<String> retries = beheer.send(beheer.request("/engine-rest/job/" + ids.get("job") + "/retries", "application/json")
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"retries\": 5}")));
        assertThat(retries.statusCode()).as(retries.body()).isEqualTo(204);
        HttpResponse<String> signal = beheer.post("/engine-rest/signal", "application/json", "{\"name\": \"NiemandLuistert\"}");
        assertThat(signal.statusCode()).as(signal.body()).isEqualTo(204);
    }

    private void assertRefused(String attack, java.util.function.Supplier<HttpResponse<String>> send) {
        String before = snapshot();
        HttpResponse<String> answer = send.get();
        if (answer.statusCode() == 404) {
            // Someone who may not start a process does not even find it: the REST API's own answer (in Dutch on
            // /engine-rest; the webapps' copy of the API keeps Camunda's English for what a person cannot see).
            assertThat(answer.body()).as(attack).containsAnyOf("Dit proces bestaat niet, of u mag het niet starten.",
                    "No matching process definition");
        } else {
            assertThat(answer.statusCode()).as("%s: %s", attack, answer.body()).isEqualTo(403);
            assertThat(answer.body()).as(attack).containsAnyOf("Niet toegestaan", "geen toegang", "Geen toegang");
        }
        assertThat(snapshot()).as("%s changed nothing", attack).isEqualTo(before);
    }

    private Http session(String user) {
        return sessions.computeIfAbsent(user, id -> {
            Http browser = Http.browser(port);
            assertThat(browser.login(id, "demo").statusCode()).isEqualTo(302);
            xsrfTokens.put(id, browser.get("/camunda/app/tasklist/default/", "text/html").headers().firstValue("X-XSRF-TOKEN").orElseThrow());
            return browser;
        });
    }

    private String fill(String template) {
        String filled = template;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            filled = filled.replace("{" + id.getKey() + "}", id.getValue());
        }
        return filled;
    }

    private HttpRequest.BodyPublisher publisher(String body) {
        return body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(fill(body));
    }

    private String snapshot() {
        StringBuilder all = new StringBuilder();
        for (String table : TABLES) {
            List<String> rows = jdbc.queryForList("select * from " + table).stream().map(Object::toString).sorted().toList();
            all.append(table).append(": ").append(rows).append('\n');
        }
        return all.toString();
    }
}
