package nl.regioamersfoort.samenwerken.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.regioamersfoort.samenwerken.Http;
import nl.regioamersfoort.samenwerken.PostgresTestDatabase;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two Samenwerken nodes, each its own JVM with the job executor on, on one PostgreSQL database: the
 * homogeneous cluster of design §5. Every node has every model and bean, so any node may run any
 * job ({@code camunda.bpm.job-execution.deployment-aware} stays false). The nodes share nothing but
 * the database; the job executor's row locks decide who runs a job.
 *
 * <p>Shows: a task completed on one node is gone on the other; every timer and every deadline mail
 * (outbox row per task and recipient) happens exactly once although both nodes compete for the
 * jobs; when one node stops in the middle, the other finishes the work; and what people get back
 * over REST is a 2xx or an expected 4xx, never an optimistic-locking failure.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterOnPostgresTest {

    static final String JOB_LOCK_TIME = "20000";
    static final List<String> PROJECTLEIDERS = List.of("projectleider", "projectleider.twee", "projectleider.drie");
    static final int INSTANCES = 40;

    static final ObjectMapper JSON = new ObjectMapper();
    static JdbcTemplate db;
    static AppNode node1;
    static AppNode node2;
    static String programme;

    /** Every answer a person or client got, "node METHOD path -> status", to check none was a server error. */
    final List<String> answers = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void startTwoNodes() throws Exception {
        String jdbcUrl = PostgresTestDatabase.jdbcUrl(PostgresTestDatabase.createDatabase());
        db = new JdbcTemplate(new DriverManagerDataSource(jdbcUrl, "postgres", ""));
        // The first node creates the schemas (Camunda's and Flyway's); the second joins a database that is ready,
        // as a rolling start in production does. Short lock time and acquisition back-off keep the test quick.
        node1 = node("cluster-node-1", jdbcUrl).start();
        node2 = node("cluster-node-2", jdbcUrl).start();

        int year = LocalDate.now().getYear();
        HttpResponse<String> started = node1.as("projectleider").post("/api/programmas", "application/json",
                "{\"naam\": \"Inclusie en diversiteit " + year + "-" + (year + 1) + "\", \"start\": \"" + year + "-01-01\","
                        + " \"einde\": \"" + (year + 1) + "-12-31\", \"gemeenten\": [\"baarn\", \"leusden\"]}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        programme = JSON.readTree(started.body()).get("id").asText();
    }

    static AppNode node(String name, String jdbcUrl) {
        return AppNode.samenwerken(name, jdbcUrl)
                .with("camunda.bpm.job-execution.lock-time-in-millis", JOB_LOCK_TIME)
                .with("camunda.bpm.job-execution.max-wait", "5000");
    }

    @AfterAll
    static void stopNodes() {
        for (AppNode node : new AppNode[] {node2, node1}) {
            if (node != null) {
                node.stop();
            }
        }
    }

    @Test
    @Order(1)
    void aTaskCompletedOnOneNodeIsGoneOnTheOther() throws Exception {
        String track = programme + "-baarn";
        String taskId = node2.awaitTaskId("ambtenaar.baarn", track, "inventarisatie-opstellen");
        assertThat(call(node1, node1.as("ambtenaar.baarn").get("/engine-rest/task/" + taskId)).statusCode()).isEqualTo(200);

        HttpResponse<String> submitted = call(node2, node2.as("ambtenaar.baarn").post("/engine-rest/task/" + taskId + "/submit-form",
                "application/json", "{\"variables\": {\"watSpeeltLokaal\": {\"value\": \"Jongeren zoeken een plek\"},"
                        + " \"mogelijkeVervolgstap\": {\"value\": \"Gesprek met het jongerenwerk\"}}}"));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);

        // Node 1 has no cache to go stale: the task is gone there at once, the next step is there.
        assertThat(call(node1, node1.as("ambtenaar.baarn").get("/engine-rest/task/" + taskId)).statusCode()).isEqualTo(404);
        assertThat(names(call(node1, node1.as("ambtenaar.baarn").get("/engine-rest/task?processInstanceBusinessKey=" + track))))
                .containsExactly("Inventarisatie Baarn bespreken met de wethouder");
        // Its deadline watch ended with it, on every node.
        assertThat(JSON.readTree(call(node1, node1.as("beheer").get("/engine-rest/process-instance?businessKey=" + taskId)).body()))
                .isEmpty();
        // A colleague on the other node who still had the task open gets a clear "not found", not an error.
        HttpResponse<String> late = call(node1, node1.as("ambtenaar.baarn").post("/engine-rest/task/" + taskId + "/complete",
                "application/json", "{}"));
        assertThat(late.statusCode()).as(late.body()).isEqualTo(404);
        assertThat(late.body()).contains("al afgerond");
        assertNoServerErrors();
    }

    @Test
    @Order(2)
    void everyTimerAndDeadlineMailHappensExactlyOnceAndTheSurvivingNodeFinishesTheWork() throws Exception {
        Http beheer = node1.as("beheer");
        for (String id : PROJECTLEIDERS.subList(1, PROJECTLEIDERS.size())) {
            String[] name = id.endsWith("twee") ? new String[] {"Eva", "de Wit"} : new String[] {"Ruben", "Kramer"};
            assertThat(call(node1, beheer.post("/engine-rest/user/create", "application/json", "{\"profile\": {\"id\": \"" + id
                    + "\", \"firstName\": \"" + name[0] + "\", \"lastName\": \"" + name[1] + "\", \"email\": \"" + id
                    + "@example.org\"}, \"credentials\": {\"password\": \"demo\"}}")).statusCode()).isEqualTo(204);
            assertThat(call(node1, beheer.send(beheer.request("/engine-rest/group/projectleider/members/" + id, "application/json")
                    .PUT(HttpRequest.BodyPublishers.noBody()))).statusCode()).isEqualTo(204);
        }
        deploy(beheer, testModel());

        // Forty instances, started alternately on both nodes: each waits on a short timer, then gets a task
        // whose deadline lies 40 to 60 seconds ahead (room for a slow, busy build machine). Its taakbewaking escalates to the three projectleiders
        // when the deadline passes: one timer job and three mail jobs per task, for either node to take.
        long base = System.currentTimeMillis() + 40_000;
        Map<Integer, String> instances = new LinkedHashMap<>();
        for (int i = 0; i < INSTANCES; i++) {
            AppNode node = i % 2 == 0 ? node1 : node2;
            HttpResponse<String> started = call(node, node.as("beheer").post("/engine-rest/process-definition/key/clusterproef/start",
                    "application/json", "{\"businessKey\": \"clusterproef-" + i + "\", \"variables\": {"
                            + "\"nummer\": {\"value\": " + i + ", \"type\": \"Integer\"},"
                            + "\"wachttijd\": {\"value\": \"PT" + (3 + i % 10) + "S\", \"type\": \"String\"},"
                            + "\"deadline\": {\"value\": \"" + restDate(new Date(base + i * 500L)) + "\", \"type\": \"Date\"},"
                            + "\"programmaId\": {\"value\": \"" + programme + "\", \"type\": \"String\"},"
                            + "\"gemeente\": {\"value\": \"baarn\", \"type\": \"String\"}}}"));
            assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
            instances.put(i, JSON.readTree(started.body()).get("id").asText());
        }

        // What people do meanwhile: some finish their task early, some exactly when its deadline passes
        // (racing the timer job), and some pairs of colleagues submit the same task on both nodes at once.
        // Unbounded: most of these wait (for a task, a deadline, a colleague) rather than work.
        ExecutorService people = Executors.newCachedThreadPool();
        Map<Integer, Future<String>> taskIds = new LinkedHashMap<>();
        Map<Integer, Future<List<Integer>>> doubles = new LinkedHashMap<>();
        for (int i = 0; i < INSTANCES; i++) {
            int n = i;
            long deadline = base + i * 500L;
            switch (group(i)) {
                case EARLY -> taskIds.put(i, people.submit(() -> {
                    String taskId = awaitTaskId(n);
                    complete(n % 2 == 0 ? node2 : node1, taskId);
                    return taskId;
                }));
                case AT_DEADLINE -> taskIds.put(i, people.submit(() -> {
                    String taskId = awaitTaskId(n);
                    // The timer job fires within a few seconds after the deadline (acquisition back-off): aim into that window.
                    sleepUntil(deadline + (n * 700L) % 6000);
                    complete(n % 2 == 0 ? node1 : node2, taskId);
                    return taskId;
                }));
                case TWICE -> {
                    CountDownLatch together = new CountDownLatch(2);
                    Future<String> id = people.submit(() -> awaitTaskId(n));
                    taskIds.put(i, id);
                    doubles.put(i, people.submit(() -> {
                        String taskId = id.get();
                        Future<Integer> first = people.submit(() -> completeTogether(node1, taskId, together));
                        Future<Integer> second = people.submit(() -> completeTogether(node2, taskId, together));
                        return List.of(first.get(), second.get());
                    }));
                }
                case UNTOUCHED -> taskIds.put(i, people.submit(() -> awaitTaskId(n)));
            }
        }

        // Halfway through the deadlines node 2 is stopped, as in a rolling restart; node 1 carries on alone.
        sleepUntil(base + 10_000);
        stopping = true;
        node2.stop();
        // Taken once node 2 is gone: a graceful stop lets it finish the jobs it had already begun.
        Timestamp node2Stopped = new Timestamp(System.currentTimeMillis());

        Map<Integer, String> tasks = new LinkedHashMap<>();
        for (var entry : taskIds.entrySet()) {
            tasks.put(entry.getKey(), entry.getValue().get(3, TimeUnit.MINUTES));
        }
        for (var entry : doubles.entrySet()) {
            // One of them completes it; the other hears that it is gone (a 4xx), as if they had been a minute late.
            List<Integer> statuses = entry.getValue().get(3, TimeUnit.MINUTES);
            assertThat(statuses).as("the same task submitted on both nodes at once (instance %s)", entry.getKey())
                    .containsOnlyOnce(204).anyMatch(status -> status >= 400 && status < 500);
        }
        people.shutdown();

        List<Integer> untouched = tasks.keySet().stream().filter(i -> group(i) == Group.UNTOUCHED).toList();
        Await.until(Duration.ofMinutes(4), () -> untouched.stream().allMatch(i -> escalations(tasks.get(i)).size() == PROJECTLEIDERS.size())
                && dueJobs() == 0, () -> "escalations per untouched task " + untouched.stream().map(i -> escalations(tasks.get(i)).size()).toList()
                        + ", due jobs " + dueJobs() + "\n" + node1.logTail(40));

        for (var entry : tasks.entrySet()) {
            List<String> recipients = escalations(entry.getValue());
            switch (group(entry.getKey())) {
                case UNTOUCHED -> assertThat(recipients).as("escalations of untouched task %s", entry.getKey())
                        .containsExactlyInAnyOrderElementsOf(PROJECTLEIDERS);
                case EARLY, TWICE -> assertThat(recipients).as("escalations of task %s, done before its deadline", entry.getKey()).isEmpty();
                // Completed while its escalation ran: a mail that went out stays out, none goes twice.
                case AT_DEADLINE -> assertThat(recipients).as("escalations of task %s, done at its deadline", entry.getKey())
                        .doesNotHaveDuplicates().isSubsetOf(PROJECTLEIDERS);
            }
        }
        // The model's own timer fired once per instance, too.
        assertThat(db.queryForList("select count(*) from act_hi_actinst where act_id_ = 'wachten' and end_time_ is not null"
                + " group by proc_inst_id_", Integer.class)).hasSize(INSTANCES).containsOnly(1);

        // Both nodes did the work; after node 2 stopped, node 1 did the rest.
        Map<String, Integer> doneBefore = jobsDoneByNode("timestamp_ < ?", node2Stopped);
        Map<String, Integer> doneAfter = jobsDoneByNode("timestamp_ >= ?", node2Stopped);
        System.out.printf("%nCLUSTER jobs done before node 2 stopped: %s; after: %s; failed attempts (retried): %d;"
                + " escalations of the tasks completed at their deadline: %s%n%n", doneBefore, doneAfter,
                db.queryForObject("select count(*) from act_hi_job_log where job_state_ = 1", Integer.class),
                tasks.keySet().stream().filter(i -> group(i) == Group.AT_DEADLINE).map(i -> escalations(tasks.get(i)).size()).toList());
        assertThat(doneBefore).containsKeys("cluster-node-1", "cluster-node-2");
        assertThat(doneAfter).containsKey("cluster-node-1").doesNotContainKey("cluster-node-2");
        assertThat(db.queryForObject("select count(*) from act_ru_incident", Integer.class)).as("incidents").isZero();
        assertNoServerErrors();
    }

    enum Group { EARLY, AT_DEADLINE, TWICE, UNTOUCHED }

    static Group group(int instance) {
        return switch (instance % 5) {
            case 0 -> Group.EARLY;
            case 1 -> Group.AT_DEADLINE;
            case 2 -> Group.TWICE;
            default -> Group.UNTOUCHED;
        };
    }

    volatile boolean stopping;

    /** Node 2 while it runs; node 1 once it is stopping, as a load balancer would route. */
    private AppNode route(AppNode preferred) {
        return preferred == node2 && stopping ? node1 : preferred;
    }

    private void complete(AppNode preferred, String taskId) {
        AppNode node = route(preferred);
        HttpResponse<String> response;
        try {
            response = call(node, node.as("ambtenaar.baarn").post("/engine-rest/task/" + taskId + "/complete", "application/json", "{}"));
        } catch (UncheckedIOException refused) {
            // The node went down between routing and connecting: the load balancer tries the other node.
            response = call(node1, node1.as("ambtenaar.baarn").post("/engine-rest/task/" + taskId + "/complete", "application/json", "{}"));
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    private int completeTogether(AppNode node, String taskId, CountDownLatch together) throws InterruptedException {
        together.countDown();
        together.await();
        return call(node, node.as("ambtenaar.baarn").post("/engine-rest/task/" + taskId + "/complete", "application/json", "{}"))
                .statusCode();
    }

    private String awaitTaskId(int instance) throws Exception {
        String[] id = new String[1];
        Await.until(Duration.ofMinutes(2), () -> {
            AppNode node = route(instance % 2 == 0 ? node1 : node2);
            try {
                JsonNode tasks = JSON.readTree(call(node, node.as("ambtenaar.baarn")
                        .get("/engine-rest/task?processInstanceBusinessKey=clusterproef-" + instance)).body());
                id[0] = tasks.isEmpty() ? null : tasks.get(0).get("id").asText();
            } catch (UncheckedIOException | java.io.IOException notNow) {
                id[0] = null;
            }
            return id[0] != null;
        }, () -> "task of clusterproef-" + instance);
        return id[0];
    }

    private HttpResponse<String> call(AppNode node, HttpResponse<String> response) {
        answers.add(node.name() + " " + response.request().method() + " " + response.request().uri().getPath() + " -> "
                + response.statusCode() + (response.statusCode() >= 500 ? " " + response.body() : ""));
        return response;
    }

    private void assertNoServerErrors() {
        synchronized (answers) {
            assertThat(answers).as("answers people and clients got").isNotEmpty().noneMatch(a -> a.matches(".* -> 5\\d\\d.*"));
        }
    }

    private static List<String> names(HttpResponse<String> tasks) throws Exception {
        List<String> names = new ArrayList<>();
        JSON.readTree(tasks.body()).forEach(task -> names.add(task.get("name").asText()));
        return names;
    }

    private static List<String> escalations(String taskId) {
        return db.queryForList("select recipient from mail_message where task_id = ? and kind = 'ESCALATIE'", String.class, taskId);
    }

    /** Jobs that a node should run by now: due, not failed for good. */
    private static int dueJobs() {
        return db.queryForObject("select count(*) from act_ru_job where retries_ > 0 and suspension_state_ = 1"
                + " and (duedate_ is null or duedate_ <= ?)", Integer.class, new Timestamp(System.currentTimeMillis()));
    }

    private static Map<String, Integer> jobsDoneByNode(String when, Timestamp moment) {
        Map<String, Integer> done = new LinkedHashMap<>();
        db.query("select hostname_, count(*) from act_hi_job_log where job_state_ = 2 and " + when + " group by hostname_ order by hostname_",
                row -> {
                    done.put(row.getString(1), row.getInt(2));
                }, moment);
        return done;
    }

    /** A user task with a due date, after a short timer: the shape of every Samenwerken step, minus the content. */
    static BpmnModelInstance testModel() {
        return Bpmn.createExecutableProcess("clusterproef").name("Clusterproef").camundaHistoryTimeToLive(1)
                .startEvent("gestart").name("Gestart")
                .intermediateCatchEvent("wachten").name("Even wachten").timerWithDuration("${wachttijd}")
                .userTask("proeftaak").name("Proeftaak ${nummer}").camundaCandidateGroups("beleidsambtenaar-baarn")
                .camundaDueDate("${deadline}")
                .endEvent("klaar").name("Klaar")
                .done();
    }

    /** A deployment over REST, as an administrator or a CI pipeline deploys: multipart, one BPMN file. */
    static void deploy(Http as, BpmnModelInstance model) {
        String boundary = "samenwerken-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nclusterproef\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"clusterproef.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + Bpmn.convertToString(model) + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> deployed = as.post("/engine-rest/deployment/create", "multipart/form-data; boundary=" + boundary, body);
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        // A process no feature owns gives nobody its tasks: beheer grants its candidates their work, per definition.
        HttpResponse<String> granted = as.post("/engine-rest/authorization/create", "application/json", "{\"type\": 1,"
                + " \"permissions\": [\"READ\", \"READ_TASK\", \"TASK_WORK\"], \"groupId\": \"beleidsambtenaar-baarn\","
                + " \"resourceType\": 6, \"resourceId\": \"" + model.getModelElementsByType(Process.class).iterator().next().getId() + "\"}");
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
    }

    static String restDate(Date date) {
        return new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ").format(date);
    }

    static void sleepUntil(long epochMillis) {
        long wait = epochMillis - System.currentTimeMillis();
        if (wait > 0) {
            AppNode.pause(wait);
        }
    }
}
