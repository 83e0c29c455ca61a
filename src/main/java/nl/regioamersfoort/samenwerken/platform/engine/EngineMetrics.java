package nl.regioamersfoort.samenwerken.platform.engine;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.stereotype.Component;

/**
 * The engine's own metrics on /actuator/prometheus, beside Spring Boot's JVM and HTTP metrics.
 *
 * <p>The counters read the sums the engine keeps in its database (ACT_RU_METER_LOG). Every node
 * writes its share there about every 15 minutes, so a counter lags by up to that much and shows the
 * total of the whole cluster: every node answers the same number, so take the maximum over nodes,
 * not the sum. The gauges count what is open now in the shared database, the same on every node.
 */
@Component
class EngineMetrics implements MeterBinder {

    /** The engine metrics worth a graph: work done, jobs (retries show as failures), decisions, cleanup. */
    static final List<String> COUNTED = List.of(
            Metrics.ROOT_PROCESS_INSTANCE_START,
            Metrics.ACTIVTY_INSTANCE_START,
            Metrics.ACTIVTY_INSTANCE_END,
            Metrics.JOB_SUCCESSFUL,
            Metrics.JOB_FAILED,
            Metrics.JOB_ACQUISITION_ATTEMPT,
            Metrics.JOB_ACQUIRED_SUCCESS,
            Metrics.JOB_ACQUIRED_FAILURE,
            Metrics.JOB_EXECUTION_REJECTED,
            Metrics.JOB_LOCKED_EXCLUSIVE,
            Metrics.EXECUTED_DECISION_INSTANCES,
            Metrics.HISTORY_CLEANUP_REMOVED_PROCESS_INSTANCES,
            Metrics.HISTORY_CLEANUP_REMOVED_DECISION_INSTANCES);

    private final ProcessEngine engine;

    EngineMetrics(ProcessEngine engine) {
        this.engine = engine;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        ManagementService management = engine.getManagementService();
        for (String metric : COUNTED) {
            // The service is the counter's state: Micrometer holds it weakly, and Spring keeps it alive.
            FunctionCounter.builder(meterName(metric), management, service -> service.createMetricsQuery().name(metric).sum())
                    .description("Camunda engine metric '" + metric + "', all nodes together (reported to the database every 15 minutes)")
                    .register(registry);
        }
        Gauge.builder("camunda.incidents.open", this, metrics -> metrics.count(() -> engine.getRuntimeService().createIncidentQuery().count()))
                .description("Open incidents (failed jobs without retries left), as Cockpit shows them")
                .register(registry);
        Gauge.builder("camunda.user.tasks.open", this, metrics -> metrics.count(() -> engine.getTaskService().createTaskQuery().count()))
                .description("Open user tasks of all people and groups")
                .register(registry);
        Gauge.builder("camunda.jobs.executable", this, metrics -> metrics.count(() -> management.createJobQuery().executable().count()))
                .description("Jobs that are due and have retries left: a growing number means the job executors fall behind")
                .register(registry);
    }

    /** activity-instance-start becomes camunda.activity.instance.start (camunda_activity_instance_start_total in Prometheus). */
    static String meterName(String metric) {
        return "camunda." + metric.replace('-', '.');
    }

    /**
     * Counts everything, whoever asks: with authorization checks on, a query run on a thread that
     * carries a Camunda login would count only what that person may see.
     */
    private double count(Callable<Long> query) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        Long count = configuration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(query));
        return count.doubleValue();
    }
}
