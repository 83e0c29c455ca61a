package nl.regioamersfoort.samenwerken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.regioamersfoort.samenwerken.besluit.Decision;
import nl.regioamersfoort.samenwerken.besluit.Decisions;
import nl.regioamersfoort.samenwerken.programma.NewProgramme;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

/**
 * What an operator relies on, over real HTTP: health with the database and the job executor,
 * Prometheus metrics of the JVM and the engine, log lines that name their case, and a history that
 * the engine cleans up at night, reminders before the case files.
 */
@DemoApplicationTest
// The job executor runs here as it does in production: its health is part of what is checked.
@TestPropertySource(properties = "camunda.bpm.job-execution.enabled=true")
// Spring Boot's tests switch metrics export off unless asked: /actuator/prometheus is what is checked.
@AutoConfigureObservability(tracing = false)
@ExtendWith(OutputCaptureExtension.class)
class OperationsTest {

    static final List<String> CASE_MODELS = List.of("programma-inclusie-diversiteit", "gemeentetraject", "regionaal-spoor",
            "wethouder-besluit", "activiteitengeld-aanvraag", "uren-boven-plafond");
    static final List<String> REMINDER_MODELS = List.of("taakbewaking", "urensignaal", "weekoverzicht");

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    Programmes programmes;
    @Autowired
    Environment environment;
    @Autowired
    Decisions decisions;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void healthShowsDatabaseEngineAndJobExecutorToBeheerAndOnlyTheStatusToOthers() throws Exception {
        HttpResponse<String> beheer = Http.basic(port, "beheer", "demo").get("/actuator/health");
        assertThat(beheer.statusCode()).as(beheer.body()).isEqualTo(200);
        JsonNode components = json.readTree(beheer.body()).get("components");
        for (String component : List.of("db", "processEngine", "jobExecutor")) {
            assertThat(components.path(component).path("status").asText()).as(component + " in " + beheer.body()).isEqualTo("UP");
        }
        // Without spring.mail.host mail goes to the outbox only: there is no SMTP server to check.
        assertThat(components.has("mail")).isFalse();

        for (Http other : List.of(Http.anonymous(port), Http.basic(port, "wethouder.baarn", "demo"))) {
            HttpResponse<String> health = other.get("/actuator/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).startsWith("{\"status\":\"UP\"").doesNotContain("components", "details", "jdbc");
            HttpResponse<String> readiness = other.get("/actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(200);
            assertThat(readiness.body()).isEqualTo("{\"status\":\"UP\"}");
        }
    }

    @Test
    void mailHasTimeoutsSoAHangingServerCannotHoldAHealthCheckOrAJob() {
        Map<String, String> mail = Binder.get(environment).bind("spring.mail", MailProperties.class).get().getProperties();
        assertThat(mail).containsEntry("mail.smtp.connectiontimeout", "5000").containsKeys("mail.smtp.timeout", "mail.smtp.writetimeout");
    }

    @Test
    void prometheusShowsJvmAndEngineMetricsToBeheerOnly() {
        String programme = programme("Operations metrics");
        grantActivityMoney(programme, "bunschoten");
        // The engine writes its counters to the database every 15 minutes; do it now.
        engine.getManagementService().reportDbMetricsNow();

        HttpResponse<String> scrape = Http.basic(port, "beheer", "demo").get("/actuator/prometheus", "text/plain");
        assertThat(scrape.statusCode()).as(scrape.body()).isEqualTo(200);
        String metrics = scrape.body();
        assertThat(value(metrics, "jvm_memory_used_bytes")).isPositive();
        assertThat(value(metrics, "camunda_root_process_instance_start_total")).isGreaterThanOrEqualTo(2);
        assertThat(value(metrics, "camunda_activity_instance_start_total")).isPositive();
        assertThat(value(metrics, "camunda_job_successful_total")).isNotNegative();
        assertThat(value(metrics, "camunda_incidents_open")).isEqualTo(engine.getRuntimeService().createIncidentQuery().count());
        assertThat(value(metrics, "camunda_user_tasks_open")).isPositive();
        assertThat(metrics).contains("application=\"samenwerken\"");

        assertThat(Http.anonymous(port).get("/actuator/prometheus", "text/plain").statusCode()).isEqualTo(401);
        assertThat(Http.basic(port, "projectleider", "demo").get("/actuator/prometheus", "text/plain").statusCode()).isEqualTo(403);
    }

    @Test
    void logLinesOfAServiceTaskNameTheBusinessKeyAndTheProcessInstance(CapturedOutput output) {
        String programme = programme("Operations logging");
        String processInstanceId = grantActivityMoney(programme, "baarn");

        List<String> granted = output.getOut().lines().filter(line -> line.contains("Activity money request")).toList();
        assertThat(granted).singleElement().asString()
                .contains("[" + programme + "-baarn|" + processInstanceId + "]", "granted", "baarn");
        // Lines outside the engine carry no empty brackets.
        assertThat(output.getOut()).doesNotContain("[|]");
    }

    @Test
    void historyIsCleanedUpAtNightAndReminderBookkeepingGoesFirst() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.isHistoryCleanupEnabled()).isTrue();
        assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
        assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("end");
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("22:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("06:00");
        assertThat(configuration.getBatchOperationHistoryTimeToLive()).isEqualTo("P180D");
        // The engine scheduled its cleanup job for the window.
        List<Job> cleanup = engine.getHistoryService().findHistoryCleanupJobs();
        assertThat(cleanup).isNotEmpty();
        LocalTime due = LocalTime.ofInstant(cleanup.get(0).getDuedate().toInstant(), java.time.ZoneId.systemDefault());
        assertThat(due.isBefore(LocalTime.of(6, 0)) || !due.isBefore(LocalTime.of(22, 0))).as("due at %s", due).isTrue();

        for (String reminders : REMINDER_MODELS) {
            for (String caseModel : CASE_MODELS) {
                assertThat(ttl(reminders)).as("%s against %s", reminders, caseModel).isLessThan(ttl(caseModel));
            }
        }
        assertThat(ttl("taakbewaking")).isEqualTo(180);
        assertThat(ttl("activiteitengeld-aanvraag")).isEqualTo(730);
        assertThat(ttl("gemeentetraject")).isEqualTo(365);

        // The removal time is set when an instance ends: its end plus its model's time to live.
        String programme = programme("Operations history");
        String request = grantActivityMoney(programme, "soest");
        HistoricProcessInstance root = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(request).singleResult();
        assertRemovedAfter(root, 730);
        // A called instance (the wethouder gate) goes together with its root, by the root's time to live.
        HistoricProcessInstance gate = engine.getHistoryService().createHistoricProcessInstanceQuery().superProcessInstanceId(request).singleResult();
        assertThat(gate.getRemovalTime()).isEqualTo(root.getRemovalTime());
        // The gate keeps the last value of each variable, not every change: its decision record is the audit trail.
        HistoryService history = engine.getHistoryService();
        assertThat(history.createHistoricDetailQuery().processInstanceId(gate.getId()).count()).as("changes of the gate's variables").isZero();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(gate.getId()).variableName("voorstel").singleResult()
                .getValue()).isEqualTo("Graag akkoord");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(gate.getId()).variableName("uitkomst").singleResult()
                .getValue()).isEqualTo("akkoord");
        Decision decision = decisions.trail(programme, "soest").stream().filter(d -> gate.getId().equals(d.getProcessInstanceId()))
                .findFirst().orElseThrow();
        assertThat(List.of(decision.getProposal(), decision.getProposedBy(), decision.getOutcome().formValue(), decision.getMotivation(),
                decision.getDecidedBy())).containsExactly("Graag akkoord", "ambtenaar.soest", "akkoord", "Goed plan", "wethouder.soest");
        assertThat(decision.getProposedAt()).isNotNull();
        assertThat(decision.getDecidedAt()).isNotNull();
        // The request itself keeps every change, as every case does.
        assertThat(history.createHistoricDetailQuery().processInstanceId(request).count()).as("changes of the request's variables").isPositive();
        ProcessDriver driver = new ProcessDriver(engine);
        Task inventory = driver.task(programme + "-soest", "inventarisatie-opstellen");
        String watch = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("taakbewaking")
                .processInstanceBusinessKey(inventory.getId()).singleResult().getId();
        driver.complete(inventory, "ambtenaar.soest", "watSpeeltLokaal", "Eenzaamheid onder LHBTI+ ouderen.",
                "mogelijkeVervolgstap", "Gesprek met de bibliotheek");
        // The deadline watch of that task (business key = task id) ended with it and left no history to remove:
        // the outbox records its mails, the task's own history goes with its case.
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("taakbewaking")
                .processInstanceBusinessKey(inventory.getId()).count()).isZero();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("taakbewaking")
                .processInstanceBusinessKey(inventory.getId()).count()).isZero();
        // What operators need of it stays for the watch's time to live: its job log (here: its reminder timer).
        List<HistoricJobLog> jobLog = engine.getHistoryService().createHistoricJobLogQuery().processInstanceId(watch).list();
        assertThat(jobLog).isNotEmpty().allSatisfy(entry -> assertThat(entry.getRemovalTime())
                .isCloseTo(java.util.Date.from(entry.getTimestamp().toInstant().plus(Duration.ofDays(180))), 60_000));
    }

    private void assertRemovedAfter(HistoricProcessInstance instance, int days) {
        assertThat(instance.getEndTime()).as("%s ended", instance.getProcessDefinitionKey()).isNotNull();
        assertThat(instance.getRemovalTime()).as("%s removal time", instance.getProcessDefinitionKey()).isNotNull();
        Duration kept = Duration.between(instance.getEndTime().toInstant(), instance.getRemovalTime().toInstant());
        // Days are calendar days: a change to or from summer time makes one of them an hour shorter or longer.
        assertThat(kept.toMinutes()).as(instance.getProcessDefinitionKey()).isCloseTo(Duration.ofDays(days).toMinutes(), within(60L));
    }

    private int ttl(String processKey) {
        ProcessDefinition definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().singleResult();
        return definition.getHistoryTimeToLive();
    }

    /** A programme of this year and next, so that this year's activity money can be asked for. */
    private String programme(String name) {
        int year = LocalDate.now().getYear();
        return programmes.start(new NewProgramme(name + " " + year, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 12, 31),
                List.of("baarn", "bunschoten", "soest"), null, null, null, null, null, null), "projectleider").getId();
    }

    /** An activity money request over the API, prepared and granted through the wethouder gate; returns its process instance. */
    private String grantActivityMoney(String programme, String municipality) {
        HttpResponse<String> asked = Http.basic(port, "ambtenaar." + municipality, "demo").post("/api/programmas/" + programme + "/activiteitengeld",
                "application/json", "{\"gemeente\": \"" + municipality + "\", \"activiteit\": \"Voorlichting op scholen\", \"bedrag\": \"400\","
                        + " \"doelgroepen\": [\"LHBTI\"], \"zichtbaarheid\": \"Zichtbaar in de lokale krant\"}");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        String processInstanceId;
        try {
            processInstanceId = json.readTree(asked.body()).get("processInstanceId").asText();
        } catch (Exception e) {
            throw new AssertionError(asked.body(), e);
        }
        ProcessDriver driver = new ProcessDriver(engine);
        Task prepare = requestTask(processInstanceId, "besluit-voorbereiden").orElseThrow();
        driver.complete(prepare, "ambtenaar." + municipality, "voorstel", "Graag akkoord");
        driver.complete(requestTask(processInstanceId, "besluit-nemen").orElseThrow(), "wethouder." + municipality,
                "uitkomst", "akkoord", "motivering", "Goed plan");
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
                .getEndTime()).as("request ended").isNotNull();
        return processInstanceId;
    }

    /** The gate's task of this very request (its called wethouder-besluit instance), not of another case with the same key. */
    private Optional<Task> requestTask(String requestInstanceId, String taskKey) {
        ProcessInstance gate = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(requestInstanceId).singleResult();
        return gate == null ? Optional.empty()
                : Optional.ofNullable(engine.getTaskService().createTaskQuery().processInstanceId(gate.getId()).taskDefinitionKey(taskKey).singleResult());
    }

    /** The sum of a metric's samples in Prometheus' text format (one line per set of labels). */
    private static double value(String scrape, String metric) {
        List<String> samples = scrape.lines().filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " ")).toList();
        assertThat(samples).as("samples of %s", metric).isNotEmpty();
        return samples.stream().mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
