package nl.regioamersfoort.samenwerken.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import nl.regioamersfoort.samenwerken.budget.AdviserHours;
import nl.regioamersfoort.samenwerken.platform.time.DemoTime;
import nl.regioamersfoort.samenwerken.platform.time.EngineClock;
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
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A newcomer who starts the demo finds the 2022-2023 programme of seed 000 in motion (Baarn,
 * Bunschoten, Leusden, Soest and Woudenberg funded, Amersfoort regional): some inventories written
 * and discussed, Leusden's wethouder asking for more, Baarn's plan adopted and in execution with an
 * activity approved, an activity money request, adviser hours and the regional overview of topics.
 * All of it is done through the real processes, as the demo people, each step on its own day; then
 * the demo's time runs on from {@link #DEMO_DATE}. Only into an empty demo, once: a restart, or a
 * demo someone already worked in, is left alone. {@code samenwerken.demo.programma-in-gang=false}
 * starts the demo empty.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "samenwerken.demo.programma-in-gang", havingValue = "true", matchIfMissing = true)
class DemoProgramme {

    static final String PROGRAMME = "inclusie-2022-2023";
    /** A Monday after the inventories were due (29 April 2022), before the plans are (30 June). */
    static final LocalDateTime DEMO_DATE = LocalDateTime.of(2022, 5, 16, 9, 0);

    private static final Logger log = LoggerFactory.getLogger(DemoProgramme.class);

    private final Programmes programmes;
    private final AdviserHours adviserHours;
    private final DemoTime demoTime;
    private final ProcessEngine engine;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final ManagementService managementService;

    DemoProgramme(Programmes programmes, AdviserHours adviserHours, DemoTime demoTime, ProcessEngine engine) {
        this.programmes = programmes;
        this.adviserHours = adviserHours;
        this.demoTime = demoTime;
        this.engine = engine;
        this.taskService = engine.getTaskService();
        this.identityService = engine.getIdentityService();
        this.managementService = engine.getManagementService();
    }

    @EventListener(ApplicationReadyEvent.class)
    void putTheProgrammeInMotion() {
        if (!programmes.all().isEmpty()) {
            return;
        }
        log.info("Demo: starting programme {} and working on it up to {}", PROGRAMME, DEMO_DATE);
        try {
            work();
            log.info("Demo: programme {} is in motion; the demo's time runs from {}", PROGRAMME, DEMO_DATE);
        } catch (RuntimeException e) {
            log.warn("Demo: putting programme {} in motion stopped halfway; the demo works, with less done", PROGRAMME, e);
        } finally {
            demoTime.moveTo(DEMO_DATE);
        }
    }

    private void work() {
        on("2022-01-10T09:00");
        // No municipalities named: every member of the region on 1 January 2022 (Eemnes and Nijkerk join in 2024).
        programmes.start(new NewProgramme("Inclusie en diversiteit 2022-2023", LocalDate.of(2022, 1, 1), LocalDate.of(2023, 12, 31),
                List.of(), null, null, null, null, null, null), "projectleider");

        on("2022-03-01T10:00");
        inventory("baarn", "Jongeren met een beperking vinden moeilijk een sportclub; LHBTI+ ouderen voelen zich eenzaam.",
                "Gesprek met de sportverenigingen en de bibliotheek");
        inventory("leusden", "Er is weinig zicht op discriminatie-ervaringen.", "Meldpunt bekender maken");
        inventory("soest", "Een regenboogvereniging zoekt samenwerking met de gemeente.", "Kennismaking plannen");

        on("2022-03-08T14:00");
        discuss("baarn", "verder", null);
        // Leusden's wethouder asks for more: the reason goes to whoever completes the inventory.
        discuss("leusden", "aanvullen", "Graag ook de ervaringen van jongeren meenemen.");

        on("2022-03-15T10:00");
        decideOn("baarn", "TOESTEMMING_INVENTARISATIE", "akkoord", "Mag regionaal gedeeld worden.");

        on("2022-04-04T10:00");
        complete(track("baarn"), "maatwerkplan-opstellen", "ambtenaar.baarn", "planSamenvatting",
                "Zichtbaarheid vergroten via scholen en sport; samen met de GGD en de openbare bibliotheek.",
                "activiteiten", "Voorlichting op scholen | GGD, openbare bibliotheek\nGesprek met de sportverenigingen | Sportraad Baarn");

        on("2022-04-11T14:00");
        discuss("baarn", "verder", null);
        decideOn("baarn", "VASTSTELLING", "akkoord", "Het plan past bij Baarn; vastgesteld door de portefeuillehouder.");

        on("2022-04-19T10:00");
        decideOnActivity("baarn", "Voorlichting op scholen", "akkoord", "Goed plan, ga van start.");

        on("2022-04-20T10:00");
        as("ambtenaar.baarn", () -> {
            String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("activiteitengeld-aanvraag")
                    .latestVersion().singleResult().getId();
            Map<String, Object> request = new HashMap<>();
            request.put("programmaId", PROGRAMME);
            request.put("activiteit", "Voorlichting op scholen: drukwerk en gastsprekers");
            request.put("doelgroepen", List.of("LHBTI", "HANDICAP_OF_CHRONISCHE_ZIEKTE"));
            request.put("zichtbaarheid", "Leerlingen horen van leeftijdgenoten wat het is om LHBTI+ te zijn of een beperking te hebben.");
            request.put("bedrag", "750,00");
            return engine.getFormService().submitStartForm(definition, request);
        });

        on("2022-04-21T16:00");
        adviserHours.book(PROGRAMME, "baarn", "3", LocalDate.of(2022, 4, 21), "Maatwerkplan Baarn voorbereid met de beleidsambtenaar", "adviseur");
        adviserHours.book(PROGRAMME, null, "2", LocalDate.of(2022, 4, 21), "Overzicht van de (deel)onderwerpen voorbereid", "adviseur");

        on("2022-04-25T10:00");
        complete(PROGRAMME + "-regio", "overzicht-onderwerpen-opstellen", "projectleider", "onderwerpen",
                "Deelonderwerpen waarop de gemeenten kunnen samenwerken: onderwijs, sport, ouderen en eenzaamheid.");
    }

    private static String track(String municipality) {
        return PROGRAMME + "-" + municipality;
    }

    /** The engine's clock at this moment for the next step (the demo's own time is set when all is done). */
    private static void on(String moment) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(moment).atZone(EngineClock.ZONE).toInstant()));
    }

    private void inventory(String municipality, String situation, String nextStep) {
        complete(track(municipality), "inventarisatie-opstellen", "ambtenaar." + municipality, "watSpeeltLokaal", situation,
                "mogelijkeVervolgstap", nextStep);
    }

    /** The conversation with the wethouder, recorded by the beleidsambtenaar as held today. */
    private void discuss(String municipality, String outcome, String reason) {
        Task conversation = await(() -> taskService.createTaskQuery().processInstanceBusinessKey(track(municipality))
                .taskDefinitionKeyIn("inventarisatie-bespreken", "maatwerkplan-bespreken"));
        complete(conversation, "ambtenaar." + municipality, "gespreksdatum", ClockUtil.getCurrentTime(), "deelnemers",
                "Wethouder en beleidsambtenaar", "afspraken", reason == null ? "Helder; we gaan verder." : reason,
                "uitkomst", outcome, "toelichting", reason);
    }

    /** One pass through the wethouder's gate on this subject: the beleidsambtenaar prepares, the wethouder decides. */
    private void decideOn(String municipality, String subject, String outcome, String motivation) {
        decide(municipality, () -> taskService.createTaskQuery().processInstanceBusinessKey(track(municipality))
                .processVariableValueEquals("onderwerpType", subject), outcome, motivation);
    }

    private void decideOnActivity(String municipality, String activity, String outcome, String motivation) {
        decide(municipality, () -> taskService.createTaskQuery().processInstanceBusinessKey(track(municipality))
                .processVariableValueEquals("onderwerpType", "ACTIVITEIT").taskNameLike("%: " + activity), outcome, motivation);
    }

    private void decide(String municipality, Supplier<TaskQuery> gate, String outcome, String motivation) {
        Task prepare = await(() -> gate.get().taskDefinitionKey("besluit-voorbereiden"));
        Object draft = taskService.getVariable(prepare.getId(), "voorstel");
        complete(prepare, "ambtenaar." + municipality, "voorstel", draft == null ? "Graag uw besluit." : draft);
        complete(await(() -> gate.get().taskDefinitionKey("besluit-nemen")), "wethouder." + municipality, "uitkomst", outcome,
                "motivering", motivation);
    }

    private void complete(String businessKey, String taskKey, String user, Object... keyValues) {
        complete(await(() -> taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey)),
                user, keyValues);
    }

    private void complete(Task task, String user, Object... keyValues) {
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            variables.put((String) keyValues[i], keyValues[i + 1]);
        }
        as(user, () -> {
            taskService.complete(task.getId(), variables);
            return null;
        });
    }

    /** As this person, with their groups and municipality: the engine checks what they may do. */
    private <T> T as(String user, Supplier<T> action) {
        List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        List<String> tenants = identityService.createTenantQuery().userMember(user).includingGroupsOfUser(true).list().stream()
                .map(Tenant::getId).toList();
        identityService.setAuthentication(user, groups, tenants);
        try {
            return action.get();
        } finally {
            identityService.clearAuthentication();
        }
    }

    /**
     * The one task the query finds. A step after an asynchronous continuation appears once its job ran:
     * the job executor runs it (the demo run), or this does (a run without one).
     */
    private Task await(Supplier<TaskQuery> query) {
        for (int attempt = 0; attempt < 100; attempt++) {
            List<Task> found = query.get().list();
            if (found.size() == 1) {
                return found.get(0);
            }
            if (found.size() > 1) {
                throw new IllegalStateException("Demo: " + found.size() + " tasks where one was expected: " + found);
            }
            for (Job job : managementService.createJobQuery().executable().list()) {
                try {
                    managementService.executeJob(job.getId());
                } catch (RuntimeException takenOrFailed) {
                    // Taken by the job executor meanwhile, or failing: then the engine retries it as it would any job.
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Demo: interrupted", e);
            }
        }
        throw new IllegalStateException("Demo: the expected task did not appear");
    }
}
