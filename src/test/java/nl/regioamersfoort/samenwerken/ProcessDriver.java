package nl.regioamersfoort.samenwerken;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.regioamersfoort.samenwerken.programma.NewProgramme;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/**
 * Walks the real process models as the people of Samenwerken would: each task is completed by a
 * named person (with their Camunda groups), time moves with ClockUtil and due jobs (timers, async
 * continuations) are executed as the job executor would.
 */
public final class ProcessDriver {

    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private final TaskService taskService;
    private final IdentityService identityService;
    private final ManagementService managementService;
    private final ProcessEngine engine;

    public ProcessDriver(ProcessEngine engine) {
        this.engine = engine;
        this.taskService = engine.getTaskService();
        this.identityService = engine.getIdentityService();
        this.managementService = engine.getManagementService();
    }

    /**
     * The projectleider starts a programme of two years from {@code year} through our API, on 10 January
     * of that year, with the default calendar (or this feedback date); returns the programme id.
     */
    public static String startProgramme(Programmes programmes, int year, LocalDate feedback, String... municipalities) {
        ClockUtil.setCurrentTime(at(year + "-01-10T09:00:00"));
        return programmes.start(new NewProgramme("Inclusie en diversiteit " + year + "-" + (year + 1), LocalDate.of(year, 1, 1),
                LocalDate.of(year + 1, 12, 31), List.of(municipalities), null, null, null, null, feedback, null), "projectleider").getId();
    }

    public static Date at(String isoLocalDateTime) {
        return Date.from(LocalDateTime.parse(isoLocalDateTime).atZone(ZONE).toInstant());
    }

    /** Moves the engine's clock and runs every job that is due then, until none is left. */
    public void travelTo(String isoLocalDateTime) {
        ClockUtil.setCurrentTime(at(isoLocalDateTime));
        runDueJobs();
    }

    public void runDueJobs() {
        for (int round = 0; round < 500; round++) {
            List<Job> due = managementService.createJobQuery().executable().list();
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                managementService.executeJob(job.getId());
            }
        }
        throw new AssertionError("Jobs keep coming: a timer loop?");
    }

    /** The one open task with this definition key in this case (business key), or a clear failure. */
    public Task task(String businessKey, String taskKey) {
        List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey).list();
        assertThat(tasks).as("open task '%s' in %s", taskKey, businessKey).hasSize(1);
        return tasks.get(0);
    }

    public List<Task> tasks(String businessKey, String taskKey) {
        return taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey).list();
    }

    public boolean hasTask(String businessKey, String taskKey) {
        return !tasks(businessKey, taskKey).isEmpty();
    }

    /** The engine acts for this person, with their groups and their municipalities' tenants, as behind the REST API and the webapps. */
    public static void authenticate(IdentityService identityService, String userId) {
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        List<String> tenants = identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
                .map(Tenant::getId).toList();
        identityService.setAuthentication(userId, groups, tenants);
    }

    /** Completes the task as this person, through the engine API and with the person's authorizations. */
    public void complete(Task task, String userId, Object... keyValues) {
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            variables.put((String) keyValues[i], keyValues[i + 1]);
        }
        authenticate(identityService, userId);
        try {
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    public void complete(String businessKey, String taskKey, String userId, Object... keyValues) {
        complete(task(businessKey, taskKey), userId, keyValues);
    }

    /**
     * One pass through the wethouder-besluit gate of this case: the ambtenaar prepares (keeping the
     * draft the process offers, if any), the decider decides.
     */
    public void decide(String businessKey, String municipality, String decider, String outcome) {
        Task prepare = task(businessKey, "besluit-voorbereiden");
        Object draft = taskService.getVariable(prepare.getId(), "voorstel");
        complete(prepare, "ambtenaar." + municipality, "voorstel", draft == null ? "Voorstel van de ambtenaar" : draft);
        complete(businessKey, "besluit-nemen", decider, "uitkomst", outcome, "motivering", "Motivering: " + outcome);
    }

    public void decide(String businessKey, String municipality, String outcome) {
        decide(businessKey, municipality, "wethouder." + municipality, outcome);
    }

    /**
     * The gate about this kind of subject ({@code onderwerpType}), where several are open at once in a
     * case: after the adoption, the consent to share the plan runs beside the decisions on activities.
     */
    public void decideOn(String businessKey, String subjectType, String municipality, String decider, String outcome) {
        Task prepare = gateTask(businessKey, subjectType, "besluit-voorbereiden");
        Object draft = taskService.getVariable(prepare.getId(), "voorstel");
        complete(prepare, "ambtenaar." + municipality, "voorstel", draft == null ? "Voorstel van de ambtenaar" : draft);
        complete(gateTask(businessKey, subjectType, "besluit-nemen"), decider, "uitkomst", outcome, "motivering", "Motivering: " + outcome);
    }

    public void decideOn(String businessKey, String subjectType, String municipality, String outcome) {
        decideOn(businessKey, subjectType, municipality, "wethouder." + municipality, outcome);
    }

    public Task gateTask(String businessKey, String subjectType, String taskKey) {
        List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey)
                .processVariableValueEquals("onderwerpType", subjectType).list();
        assertThat(tasks).as("open task '%s' about %s in %s", taskKey, subjectType, businessKey).hasSize(1);
        return tasks.get(0);
    }

    /**
     * The conversation about the inventory or the plan (whichever is open), recorded by the
     * ambtenaar as held today: "verder", "aanvullen" or "stoppen", with a reason unless "verder".
     */
    public void discuss(String businessKey, String municipality, String outcome) {
        List<Task> open = taskService.createTaskQuery().processInstanceBusinessKey(businessKey)
                .taskDefinitionKeyIn("inventarisatie-bespreken", "maatwerkplan-bespreken").list();
        assertThat(open).as("an open discussion in %s", businessKey).hasSize(1);
        complete(open.get(0), "ambtenaar." + municipality, "gespreksdatum", ClockUtil.getCurrentTime(),
                "deelnemers", "Wethouder en beleidsambtenaar " + municipality, "afspraken", "Afgesproken: " + outcome,
                "uitkomst", outcome, "toelichting", outcome.equals("verder") ? null : "Reden: " + outcome);
    }

    /** R1 and R2: the overview of (sub)topics and the plan of approach, each written, prepared in the stuurgroep and shared in the BOSD. */
    public void shareRegionalDocuments(String region) {
        for (String document : List.of("overzicht-onderwerpen", "plan-van-aanpak")) {
            complete(region, document + "-opstellen", "projectleider", document.equals("overzicht-onderwerpen") ? "onderwerpen" : "planVanAanpak",
                    "Tekst");
            complete(region, document + "-voorbereiden", "stuurgroep", "verslag", "Voorbereid");
            complete(region, document + "-delen", "bosd", "verslag", "Gedeeld");
        }
    }

    /** A municipality's beleidsambtenaar shares a contribution with the region from Tasklist's start form "Inbreng voor de regio". */
    public void contribute(String programme, String municipality, String kind, String text) {
        authenticate(identityService, "ambtenaar." + municipality);
        try {
            String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("regionale-inbreng")
                    .latestVersion().singleResult().getId();
            // The form asks no municipality: the case is the beleidsambtenaar's own.
            engine.getFormService().submitStartForm(definition, Map.of("programmaId", programme, "soort", kind, "tekst", text));
        } finally {
            identityService.clearAuthentication();
        }
    }

    /**
     * From a drafted plan to execution the usual way: the plan is discussed ("verder") and adopted
     * by the portefeuillehouder; the consent to share it stays open beside the execution.
     */
    public void discussAndAdoptPlan(String businessKey, String municipality) {
        discuss(businessKey, municipality, "verder");
        decideOn(businessKey, "VASTSTELLING", municipality, "akkoord");
    }
}
