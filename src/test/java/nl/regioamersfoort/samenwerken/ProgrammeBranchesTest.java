package nl.regioamersfoort.samenwerken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import nl.regioamersfoort.samenwerken.besluit.Decisions;
import nl.regioamersfoort.samenwerken.besluit.SubjectType;
import nl.regioamersfoort.samenwerken.platform.form.InvalidInputException;
import nl.regioamersfoort.samenwerken.programma.NewProgramme;
import nl.regioamersfoort.samenwerken.programma.ProgrammeStatus;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every branch of the programme cycle besides the straight path: loops, rejections, the election
 * feedback (continue, adjust, stop), municipalities joining, a new portefeuillehouder, and the two
 * hard rules attacked through the engine API and the REST API.
 */
@DemoApplicationTest
class ProgrammeBranchesTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    Programmes programmes;
    @Autowired
    Decisions decisions;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    ProcessDriver driver;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        driver = new ProcessDriver(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    String start(int year, LocalDate feedback, String... municipalities) {
        return ProcessDriver.startProgramme(programmes, year, feedback, municipalities);
    }

    /** Inventory and plan discussed, the plan adopted and consented to: the track is in execution. */
    void toExecution(String programme, String code) {
        String track = programme + "-" + code;
        driver.complete(track, "inventarisatie-opstellen", "ambtenaar." + code, "watSpeeltLokaal", "Situatie", "mogelijkeVervolgstap", "Stap");
        driver.discuss(track, code, "verder");
        driver.decideOn(track, "TOESTEMMING_INVENTARISATIE", code, "akkoord");
        driver.complete(track, "maatwerkplan-opstellen", "ambtenaar." + code, "planSamenvatting", "Plan", "activiteiten", "Voorlichting\nGesprek");
        driver.discussAndAdoptPlan(track, code);
        driver.decideOn(track, "TOESTEMMING_MAATWERKPLAN", code, "akkoord");
    }

    ProcessInstance track(String businessKey) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("gemeentetraject").processInstanceBusinessKey(businessKey)
                .singleResult();
    }

    @Test
    void leavingTheProgrammeIsTheWethoudersOwnDecisionAndTheProjectleiderAndStuurgroepHearOfIt() {
        String programme = start(2030, null, "baarn", "soest");
        String baarn = programme + "-baarn";
        driver.complete(baarn, "inventarisatie-opstellen", "ambtenaar.baarn", "watSpeeltLokaal", "Weinig", "mogelijkeVervolgstap", "Geen");

        // The conversation raises leaving; the wethouder decides, with the conversation's reason as the draft. A "no" goes on.
        driver.discuss(baarn, "baarn", "stoppen");
        assertThat(track(baarn)).isWaitingAt("deelname-beeindigen");
        Task prepare = driver.gateTask(baarn, "DEELNAME_BEEINDIGEN", "besluit-voorbereiden");
        assertThat(taskService.getVariable(prepare.getId(), "voorstel").toString()).contains("over de inventarisatie", "Reden: stoppen");
        driver.decideOn(baarn, "DEELNAME_BEEINDIGEN", "baarn", "afwijzen");
        assertThat(track(baarn)).isWaitingAt("inventarisatie-opstellen");
        assertThat(taskService.getVariableLocal(driver.task(baarn, "inventarisatie-opstellen").getId(), "terugkoppeling").toString())
                .contains("dat de gemeente meedoet", "Motivering: afwijzen");

        // The second time the wethouder decides to leave: the track stops, and each projectleider and stuurgroep member is told.
        driver.complete(baarn, "inventarisatie-opstellen", "ambtenaar.baarn", "watSpeeltLokaal", "Weinig", "mogelijkeVervolgstap", "Geen");
        driver.discuss(baarn, "baarn", "stoppen");
        String instance = track(baarn).getId();
        driver.decideOn(baarn, "DEELNAME_BEEINDIGEN", "baarn", "akkoord");
        // Each mail is its own job: none is sent inside the wethouder's completion.
        assertThat(jdbc.queryForObject("select count(*) from mail_message where task_id = ?", Integer.class, instance)).isZero();
        driver.runDueJobs();
        assertThat(track(baarn)).isNull();
        assertThat(jdbc.queryForObject("select phase from local_track where id = ?", String.class, baarn)).isEqualTo("GESTOPT");
        List<String> told = jdbc.queryForList("select recipient from mail_message where kind = 'DEELNAME_BEEINDIGD' and task_id = ?",
                String.class, instance);
        Set<String> expected = new TreeSet<>();
        for (String group : List.of("projectleider", "stuurgroep-sd")) {
            identityService.createUserQuery().memberOfGroup(group).list().forEach(user -> expected.add(user.getId()));
        }
        assertThat(told).contains("projectleider", "stuurgroep").containsExactlyInAnyOrderElementsOf(expected);
        assertThat(driver.task(programme + "-soest", "inventarisatie-opstellen")).isNotNull();
    }

    @Test
    void aDiscussionNeverEndsATrackAndTheCollegeAdoptsOnceByDateAndNumber() {
        jdbc.update("update municipality set adopting_body = 'COLLEGE' where code = 'bunschoten'");
        try {
            String programme = start(2032, null, "bunschoten");
            String track = programme + "-bunschoten";
            driver.complete(track, "inventarisatie-opstellen", "adviseur", "watSpeeltLokaal", "Situatie", "mogelijkeVervolgstap", "Stap");
            driver.discuss(track, "bunschoten", "verder");
            driver.complete(track, "maatwerkplan-opstellen", "ambtenaar.bunschoten", "planSamenvatting", "Eerste versie", "activiteiten", "Voorlichting");
            driver.discuss(track, "bunschoten", "aanvullen");
            // Back to the plan, with what was written before and why.
            Task plan = driver.task(track, "maatwerkplan-opstellen");
            assertThat(taskService.getVariable(plan.getId(), "planSamenvatting")).isEqualTo("Eerste versie");
            assertThat(taskService.getVariableLocal(plan.getId(), "terugkoppeling").toString()).contains("Reden: aanvullen");
            driver.complete(plan, "ambtenaar.bunschoten", "planSamenvatting", "Tweede versie", "activiteiten", "Voorlichting\nSportdag");
            driver.discuss(track, "bunschoten", "verder");

            // The DMN sends the adoption to the college, recorded by the beleidsambtenaar with the college decision's date and number.
            driver.complete(driver.gateTask(track, "VASTSTELLING", "besluit-voorbereiden"), "ambtenaar.bunschoten", "voorstel",
                    "Collegebesluit van 1 maart");
            Task adoption = driver.gateTask(track, "VASTSTELLING", "besluit-nemen");
            assertThat(adoption.getName()).isEqualTo("Besluit: Collegebesluit vastleggen: maatwerkplan Bunschoten");
            assertThat(taskService.getVariableLocal(adoption.getId(), "collegebesluit")).isEqualTo(true);
            assertThat(taskService.getIdentityLinksForTask(adoption.getId())).anySatisfy(link ->
                    assertThat(link.getGroupId()).isEqualTo("beleidsambtenaar-bunschoten"));
            assertThatThrownBy(() -> driver.complete(adoption, "ambtenaar.bunschoten", "uitkomst", "akkoord", "motivering", "College akkoord"))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("nummer van het collegebesluit");
            assertThatThrownBy(() -> driver.complete(adoption, "ambtenaar.bunschoten", "uitkomst", "akkoord", "motivering", "College akkoord",
                    "collegebesluitDatum", "2032-12-01", "collegebesluitNummer", "2032-0417"))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("in de toekomst");

            // The college does not adopt: the plan goes back with the college's reason, the track goes on.
            driver.complete(adoption, "ambtenaar.bunschoten", "uitkomst", "afwijzen", "motivering", "Eerst de sportclubs betrekken",
                    "collegebesluitDatum", "2032-01-10", "collegebesluitNummer", "2032-0012");
            plan = driver.task(track, "maatwerkplan-opstellen");
            assertThat(taskService.getVariableLocal(plan.getId(), "terugkoppeling").toString())
                    .startsWith("Niet vastgesteld op").contains("Eerst de sportclubs betrekken");
            driver.complete(plan, "ambtenaar.bunschoten", "planSamenvatting", "Derde versie", "activiteiten", "Voorlichting\nSportdag");
            driver.discuss(track, "bunschoten", "verder");
            driver.complete(driver.gateTask(track, "VASTSTELLING", "besluit-voorbereiden"), "ambtenaar.bunschoten", "voorstel",
                    "Collegebesluit van 10 januari");
            driver.complete(driver.gateTask(track, "VASTSTELLING", "besluit-nemen"), "ambtenaar.bunschoten", "uitkomst", "akkoord",
                    "motivering", "College akkoord",
                    "collegebesluitDatum", "2032-01-10", "collegebesluitNummer", "2032-0013");
            assertThat(jdbc.queryForMap("select college_decision_date, college_decision_number from decision where subject_type = 'VASTSTELLING'"
                    + " and subject_ref = ? and outcome = 'AKKOORD'", track)).containsEntry("college_decision_number", "2032-0013");

            // The case file names the college's own decision beside who recorded it.
            Http browser = Http.browser(port);
            browser.login("ambtenaar.bunschoten", "demo");
            assertThat(browser.get("/dashboard/traject/" + track, "text/html").body()).contains("collegebesluit 2032-0013 van 10 januari 2032");

            // Adopted once: execution starts, and the consent to share is asked beside it.
            assertThat(track(track)).isWaitingAt("activiteit-besluit", "einde-looptijd", "toestemming-maatwerkplan");
            assertThat(driver.gateTask(track, "TOESTEMMING_MAATWERKPLAN", "besluit-voorbereiden").getName())
                    .isEqualTo("Voorbereiden: Maatwerkplan Bunschoten regionaal delen");
        } finally {
            jdbc.update("update municipality set adopting_body = 'PORTEFEUILLEHOUDER' where code = 'bunschoten'");
        }
    }

    @Test
    void afterTheElectionsTheBosdSendsChosenPlansBackForAdjustment() {
        String programme = start(2034, LocalDate.of(2034, 9, 1), "baarn", "soest", "leusden", "woudenberg");
        String baarn = programme + "-baarn";
        String woudenberg = programme + "-woudenberg";
        toExecution(programme, "baarn");
        toExecution(programme, "soest");
        // Woudenberg's plan is adopted and carried out; its wethouder has not yet answered whether it may be shared.
        driver.complete(woudenberg, "inventarisatie-opstellen", "ambtenaar.woudenberg", "watSpeeltLokaal", "Situatie", "mogelijkeVervolgstap", "Stap");
        driver.discuss(woudenberg, "woudenberg", "verder");
        driver.complete(woudenberg, "maatwerkplan-opstellen", "ambtenaar.woudenberg", "planSamenvatting", "Plan", "activiteiten", "Voorlichting");
        driver.discussAndAdoptPlan(woudenberg, "woudenberg");
        driver.gateTask(woudenberg, "TOESTEMMING_MAATWERKPLAN", "besluit-voorbereiden");
        // Baarn's wethouder approved "Voorlichting" already; "Gesprek" still waits. Leusden is still writing its inventory.
        driver.complete(named(driver.tasks(baarn, "besluit-voorbereiden"), "Voorbereiden: Voorlichting"), "ambtenaar.baarn", "voorstel", "Graag");
        driver.complete(driver.task(baarn, "besluit-nemen"), "wethouder.baarn", "uitkomst", "akkoord", "motivering", "Goed");
        assertThat(driver.tasks(baarn, "activiteit-uitvoeren")).extracting(Task::getName).containsExactly("Uitvoeren: Voorlichting");
        Task leusdenInventory = driver.task(programme + "-leusden", "inventarisatie-opstellen");

        driver.travelTo("2034-09-01T10:00:00");
        driver.complete(programme, "terugkoppeling-voorbereiden", "stuurgroep", "advies", "Baarn bijsturen");
        driver.complete(programme, "koers-kiezen", "bosd", "koers", "bijsturen", "toelichting", "Nieuwe wethouder in Baarn",
                "bijsturenGemeenten", List.of("baarn", "leusden", "woudenberg"));

        assertThat(track(baarn)).isWaitingAt("maatwerkplan-opstellen");
        assertThat(driver.tasks(baarn, "besluit-voorbereiden")).isEmpty();
        assertThat(driver.tasks(baarn, "activiteit-uitvoeren")).isEmpty();
        assertThat(track(programme + "-soest")).isWaitingAt("activiteit-besluit", "einde-looptijd");
        // Leusden's plan is not in execution yet: not ignored, its open task says what the BOSD asked.
        assertThat(taskService.getTaskComments(leusdenInventory.getId())).anySatisfy(comment ->
                assertThat(comment.getFullMessage()).contains("Bijsturen gevraagd door het BOSD", "Nieuwe wethouder in Baarn"));

        // The revised plan keeps "Voorlichting" and "Gesprek" and adds "Buurtfeest"; once adopted again, the approved
        // activity goes straight back to execution, the other two to the wethouder.
        driver.complete(baarn, "maatwerkplan-opstellen", "ambtenaar.baarn", "planSamenvatting", "Plan na de verkiezingen",
                "activiteiten", "Voorlichting\nGesprek\nBuurtfeest");
        driver.discussAndAdoptPlan(baarn, "baarn");
        driver.decideOn(baarn, "TOESTEMMING_MAATWERKPLAN", "baarn", "akkoord");
        assertThat(driver.tasks(baarn, "activiteit-uitvoeren")).extracting(Task::getName).containsExactly("Uitvoeren: Voorlichting");
        assertThat(driver.tasks(baarn, "besluit-voorbereiden")).extracting(Task::getName)
                .containsExactlyInAnyOrder("Voorbereiden: Gesprek", "Voorbereiden: Buurtfeest");
        driver.complete(driver.task(baarn, "activiteit-uitvoeren"), "ambtenaar.baarn", "resultaat", "Goed bezocht");

        // Woudenberg's open request to share the old plan lapsed with it; the revised plan gets one request of its own.
        assertThat(track(woudenberg)).isWaitingAt("maatwerkplan-opstellen");
        // The request to share the inventory, which bijsturen does not touch, is still open.
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("wethouder-besluit").processInstanceBusinessKey(woudenberg)
                .list()).extracting(gate -> runtimeService.getVariable(gate.getId(), "onderwerpType")).containsExactly("TOESTEMMING_INVENTARISATIE");
        assertThat(historyService.createHistoricActivityInstanceQuery().activityId("toestemming-maatwerkplan-vervallen")
                .processInstanceId(track(woudenberg).getId()).count()).isEqualTo(1);
        // Its decision record says that it lapsed undecided, and when; the case file no longer shows it as waiting.
        assertThat(decisions.about(SubjectType.TOESTEMMING_MAATWERKPLAN, woudenberg)).singleElement().satisfies(lapsed -> {
            assertThat(lapsed.isOpen()).isFalse();
            assertThat(lapsed.getOutcome()).isNull();
            assertThat(lapsed.getDecidedBy()).isNull();
            assertThat(lapsed.getLapsedAt()).isBetween(LocalDateTime.of(2034, 9, 1, 10, 0), LocalDateTime.of(2034, 9, 2, 0, 0));
        });
        assertThat(decisions.about(SubjectType.TOESTEMMING_INVENTARISATIE, woudenberg)).singleElement()
                .satisfies(waiting -> assertThat(waiting.isOpen()).isTrue());
        Http projectleider = Http.browser(port);
        projectleider.login("projectleider", "demo");
        assertThat(projectleider.get("/dashboard/traject/" + woudenberg, "text/html").body())
                .contains("Vervallen zonder besluit (1 september 2034").contains("Nog niet besloten");
        driver.complete(woudenberg, "maatwerkplan-opstellen", "ambtenaar.woudenberg", "planSamenvatting", "Herzien plan",
                "activiteiten", "Voorlichting");
        driver.discussAndAdoptPlan(woudenberg, "woudenberg");
        assertThat(taskService.getVariable(driver.gateTask(woudenberg, "TOESTEMMING_MAATWERKPLAN", "besluit-voorbereiden").getId(),
                "voorstel").toString()).contains("Herzien plan");
        driver.decideOn(woudenberg, "TOESTEMMING_MAATWERKPLAN", "woudenberg", "akkoord");
        assertThat(track(woudenberg)).isWaitingAt("activiteit-besluit", "einde-looptijd");
        assertThat(jdbc.queryForObject("select status from local_activity where track_id = ? and title = 'Voorlichting'", String.class, baarn))
                .isEqualTo("UITGEVOERD");
    }

    static Task named(List<Task> tasks, String name) {
        return tasks.stream().filter(t -> t.getName().equals(name)).findFirst().orElseThrow(() -> new AssertionError("No task " + name));
    }

    @Test
    void afterTheElectionsTheBosdStopsTheProgrammeAndOpenTasksSayWhy() {
        String programme = start(2036, LocalDate.of(2036, 6, 30), "baarn", "amersfoort");
        driver.travelTo("2036-06-30T10:00:00");
        Task openInventory = driver.task(programme + "-baarn", "inventarisatie-opstellen");
        driver.complete(programme, "terugkoppeling-voorbereiden", "stuurgroep", "advies", "Stoppen");
        driver.complete(programme, "koers-kiezen", "bosd", "koers", "stoppen", "toelichting", "Geen draagvlak meer");

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike(programme + "%").count()).isZero();
        assertThat(programmes.get(programme).getStatus()).isEqualTo(ProgrammeStatus.GESTOPT);
        assertThat(programmes.get(programme).getStatusReason()).contains("Geen draagvlak meer");
        assertThat(taskService.getTaskComments(openInventory.getId())).anySatisfy(comment ->
                assertThat(comment.getFullMessage()).contains("Gesloten", "Geen draagvlak meer"));
    }

    @Test
    void eemnesAndNijkerkJoinIn2024WithDueDatesFromTheirJoinDate() {
        ClockUtil.setCurrentTime(ProcessDriver.at("2023-07-03T09:00:00"));
        String programme = programmes.start(new NewProgramme("Inclusie en diversiteit 2023-2025", LocalDate.of(2023, 7, 1),
                LocalDate.of(2025, 6, 30), List.of("amersfoort", "baarn", "bunschoten", "leusden", "soest", "woudenberg"),
                LocalDate.of(2023, 10, 31), LocalDate.of(2023, 12, 29), null, null, LocalDate.of(2023, 12, 1), null), "projectleider").getId();

        driver.travelTo("2024-01-02T09:00:00");
        for (String code : List.of("eemnes", "nijkerk")) {
            runtimeService.createMessageCorrelation("GemeenteTreedtToe").processInstanceBusinessKey(programme)
                    .setVariable("gemeente", code).setVariable("toetredingsDatum", "2024-01-02").correlate();
            Task inventory = driver.task(programme + "-" + code, "inventarisatie-opstellen");
            assertThat(inventory.getDueDate()).isEqualTo(ProcessDriver.at("2024-04-30T17:00:00"));
        }
        assertThat(programmes.get(programme).participant("nijkerk")).isPresent();

        // A municipality cannot join twice, nor one that does not exist.
        assertThatThrownBy(() -> runtimeService.createMessageCorrelation("GemeenteTreedtToe").processInstanceBusinessKey(programme)
                .setVariable("gemeente", "eemnes").setVariable("toetredingsDatum", "2024-02-01").correlate())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("doet al mee");
        assertThatThrownBy(() -> runtimeService.createMessageCorrelation("GemeenteTreedtToe").processInstanceBusinessKey(programme)
                .setVariable("gemeente", "utrecht").correlate())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Onbekende gemeente");
    }

    @Test
    void aNewPortefeuillehouderTakesOverTheOpenWethouderTasks() {
        String programme = start(2038, null, "soest");
        String track = programme + "-soest";
        driver.complete(track, "inventarisatie-opstellen", "ambtenaar.soest", "watSpeeltLokaal", "Situatie", "mogelijkeVervolgstap", "Stap");
        driver.discuss(track, "soest", "stoppen");
        driver.complete(track, "besluit-voorbereiden", "ambtenaar.soest", "voorstel", "Graag een besluit");
        // Beheer makes the successor wethouder of Soest in Admin; the hand-over itself changes no membership.
        User successor = identityService.newUser("wethouder2.soest");
        successor.setPassword("demo");
        successor.setEmail("wethouder2.soest@example.org");
        identityService.saveUser(successor);
        identityService.createMembership("wethouder2.soest", "wethouder-soest");
        try {
            // A bare message, without the hand-over API's checked record, moves nothing.
            assertThatThrownBy(() -> runtimeService.createMessageCorrelation("PortefeuillehouderGewisseld").processInstanceBusinessKey(programme)
                    .setVariable("gemeente", "soest").setVariable("nieuweWethouder", "wethouder2.soest").correlate())
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("/portefeuillehouderwissel");
            assertThat(driver.task(track, "besluit-nemen").getAssignee()).isNull();

            HttpResponse<String> handOver = Http.basic(port, "projectleider", "demo").post("/api/programmas/" + programme
                    + "/portefeuillehouderwissel", "application/json", "{\"gemeente\": \"soest\", \"wethouder\": \"wethouder2.soest\", "
                    + "\"vorigeWethouder\": \"wethouder.soest\"}");
            assertThat(handOver.statusCode()).as(handOver.body()).isEqualTo(202);

            Task decision = driver.task(track, "besluit-nemen");
            assertThat(decision.getAssignee()).isEqualTo("wethouder2.soest");
            assertThat(taskService.getTaskComments(decision.getId())).anySatisfy(c -> assertThat(c.getFullMessage()).contains("Opnieuw voorgelegd"));
            // Whether the previous wethouder still belongs to the group is beheer's business, not the hand-over's.
            assertThat(identityService.createUserQuery().userId("wethouder.soest").memberOfGroup("wethouder-soest").count()).isOne();
            driver.complete(decision, "wethouder2.soest", "uitkomst", "afwijzen", "motivering", "Soest blijft meedoen");
            assertThat(decisions.trail(programme, "soest")).anySatisfy(d -> assertThat(d.getDecidedBy()).isEqualTo("wethouder2.soest"));
        } finally {
            identityService.deleteUser("wethouder2.soest");
        }
    }

    @Test
    void r01OnlyTheWethouderDecidesAndNoActivityRunsWithoutTheirAkkoord() throws Exception {
        String programme = start(2040, null, "leusden");
        String track = programme + "-leusden";
        toExecution(programme, "leusden");
        List<Task> prepare = driver.tasks(track, "besluit-voorbereiden");
        assertThat(prepare).hasSize(2);
        prepare.forEach(t -> driver.complete(t, "ambtenaar.leusden", "voorstel", "Graag akkoord"));
        List<Task> decide = driver.tasks(track, "besluit-nemen");

        // An administrator may work any task, but not decide in the wethouder's place.
        assertThatThrownBy(() -> driver.complete(decide.get(0), "beheer", "uitkomst", "akkoord", "motivering", "Namens"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("wethouder-leusden");
        // Through the REST API the beleidsambtenaar cannot decide either; nothing changes.
        HttpResponse<String> forged = Http.basic(port, "ambtenaar.leusden", "demo").post("/engine-rest/task/" + decide.get(0).getId() + "/complete",
                "application/json", "{\"variables\": {\"uitkomst\": {\"value\": \"akkoord\"}, \"motivering\": {\"value\": \"Zelf\"}}}");
        assertThat(forged.statusCode()).isIn(400, 403);
        assertThat(driver.tasks(track, "besluit-nemen")).hasSize(2);

        // The wethouder approves the first activity and rejects the second.
        Task first = decide.stream().filter(t -> t.getName().contains("Voorlichting")).findFirst().orElseThrow();
        Task second = decide.stream().filter(t -> t.getName().contains("Gesprek")).findFirst().orElseThrow();
        driver.complete(first, "wethouder.leusden", "uitkomst", "akkoord", "motivering", "Goed idee");
        driver.complete(second, "wethouder.leusden", "uitkomst", "afwijzen", "motivering", "Niet nu");
        Task carryOut = driver.task(track, "activiteit-uitvoeren");
        assertThat(carryOut.getName()).isEqualTo("Uitvoeren: Voorlichting");
        String rejectedId = jdbc.queryForObject("select cast(id as varchar) from local_activity where track_id = ? and title = 'Gesprek'",
                String.class, track);

        // Forged variables over REST: pretend the task is about the rejected activity. 400, Dutch, nothing changed:
        // the task takes the fields of its form only.
        HttpResponse<String> rest = Http.basic(port, "ambtenaar.leusden", "demo").post("/engine-rest/task/" + carryOut.getId() + "/complete",
                "application/json", "{\"variables\": {\"activiteitId\": {\"value\": \"" + rejectedId + "\"}, \"resultaat\": {\"value\": \"Gedaan\"}}}");
        assertThat(rest.statusCode()).isEqualTo(400);
        assertThat(new ObjectMapper().readTree(rest.body()).get("message").asText()).contains("kent het veld 'activiteitId' niet");
        assertThat(driver.task(track, "activiteit-uitvoeren").getId()).isEqualTo(carryOut.getId());
        assertThat(jdbc.queryForObject("select status from local_activity where id = ?", String.class, Long.valueOf(rejectedId))).isEqualTo("AFGEWEZEN");
        // Even a variable changed behind the form's back (whoever may set variables) does not carry out an activity without akkoord.
        Object approvedId = runtimeService.getVariable(carryOut.getExecutionId(), "activiteitId");
        runtimeService.setVariable(carryOut.getExecutionId(), "activiteitId", rejectedId);
        assertThatThrownBy(() -> driver.complete(carryOut, "ambtenaar.leusden", "resultaat", "Gedaan"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("geen akkoord van de wethouder").hasMessageContaining("R-01");
        runtimeService.setVariable(carryOut.getExecutionId(), "activiteitId", approvedId);
        assertThat(jdbc.queryForObject("select status from local_activity where id = ?", String.class, Long.valueOf(rejectedId))).isEqualTo("AFGEWEZEN");

        // Missing input is refused with a Dutch message too.
        HttpResponse<String> empty = Http.basic(port, "ambtenaar.leusden", "demo").post("/engine-rest/task/" + carryOut.getId() + "/complete",
                "application/json", "{\"variables\": {}}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(new ObjectMapper().readTree(empty.body()).get("message").asText()).endsWith("Vul 'Resultaat, of waarom de activiteit niet doorging' in.");

        driver.complete(carryOut, "ambtenaar.leusden", "resultaat", "Voorlichting gegeven");
        assertThat(jdbc.queryForObject("select status from local_activity where title = 'Voorlichting' and track_id = ?", String.class, track))
                .isEqualTo("UITGEVOERD");
    }

    @Test
    void r02NothingIsSharedRegionallyWithoutConsent() {
        String programme = start(2042, null, "woudenberg");
        String track = programme + "-woudenberg";
        driver.complete(track, "inventarisatie-opstellen", "ambtenaar.woudenberg", "watSpeeltLokaal", "Vertrouwelijk", "mogelijkeVervolgstap", "Stap");
        driver.discuss(track, "woudenberg", "verder");
        driver.complete(track, "maatwerkplan-opstellen", "ambtenaar.woudenberg", "planSamenvatting", "Geheim plan", "activiteiten", "Voorlichting");
        driver.discussAndAdoptPlan(track, "woudenberg");
        // The consent request: the beleidsambtenaar cannot give consent in the wethouder's place.
        driver.complete(driver.gateTask(track, "TOESTEMMING_MAATWERKPLAN", "besluit-voorbereiden"), "ambtenaar.woudenberg", "voorstel", "Geheim plan delen");
        Task consent = driver.gateTask(track, "TOESTEMMING_MAATWERKPLAN", "besluit-nemen");
        assertThatThrownBy(() -> driver.complete(consent, "beheer", "uitkomst", "akkoord", "motivering", "Namens"))
                .isInstanceOf(InvalidInputException.class);
        driver.complete(consent, "wethouder.woudenberg", "uitkomst", "afwijzen", "motivering", "Nog niet delen");

        assertThat(decisions.consents(programme)).isEmpty();
        assertThat(track(track)).isWaitingAt("activiteit-besluit", "einde-looptijd");
    }

    @Test
    void theBosdContinuesTheCollaborationWithTheMembersOfThatMoment() {
        // Amersfoort alone takes part regionally only: the regional track leads to the final report quickly.
        ClockUtil.setCurrentTime(ProcessDriver.at("2022-07-04T09:00:00"));
        String programme = programmes.start(new NewProgramme("Inclusie en diversiteit 2022-2023", LocalDate.of(2022, 7, 1),
                LocalDate.of(2023, 12, 31), List.of("amersfoort"), null, null, null, null, LocalDate.of(2023, 6, 30),
                List.of(LocalDate.of(2023, 12, 1))), "projectleider").getId();
        String region = programme + "-regio";
        assertThat(driver.task(region, "overzicht-onderwerpen-opstellen").getDueDate()).isEqualTo(ProcessDriver.at("2022-10-31T17:00:00"));
        driver.shareRegionalDocuments(region);
        driver.travelTo("2023-06-30T10:00:00");
        driver.complete(programme, "terugkoppeling-voorbereiden", "stuurgroep", "advies", "Doorgaan");
        driver.complete(programme, "koers-kiezen", "bosd", "koers", "doorgaan", "toelichting", "Doorgaan");
        driver.travelTo("2023-12-01T10:00:00");
        driver.complete(region, "voortgang-voorbereiden", "stuurgroep", "verslag", "Voorbereid");
        driver.complete(region, "voortgang-delen", "bosd", "verslag", "Besproken");
        // The final report starts on its own date: the working day after the closing evaluations were due.
        driver.travelTo("2024-02-01T10:00:00");

        driver.complete(programme, "eindrapportage-opstellen", "projectleider", "concept", "Eindrapportage");
        driver.complete(programme, "eindrapportage-voorbereiden", "stuurgroep", "verslag", "Voorbereid");
        driver.complete(programme, "eindrapportage-delen", "bosd", "verslag", "Gedeeld");
        // No municipality's information in it: nothing stands in the way of making it public.
        driver.complete(programme, "eindrapportage-publiceren", "projectleider", "openbaarMaken", "ja");
        driver.travelTo("2024-02-05T10:00:00");
        // To continue is also to say what the new period gets: nothing is copied from this one.
        assertThatThrownBy(() -> driver.complete(programme, "voortzetting-besluiten", "bosd", "voortzetten", "ja", "toelichting", "Door"))
                .hasMessageContaining("Vul 'Budget per jaar (€)' in");
        assertThatThrownBy(() -> driver.complete(programme, "voortzetting-besluiten", "bosd", "voortzetten", "ja", "toelichting", "Door",
                "budgetPerJaar", "veel", "activiteitengeldPerGemeente", "2.500", "adviesurenPerJaar", "300"))
                .hasMessageContaining("'veel' is geen bedrag");
        assertThat(driver.hasTask(programme, "voortzetting-besluiten")).as("the decision is still to be taken").isTrue();
        driver.complete(programme, "voortzetting-besluiten", "bosd", "voortzetten", "ja", "toelichting", "We gaan door, met Eemnes en Nijkerk",
                "budgetPerJaar", "€ 40.000", "activiteitengeldPerGemeente", "2.500,50", "adviesurenPerJaar", "300");

        assertThat(programmes.get(programme).getStatus()).isEqualTo(ProgrammeStatus.AFGEROND);
        var next = programmes.get("inclusie-2024-2025");
        assertThat(next.getStart()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(next.getPreviousProgrammeId()).isEqualTo(programme);
        assertThat(next.getMinistryBudgetCents()).isEqualTo(4_000_000);
        assertThat(next.getActivityMoneyCents()).isEqualTo(250_050);
        assertThat(next.getAdviserHoursCap()).isEqualByComparingTo("300");
        assertThat(next.getParticipants()).extracting(p -> p.getMunicipalityCode())
                .containsExactlyInAnyOrder("amersfoort", "baarn", "bunschoten", "eemnes", "leusden", "nijkerk", "soest", "woudenberg");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("gemeentetraject")
                .processInstanceBusinessKeyLike("inclusie-2024-2025-%").count()).isEqualTo(7);
    }
}
