package nl.regioamersfoort.samenwerken.bench;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.regioamersfoort.samenwerken.programma.NewProgramme;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Benchmark, not a test (`./mvnw -Pbench verify`): 10,000 reminder jobs delivered by the job
 * executor to a local SMTP server (GreenMail), beside the same number of empty async jobs measured
 * in the same run. Prints mails per second, the ratio to the empty jobs and the peak heap.
 */
@SpringBootTest(properties = {"camunda.bpm.job-execution.enabled=true", "spring.mail.host=localhost", "spring.mail.port=3025",
        "camunda.bpm.job-execution.max-pool-size=4", "camunda.bpm.job-execution.max-jobs-per-acquisition=50"})
@ActiveProfiles({"demo", "test"})
class ReminderDeliveryBenchmark {

    static final int JOBS = Integer.getInteger("bench.jobs", 10_000);

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    TaskService taskService;
    @Autowired
    Programmes programmes;

    @Test
    void deliverTenThousandReminders() throws Exception {
        deploy(Bpmn.createExecutableProcess("bench-leeg").name("Bench: lege job").camundaHistoryTimeToLive(1)
                .startEvent().serviceTask("leeg").name("Niets doen").camundaAsyncBefore().camundaExpression("${true}")
                .endEvent().done());
        deploy(Bpmn.createExecutableProcess("bench-herinnering").name("Bench: herinnering").camundaHistoryTimeToLive(1)
                .startEvent().serviceTask("versturen").name("Herinnering versturen").camundaAsyncBefore()
                .camundaExpression("${deadlineMail.send(execution, 'HERINNERING')}")
                .endEvent().done());
        String programme = programmes.start(new NewProgramme("Bench", LocalDate.of(2090, 1, 1), LocalDate.of(2091, 12, 31),
                List.of("baarn"), null, null, null, null, null, null), "projectleider").getId();
        String taskId = taskService.createTaskQuery().processInstanceBusinessKey(programme + "-baarn").singleResult().getId();

        resetPeakHeap();
        double emptyPerSecond = run("bench-leeg", Map.of());
        long emptyPeak = peakHeapMb();
        resetPeakHeap();
        double mailsPerSecond = run("bench-herinnering", Map.of("taakId", taskId, "ontvanger", "ambtenaar.baarn"));
        long mailPeak = peakHeapMb();
        int delivered = smtp.getReceivedMessages().length;

        System.out.printf("%nBENCH jobs=%d%nBENCH empty jobs/s=%.1f (peak heap %d MB)%nBENCH reminder mails/s=%.1f (peak heap %d MB, %d delivered)%n"
                + "BENCH ratio mails/empty=%.3f%n%n", JOBS, emptyPerSecond, emptyPeak, mailsPerSecond, mailPeak, delivered,
                mailsPerSecond / emptyPerSecond);
        if (delivered < JOBS) {
            throw new AssertionError("Only " + delivered + " of " + JOBS + " mails arrived");
        }
    }

    /** Queues all jobs suspended, then lets the job executor loose and times it until the last instance ends. */
    private double run(String key, Map<String, Object> variables) throws InterruptedException {
        managementService.suspendJobDefinitionByProcessDefinitionKey(key);
        for (int i = 0; i < JOBS; i++) {
            runtimeService.startProcessInstanceByKey(key, variables);
        }
        long start = System.nanoTime();
        managementService.activateJobDefinitionByProcessDefinitionKey(key, true);
        while (runtimeService.createProcessInstanceQuery().processDefinitionKey(key).count() > 0) {
            Thread.sleep(100);
            if (Duration.ofNanos(System.nanoTime() - start).toMinutes() > 20) {
                throw new AssertionError("Jobs of " + key + " not done within 20 minutes");
            }
        }
        return JOBS / (Duration.ofNanos(System.nanoTime() - start).toMillis() / 1000.0);
    }

    private void deploy(BpmnModelInstance model) {
        repositoryService.createDeployment().addModelInstance(model.getModelElementsByType(
                org.camunda.bpm.model.bpmn.instance.Process.class).iterator().next().getId() + ".bpmn", model).deploy();
    }

    private static void resetPeakHeap() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);
    }
}
