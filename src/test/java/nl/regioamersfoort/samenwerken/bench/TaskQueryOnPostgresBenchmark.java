package nl.regioamersfoort.samenwerken.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import nl.regioamersfoort.samenwerken.Http;
import nl.regioamersfoort.samenwerken.PostgresTestDatabase;
import nl.regioamersfoort.samenwerken.ProcessDriver;
import nl.regioamersfoort.samenwerken.programma.NewProgramme;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Benchmark ({@code ./mvnw -Pbench verify -Dtest=TaskQueryOnPostgresBenchmark}): Tasklist's task
 * queries with 10,000 running local tracks on PostgreSQL, for a beleidsambtenaar of Baarn with
 * Camunda's authorization and tenant checks on, against the same queries with the checks off, and
 * the counts of Tasklist's shared filters. Seeded through
 * the real programme start (seven funded municipalities a programme, so about 1,430 programmes with
 * their regional tracks and deadline watches), in parallel. Median and p95 latency.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class TaskQueryOnPostgresBenchmark {

    static final int TRACKS = Integer.getInteger("bench.tracks", 10_000);
    static final int RUNS = Integer.getInteger("bench.runs", 200);
    static final String USER = "ambtenaar.baarn";

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }

    @Autowired
    Programmes programmes;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    IdentityService identityService;
    @Autowired
    FilterService filterService;
    @Autowired
    ProcessEngine engine;
    @LocalServerPort
    int port;

    @Test
    void tasklistQueriesWithAndWithoutAuthorizationChecks() throws Exception {
        // Every programme lies ahead: no deadline falls due while the queries run.
        ClockUtil.setCurrentTime(ProcessDriver.at("2024-12-01T09:00:00"));
        long seedStart = System.nanoTime();
        int programmeCount = (TRACKS + TrackThroughput.FUNDED.size() - 1) / TrackThroughput.FUNDED.size();
        // Three seeders, each with start years of its own (programme ids are made from the years, a suffix
        // counting up within a year), so that parallel starts never race for the same id.
        List<ExecutorService> seeders = List.of(Executors.newSingleThreadExecutor(), Executors.newSingleThreadExecutor(),
                Executors.newSingleThreadExecutor());
        List<Future<?>> seeded = new ArrayList<>();
        for (int i = 0; i < programmeCount; i++) {
            int seeder = i % 3;
            int year = 2025 + ((i / 3) % 24) * 3 + seeder;
            seeded.add(seeders.get(seeder).submit(() -> programmes.start(new NewProgramme("Bench " + year, LocalDate.of(year, 1, 1),
                    LocalDate.of(year + 1, 12, 31), TrackThroughput.FUNDED, null, null, null, null, null, null), "projectleider")));
        }
        for (Future<?> future : seeded) {
            future.get(30, TimeUnit.MINUTES);
        }
        seeders.forEach(ExecutorService::shutdown);
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        long runningTracks = runtimeService.createProcessInstanceQuery().processDefinitionKey("gemeentetraject").count();
        long allTasks = taskService.createTaskQuery().count();
        assertThat(runningTracks).isGreaterThanOrEqualTo(TRACKS);

        Supplier<Object> page = () -> taskService.createTaskQuery().orderByTaskCreateTime().desc().listPage(0, 15);
        Supplier<Object> count = () -> taskService.createTaskQuery().count();
        Supplier<Object> group = () -> taskService.createTaskQuery().taskCandidateGroup("beleidsambtenaar-baarn").orderByDueDate().asc()
                .listPage(0, 15);
        long visible = (Long) checked(count);
        assertThat(visible).isPositive().isLessThan(allTasks);
        long authorizationRows = engine.getAuthorizationService().createAuthorizationQuery().count();

        BenchReport report = new BenchReport("task-queries", "Task queries with " + runningTracks + " running local tracks (" + allTasks
                + " open tasks, " + visible + " visible to " + USER + ", " + authorizationRows + " authorization rows) on PostgreSQL; seeded in "
                + Math.round(seedSeconds) + " s; " + RUNS + " runs each, milliseconds; baseline: the same query for the same person with"
                + " the engine's authorization and tenant checks switched off");
        Map<String, Supplier<Object>> queries = new LinkedHashMap<>();
        queries.put("first page, newest first (Tasklist 'Alle taken')", page);
        queries.put("count of all visible tasks", count);
        queries.put("first page of candidate group beleidsambtenaar-baarn by due date", group);
        for (Filter filter : filterService.createFilterQuery().orderByFilterId().asc().list()) {
            if (filter.getOwner() == null) {
                queries.put("count of filter '" + filter.getName() + "' (Tasklist's badge)", () -> filterService.count(filter.getId()));
            }
        }
        queries.forEach((name, query) -> {
            List<Double> on = time(() -> checked(query));
            List<Double> off = time(() -> unchecked(query));
            line(report, name, on, off, "checks off");
        });
        // The same over HTTP as Tasklist calls it: a beleidsambtenaar (checks on) against an administrator (camunda-admin: no checks),
        // the badge of every shared filter included.
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("/engine-rest/task?candidateGroup=beleidsambtenaar-baarn&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=15",
                "/task?candidateGroup=beleidsambtenaar-baarn&sortBy=dueDate… (15)");
        for (Filter filter : filterService.createFilterQuery().orderByFilterId().asc().list()) {
            if (filter.getOwner() == null) {
                if (filter.getName().equals("Alle taken")) {
                    paths.put("/engine-rest/filter/" + filter.getId() + "/list?firstResult=0&maxResults=15", "/filter/{Alle taken}/list (15)");
                }
                paths.put("/engine-rest/filter/" + filter.getId() + "/count", "/filter/{" + filter.getName() + "}/count");
            }
        }
        paths.forEach((path, name) -> {
            List<Double> restOn = time(() -> status(Http.basic(port, USER, "demo").get(path).statusCode()));
            List<Double> restOff = time(() -> status(Http.basic(port, "beheer", "demo").get(path).statusCode()));
            line(report, "GET " + name + " (REST, Basic)", restOn, restOff, "admin");
        });
        report.write();
        ClockUtil.reset();
    }

    private static void line(BenchReport report, String name, List<Double> on, List<Double> off, String baseline) {
        report.line("%-66s checks on: median %6.2f  p95 %6.2f | %s: median %6.2f  p95 %6.2f | ratio median %5.2f  p95 %5.2f", name,
                BenchReport.median(on), BenchReport.percentile(on, 95), baseline, BenchReport.median(off), BenchReport.percentile(off, 95),
                BenchReport.median(on) / BenchReport.median(off), BenchReport.percentile(on, 95) / BenchReport.percentile(off, 95));
    }

    /** As the beleidsambtenaar of Baarn, as the REST API and Tasklist authenticate her: groups and tenants. */
    private <T> T checked(Supplier<T> query) {
        ProcessDriver.authenticate(identityService, USER);
        try {
            return query.get();
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** The same person (filters resolve "the current user" to her), with the engine's checks switched off. */
    private <T> T unchecked(Supplier<T> query) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        configuration.setAuthorizationEnabled(false);
        configuration.setTenantCheckEnabled(false);
        try {
            return checked(query);
        } finally {
            configuration.setAuthorizationEnabled(true);
            configuration.setTenantCheckEnabled(true);
        }
    }

    private static Object status(int status) {
        assertThat(status).isEqualTo(200);
        return status;
    }

    private static List<Double> time(Supplier<?> query) {
        for (int i = 0; i < 20; i++) {
            query.get();
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            query.get();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return millis;
    }
}
