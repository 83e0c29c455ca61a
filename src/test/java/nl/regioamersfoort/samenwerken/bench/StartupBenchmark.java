package nl.regioamersfoort.samenwerken.bench;

import java.util.ArrayList;
import java.util.List;
import nl.regioamersfoort.barecamunda.BareCamundaApplication;
import nl.regioamersfoort.samenwerken.Http;
import nl.regioamersfoort.samenwerken.PostgresTestDatabase;
import nl.regioamersfoort.samenwerken.cluster.AppNode;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test ({@code ./mvnw -Pbench verify -Dtest=StartupBenchmark}): wall time from
 * launching the JVM until Samenwerken is ready (health UP and Tasklist answering 200 to a logged-in
 * person), against a bare Camunda 7.24 Spring Boot webapp on the same kind of database (embedded
 * PostgreSQL), both as their own JVM from the test classpath with -Xmx512m. Each round starts both
 * on a fresh database (schemas created, models deployed) and then once more on that database (a
 * restart, as a node joining a running cluster); the median of the rounds counts.
 */
class StartupBenchmark {

    static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

    @Test
    void samenwerkenReadyAgainstABareCamundaWebapp() {
        List<Long> samenwerkenFresh = new ArrayList<>();
        List<Long> samenwerkenRestart = new ArrayList<>();
        List<Long> bareFresh = new ArrayList<>();
        List<Long> bareRestart = new ArrayList<>();
        List<Long> samenwerkenResident = new ArrayList<>();
        List<Long> bareResident = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            // Alternate which goes first, so neither always meets a warmer page cache.
            for (boolean samenwerken : round % 2 == 0 ? new boolean[] {true, false} : new boolean[] {false, true}) {
                AppNode node = samenwerken ? samenwerken() : bare();
                node.start(samenwerken ? StartupBenchmark::tasklistForBeheer : StartupBenchmark::tasklistAnonymous);
                (samenwerken ? samenwerkenFresh : bareFresh).add(node.readyAfter().toMillis());
                (samenwerken ? samenwerkenResident : bareResident).add(node.residentPeakMb());
                node.stop();
                node.start(samenwerken ? StartupBenchmark::tasklistForBeheer : StartupBenchmark::tasklistAnonymous);
                (samenwerken ? samenwerkenRestart : bareRestart).add(node.readyAfter().toMillis());
                node.stop();
            }
        }
        new BenchReport("startup", "Start-up until ready (health UP and Tasklist 200), median of " + ROUNDS + " rounds, -Xmx512m, embedded PostgreSQL 17")
                .line("bare Camunda webapp, fresh database:  %6.1f s   (rounds %s ms)", BenchReport.median(bareFresh) / 1000, bareFresh)
                .line("Samenwerken, fresh database:          %6.1f s   (rounds %s ms)", BenchReport.median(samenwerkenFresh) / 1000, samenwerkenFresh)
                .line("ratio Samenwerken / bare, fresh:      %6.2f", BenchReport.median(samenwerkenFresh) / BenchReport.median(bareFresh))
                .line("bare Camunda webapp, restart:         %6.1f s   (rounds %s ms)", BenchReport.median(bareRestart) / 1000, bareRestart)
                .line("Samenwerken, restart:                 %6.1f s   (rounds %s ms)", BenchReport.median(samenwerkenRestart) / 1000, samenwerkenRestart)
                .line("ratio Samenwerken / bare, restart:    %6.2f", BenchReport.median(samenwerkenRestart) / BenchReport.median(bareRestart))
                .line("resident memory when ready (VmHWM):   bare %.0f MB, Samenwerken %.0f MB (medians)", BenchReport.median(bareResident),
                        BenchReport.median(samenwerkenResident))
                .write();
    }

    private static AppNode samenwerken() {
        return AppNode.samenwerken("bench-startup-samenwerken", PostgresTestDatabase.jdbcUrl(PostgresTestDatabase.createDatabase()));
    }

    /**
     * What a starter project has: an administrator, so the webapps open instead of asking to create one.
     * It deploys Samenwerken's models and decision tables (not its forms), as the starter finds them on
     * the classpath: the engine's parse of the same models then counts on both sides. Only those of
     * target/classes: the test classpath also holds a test's old version of a model.
     */
    private static AppNode bare() {
        return AppNode.of("bench-startup-bare", BareCamundaApplication.class.getName())
                .jvm("-Xmx512m")
                .with("spring.config.name", "bare-camunda")
                .with("spring.datasource.url", PostgresTestDatabase.jdbcUrl(PostgresTestDatabase.createDatabase()))
                .with("spring.datasource.username", "postgres")
                .with("spring.datasource.password", "")
                .with("camunda.bpm.deployment-resource-pattern", "classpath*:processes/*.bpmn,classpath*:processes/*.dmn")
                .with("camunda.bpm.admin-user.id", "demo")
                .with("camunda.bpm.admin-user.password", "demo");
    }

    /** Samenwerken's Tasklist sits behind its login page: log in as a person does, then open it. */
    private static boolean tasklistForBeheer(AppNode node) {
        Http browser = Http.browser(node.port());
        return browser.login("beheer", "demo").statusCode() == 302
                && browser.get("/camunda/app/tasklist/default/", "text/html").statusCode() == 200;
    }

    private static boolean tasklistAnonymous(AppNode node) {
        return Http.anonymous(node.port()).get("/camunda/app/tasklist/default/", "text/html").statusCode() == 200;
    }
}
