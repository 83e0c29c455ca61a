package nl.regioamersfoort.samenwerken.bench;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.regioamersfoort.samenwerken.PostgresTestDatabase;
import nl.regioamersfoort.samenwerken.cluster.AppNode;
import nl.regioamersfoort.samenwerken.cluster.Await;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Benchmark ({@code ./mvnw -Pbench verify -Dtest=ScaleOutBenchmark}): jobs done per second by one
 * Samenwerken node against two, each its own JVM (-Xmx512m, the starter's default job executor: 3
 * to 10 threads, 3 jobs per acquisition) on one embedded PostgreSQL. The jobs are async
 * continuations that do nothing, queued suspended and then released at once, so the figure is the
 * job executor's own overhead: acquisition, locking, history. A small engine in this JVM (no job
 * executor) queues them; the nodes run them because the job executor is not deployment-aware.
 * The rate counts from the first to the last job done (job log), so acquisition back-off before the
 * first job is left out. Also the nodes' peak resident memory.
 */
class ScaleOutBenchmark {

    static final int JOBS = Integer.getInteger("bench.jobs", 5_000);
    static final String KEY = "bench-async";

    JdbcTemplate db;
    ProcessEngine seeder;

    @Test
    void jobThroughputOfTwoNodesAgainstOne() {
        String jdbcUrl = PostgresTestDatabase.jdbcUrl(PostgresTestDatabase.createDatabase());
        db = new JdbcTemplate(new DriverManagerDataSource(jdbcUrl, "postgres", ""));
        AppNode node1 = node("bench-scale-node-1", jdbcUrl).start();
        AppNode node2 = node("bench-scale-node-2", jdbcUrl);
        try {
            ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                    .createStandaloneProcessEngineConfiguration()
                    .setProcessEngineName("bench-seeder")
                    .setJdbcUrl(jdbcUrl).setJdbcUsername("postgres").setJdbcPassword("")
                    .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE)
                    .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                    .setJobExecutorActivate(false);
            configuration.setIdGenerator(new StrongUuidGenerator());
            configuration.setDbMetricsReporterActivate(false);
            seeder = configuration.buildProcessEngine();
            seeder.getRepositoryService().createDeployment().addModelInstance(KEY + ".bpmn", Bpmn.createExecutableProcess(KEY)
                    .name("Bench: lege job").camundaHistoryTimeToLive(1).startEvent().serviceTask("leeg").name("Niets doen")
                    .camundaAsyncBefore().camundaExpression("${true}").endEvent().done()).deploy();

            run(500);
            Run one = run(JOBS);
            node2.start();
            run(500);
            Run two = run(JOBS);
            new BenchReport("scale-out", "Job throughput, " + JOBS + " async continuations, one node against two, on one PostgreSQL 17, "
                    + Runtime.getRuntime().availableProcessors() + " cores shared by nodes and database")
                    .line("one node:  %7.1f jobs/s   (%.1f s from first to last job; %s)", one.perSecond(), one.seconds(), one.byNode())
                    .line("two nodes: %7.1f jobs/s   (%.1f s from first to last job; %s)", two.perSecond(), two.seconds(), two.byNode())
                    .line("ratio two / one: %.2f", two.perSecond() / one.perSecond())
                    .line("peak resident memory (VmHWM): node 1 %d MB, node 2 %d MB", node1.residentPeakMb(), node2.residentPeakMb())
                    .write();
        } finally {
            if (seeder != null) {
                seeder.close();
            }
            node2.stop();
            node1.stop();
        }
    }

    private static AppNode node(String name, String jdbcUrl) {
        return AppNode.samenwerken(name, jdbcUrl).with("camunda.bpm.job-execution.max-wait", "5000");
    }

    record Run(double perSecond, double seconds, Map<String, Integer> byNode) {
    }

    /** Queues the jobs suspended, releases them at once, waits until all are done. */
    private Run run(int jobs) {
        seeder.getManagementService().suspendJobDefinitionByProcessDefinitionKey(KEY, true);
        for (int i = 0; i < jobs; i++) {
            seeder.getRuntimeService().startProcessInstanceByKey(KEY);
        }
        Timestamp released = new Timestamp(System.currentTimeMillis());
        seeder.getManagementService().activateJobDefinitionByProcessDefinitionKey(KEY, true);
        Await.until(Duration.ofMinutes(30), () -> db.queryForObject("select count(*) from act_ru_job where process_def_key_ = ?",
                Integer.class, KEY) == 0, () -> "jobs of " + KEY + " left");
        Map<String, Object> span = db.queryForMap("select min(timestamp_) as first, max(timestamp_) as last from act_hi_job_log"
                + " where process_def_key_ = ? and job_state_ = 2 and timestamp_ >= ?", KEY, released);
        double seconds = (((Timestamp) span.get("last")).getTime() - ((Timestamp) span.get("first")).getTime()) / 1000.0;
        Map<String, Integer> byNode = new LinkedHashMap<>();
        db.query("select hostname_, count(*) from act_hi_job_log where process_def_key_ = ? and job_state_ = 2 and timestamp_ >= ?"
                + " group by hostname_ order by hostname_", row -> {
                    byNode.put(row.getString(1), row.getInt(2));
                }, KEY, released);
        return new Run(jobs / seconds, seconds, byNode);
    }
}
