package nl.regioamersfoort.samenwerken.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.regioamersfoort.samenwerken.ProcessDriver;
import nl.regioamersfoort.samenwerken.cluster.ProcStatus;
import nl.regioamersfoort.samenwerken.programma.NewProgramme;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Throughput through the engine API, in this JVM (the job executor off; due jobs run as the
 * process tests run them): whole local tracks, from the programme start that opens them to the
 * wethouder's consent on the closing evaluation (16 user tasks each: inventory, plan, one activity,
 * closing evaluation and their wethouder gates, with the deadline watches, case files and audit
 * trail they bring), against the same number of user tasks in a process with one user task and
 * nothing else. Each person completes their task with their authorizations checked. Also the
 * memory this JVM used meanwhile: peak heap (memory pools) and peak resident memory (VmHWM).
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
@Import(StatementCounter.class)
abstract class TrackThroughput {

    /** The seven municipalities with a funded local track once Eemnes and Nijkerk joined (2024). */
    static final List<String> FUNDED = List.of("baarn", "bunschoten", "eemnes", "leusden", "nijkerk", "soest", "woudenberg");
    static final int PROGRAMMES = Integer.getInteger("bench.programmes", 2);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 5);  // at most 8: round r runs in 2090 + r

    @Autowired
    ProcessEngine engine;
    @Autowired
    Programmes programmes;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;

    ProcessDriver driver;
    int completed;

    abstract String database();

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void wholeLocalTracksAgainstOneTaskProcesses() {
        driver = new ProcessDriver(engine);
        repositoryService.createDeployment().addModelInstance("bench-een-taak.bpmn", Bpmn.createExecutableProcess("bench-een-taak")
                .name("Bench: één taak").camundaHistoryTimeToLive(1).startEvent().userTask("taak").name("Taak")
                .camundaCandidateGroups("beleidsambtenaar-baarn").endEvent().done()).deploy();
        // Its candidates work it as they work a track's tasks: through a grant on the process definition.
        Authorization work = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        work.setGroupId("beleidsambtenaar-baarn");
        work.setResource(Resources.PROCESS_DEFINITION);
        work.setResourceId("bench-een-taak");
        work.addPermission(ProcessDefinitionPermissions.READ_TASK);
        work.addPermission(ProcessDefinitionPermissions.TASK_WORK);
        engine.getAuthorizationService().saveAuthorization(work);

        // Warm-up (class loading, JIT, caches), not measured.
        runTracks(1, 2098);
        runOneTaskProcesses(100);

        // Rounds of tracks, each followed by as many one-task processes as it had user tasks: both then meet
        // the same database size, caches and machine load, and the median of the rounds' ratios counts.
        List<Double> ratios = new ArrayList<>();
        double trackSeconds = 0;
        double singleSeconds = 0;
        long trackHeap = 0;
        long singleHeap = 0;
        int tasks = 0;
        Map<String, Long> trackKinds = new java.util.TreeMap<>();
        Map<String, Long> baseline = new java.util.TreeMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            resetPeakHeap();
            StatementCounter.reset();
            long start = System.nanoTime();
            int roundTasks = runTracks(PROGRAMMES, 2090 + round);
            double roundTrackSeconds = (System.nanoTime() - start) / 1e9;
            trackHeap = Math.max(trackHeap, peakHeapMb());
            StatementCounter.top(Integer.MAX_VALUE).forEach(kind -> trackKinds.merge(kind.getKey(), kind.getValue(), Long::sum));

            resetPeakHeap();
            StatementCounter.reset();
            start = System.nanoTime();
            runOneTaskProcesses(roundTasks);
            double roundSingleSeconds = (System.nanoTime() - start) / 1e9;
            singleHeap = Math.max(singleHeap, peakHeapMb());
            StatementCounter.top(Integer.MAX_VALUE).forEach(kind -> baseline.merge(kind.getKey(), kind.getValue(), Long::sum));

            ratios.add(roundSingleSeconds / roundTrackSeconds);
            trackSeconds += roundTrackSeconds;
            singleSeconds += roundSingleSeconds;
            tasks += roundTasks;
        }
        long trackStatements = trackKinds.values().stream().mapToLong(Long::longValue).sum();
        long singleStatements = baseline.values().stream().mapToLong(Long::longValue).sum();
        int tracks = ROUNDS * PROGRAMMES * FUNDED.size();

        double trackTasksPerSecond = tasks / trackSeconds;
        double singleTasksPerSecond = tasks / singleSeconds;
        BenchReport report = new BenchReport("throughput-" + database(), "Throughput through the engine API on " + database() + ": " + tracks
                + " whole local tracks (" + ROUNDS + " rounds of " + PROGRAMMES + " programmes of " + FUNDED.size() + "), each round against as many"
                + " one-task processes as it had user tasks (" + tasks + " in all)")
                .line("one-task processes (baseline): %8.1f user tasks/s   (%d in %.1f s, peak heap %d MB)", singleTasksPerSecond, tasks,
                        singleSeconds, singleHeap)
                .line("whole local tracks:            %8.1f user tasks/s = %.2f tracks/s   (%d tracks, %d tasks, in %.1f s, peak heap %d MB)",
                        trackTasksPerSecond, tracks / trackSeconds, tracks, tasks, trackSeconds, trackHeap)
                .line("ratio tracks / baseline (per user task): median of the rounds %.3f (rounds %s), of the totals %.3f",
                        BenchReport.median(ratios), ratios.stream().map(r -> String.format(java.util.Locale.ROOT, "%.2f", r)).toList(),
                        trackTasksPerSecond / singleTasksPerSecond)
                .line("peak resident memory of this JVM (VmHWM, since its start): %d MB", ProcStatus.ownResidentPeakMb())
                .line("SQL statements per user task: baseline %.1f, whole tracks %.1f (everything each run did: starts, timers, completions)",
                        (double) singleStatements / tasks, (double) trackStatements / tasks);
        report.line("Statements by kind, per user task, most frequent first (whole tracks | baseline):");
        int all = tasks;
        trackKinds.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).forEach(kind -> report.line(
                "  %-40s %6.2f | %6.2f", kind.getKey(), (double) kind.getValue() / all, (double) baseline.getOrDefault(kind.getKey(), 0L) / all));
        report.write();
    }

    /**
     * Programmes of half a year (so the quarterly progress talk falls after the end), seven
     * municipalities each, every local track from start to finish. Returns the user tasks completed.
     */
    int runTracks(int count, int year) {
        completed = 0;
        ClockUtil.setCurrentTime(ProcessDriver.at(year + "-01-10T09:00:00"));
        List<String> tracks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String programme = programmes.start(new NewProgramme("Bench " + year + " nr. " + i, LocalDate.of(year, 1, 1),
                    LocalDate.of(year, 6, 30), FUNDED, LocalDate.of(year, 3, 31), LocalDate.of(year, 4, 30), LocalDate.of(year, 3, 31),
                    LocalDate.of(year, 4, 30), LocalDate.of(year, 5, 15), List.of(LocalDate.of(year, 5, 20))), "projectleider").getId();
            FUNDED.forEach(code -> tracks.add(programme + "-" + code));
        }
        driver.runDueJobs();
        for (String track : tracks) {
            String code = track.substring(track.lastIndexOf('-') + 1);
            complete(track, "inventarisatie-opstellen", "ambtenaar." + code, "watSpeeltLokaal", "Eenzaamheid onder ouderen",
                    "mogelijkeVervolgstap", "Gesprek met de bibliotheek");
            discuss(track, "inventarisatie-bespreken", code);
            // Beside the plan: the consent to share the inventory regionally.
            decideOn(track, "TOESTEMMING_INVENTARISATIE", code);
            complete(track, "maatwerkplan-opstellen", "ambtenaar." + code, "planSamenvatting", "Zichtbaarheid vergroten",
                    "activiteiten", "Voorlichting op scholen");
            discuss(track, "maatwerkplan-bespreken", code);
            decideOn(track, "VASTSTELLING", code);  // adoption by the portefeuillehouder
            // Beside the execution: the consent to share the plan, and R-01 on the activity.
            decideOn(track, "TOESTEMMING_MAATWERKPLAN", code);
            decideOn(track, "ACTIVITEIT", code);
            complete(track, "activiteit-uitvoeren", "ambtenaar." + code, "resultaat", "Goed bezocht");
        }
        driver.travelTo(year + "-06-30T09:00:00");
        for (String track : tracks) {
            String code = track.substring(track.lastIndexOf('-') + 1);
            complete(track, "slotevaluatie-opstellen", "adviseur", "evaluatie", "Slotevaluatie", "successen", "Netwerk staat");
            decideOn(track, "TOESTEMMING_SLOTEVALUATIE", code);
        }
        driver.runDueJobs();
        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("gemeentetraject").completed()
                .processInstanceBusinessKeyIn(tracks.toArray(String[]::new)).count()).isEqualTo(tracks.size());
        return completed;
    }

    private void complete(String track, String taskKey, String person, Object... variables) {
        driver.complete(track, taskKey, person, variables);
        completed++;
    }

    private void discuss(String track, String taskKey, String code) {
        complete(track, taskKey, "ambtenaar." + code, "gespreksdatum", ClockUtil.getCurrentTime(), "deelnemers", "Wethouder en beleidsambtenaar",
                "afspraken", "Verder", "uitkomst", "verder");
    }

    private void decideOn(String track, String subjectType, String code) {
        driver.decideOn(track, subjectType, code, "akkoord");
        completed += 2;
    }

    void runOneTaskProcesses(int count) {
        for (int i = 0; i < count; i++) {
            String instance = runtimeService.startProcessInstanceByKey("bench-een-taak").getId();
            Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
            driver.complete(task, "ambtenaar.baarn");
        }
    }

    static void resetPeakHeap() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    static long peakHeapMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);
    }
}
