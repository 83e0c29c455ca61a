package nl.regioamersfoort.samenwerken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import nl.regioamersfoort.samenwerken.besluit.Consent;
import nl.regioamersfoort.samenwerken.besluit.Decision;
import nl.regioamersfoort.samenwerken.besluit.Decisions;
import nl.regioamersfoort.samenwerken.besluit.Outcome;
import nl.regioamersfoort.samenwerken.platform.time.WorkingDays;
import nl.regioamersfoort.samenwerken.programma.NewProgramme;
import nl.regioamersfoort.samenwerken.programma.Programme;
import nl.regioamersfoort.samenwerken.programma.ProgrammeStatus;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
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
 * The 2022-2023 calendar of seed 000 §6 replayed for the six municipalities of October 2021, through
 * the real models: five local tracks (Amersfoort takes part regionally only), the regional track
 * with its meetings, the feedback moment after the elections of March 2022, the final report and
 * the decision to continue, into the next period that Eemnes and Nijkerk join in 2024. On the way:
 * a wethouder asking for more on the inventory, a college adoption, local partners named per
 * activity, an activity that did not go ahead, a new activity proposed in month 9, an Amersfoort
 * contribution reaching the stuurgroep's agenda after consent, and a publication refused until every
 * municipality in the report consented to make its information public. Time moves through the
 * calendar; every timer fires as a job, and no task is born overdue.
 */
@DemoApplicationTest
class ProgrammeCycleTest {

    static final List<String> FUNDED = List.of("baarn", "bunschoten", "leusden", "soest", "woudenberg");
    static final String PROGRAMME = "inclusie-2022-2023";
    static final String REGION = PROGRAMME + "-regio";

    @Autowired
    ProcessEngine engine;
    @Autowired
    Programmes programmes;
    @Autowired
    Decisions decisions;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    ProcessDriver driver;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        driver = new ProcessDriver(engine);
        ClockUtil.setCurrentTime(ProcessDriver.at("2022-01-10T09:00:00"));
        // Bunschoten's college adopts its own plan (seed 000 §5: "portefeuillehouder of college").
        jdbc.update("update municipality set adopting_body = 'COLLEGE' where code = 'bunschoten'");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        jdbc.update("update municipality set adopting_body = 'PORTEFEUILLEHOUDER' where code = 'bunschoten'");
    }

    /** Amersfoort's beleidsambtenaar shares a success from Tasklist's start form; its wethouder consents. */
    private void contributeFromAmersfoort() {
        driver.contribute(PROGRAMME, "amersfoort", "succes", "Regenboogweek in de bibliotheek");
        driver.decide(PROGRAMME + "-amersfoort", "amersfoort", "akkoord");
    }

    ProcessInstance localTrack(String businessKey) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("gemeentetraject")
                .processInstanceBusinessKey(businessKey).singleResult();
    }

    @Test
    void aWholePeriodRunsFromStartToTheDecisionToContinue() {
        Programme programme = programmes.start(new NewProgramme("Inclusie en diversiteit 2022-2023", LocalDate.of(2022, 1, 1),
                LocalDate.of(2023, 12, 31), List.of("amersfoort", "baarn", "bunschoten", "leusden", "soest", "woudenberg"),
                null, null, null, null, null, null), "projectleider");
        assertThat(programme.getId()).isEqualTo(PROGRAMME);
        ProcessInstance main = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(PROGRAMME).singleResult();
        assertThat(main).isActive().isWaitingAt("gemeentetrajecten", "regionaal-spoor-uitvoeren");

        // Five local tracks, none for Amersfoort; due dates from the calendar (end of April, a Friday in 2022).
        for (String code : FUNDED) {
            Task inventory = driver.task(PROGRAMME + "-" + code, "inventarisatie-opstellen");
            assertThat(inventory.getDueDate()).isEqualTo(ProcessDriver.at("2022-04-29T17:00:00"));
            assertThat(inventory.getName()).startsWith("Inventarisatie ");
        }
        assertThat(driver.tasks(PROGRAMME + "-amersfoort", "inventarisatie-opstellen")).isEmpty();
        assertThat(driver.task(PROGRAMME + "-baarn", "inventarisatie-opstellen").getName()).isEqualTo("Inventarisatie Baarn");

        // L1 and L2 for every funded municipality; Leusden's wethouder first asks to complete the inventory.
        driver.travelTo("2022-03-01T10:00:00");
        for (String code : FUNDED) {
            String track = PROGRAMME + "-" + code;
            driver.complete(track, "inventarisatie-opstellen", "ambtenaar." + code,
                    "watSpeeltLokaal", "In " + code + " speelt eenzaamheid onder LHBTI+ ouderen.", "mogelijkeVervolgstap", "Gesprek met de bibliotheek");
            if (code.equals("leusden")) {
                // A discussion, not a decision: the conversation is recorded, and the reason goes to whoever completes the text.
                driver.discuss(track, code, "aanvullen");
                Task again = driver.task(track, "inventarisatie-opstellen");
                assertThat(taskService.getVariableLocal(again.getId(), "terugkoppeling").toString()).contains("Reden: aanvullen");
                driver.complete(again, "adviseur", "watSpeeltLokaal", "Aangevuld: ook jongeren.", "mogelijkeVervolgstap", "Gesprek met scholen");
            }
            driver.discuss(track, code, "verder");
            // Beside the plan: the consent to share the inventory, so the regional overview can draw on it. Soest keeps it local.
            driver.decideOn(track, "TOESTEMMING_INVENTARISATIE", code, code.equals("soest") ? "afwijzen" : "akkoord");
        }
        driver.travelTo("2022-05-16T10:00:00");
        for (String code : FUNDED) {
            String track = PROGRAMME + "-" + code;
            assertThat(driver.task(track, "maatwerkplan-opstellen").getDueDate()).isEqualTo(ProcessDriver.at("2022-06-30T17:00:00"));
            // the plan names the local partners per activity.
            driver.complete(track, "maatwerkplan-opstellen", "ambtenaar." + code, "planSamenvatting", "Zichtbaarheid vergroten in " + code,
                    "activiteiten", "Voorlichting op scholen | GGD, openbare bibliotheek\nGesprek met de regenboogvereniging");
            // Discussed, then adopted once by the body the DMN names: execution starts while the consent is asked.
            if (code.equals("bunschoten")) {
                driver.discuss(track, code, "verder");
                driver.complete(driver.gateTask(track, "VASTSTELLING", "besluit-voorbereiden"), "ambtenaar.bunschoten", "voorstel",
                        "Het college stelde het plan vast");
                driver.complete(driver.gateTask(track, "VASTSTELLING", "besluit-nemen"), "ambtenaar.bunschoten", "uitkomst", "akkoord",
                        "motivering", "Collegebesluit", "collegebesluitDatum", "2022-05-10", "collegebesluitNummer", "2022-0117");
            } else {
                driver.discussAndAdoptPlan(track, code);
            }
            assertThat(localTrack(track)).isWaitingAt("activiteit-besluit", "einde-looptijd", "toestemming-maatwerkplan");
            // Soest's wethouder does not consent to share the plan.
            driver.decideOn(track, "TOESTEMMING_MAATWERKPLAN", code, code.equals("soest") ? "afwijzen" : "akkoord");
            assertThat(localTrack(track)).isWaitingAt("activiteit-besluit", "einde-looptijd");
        }

        // R1 and R2 in the regional track; the overview draws on the consented inventories.
        assertThat(taskService.getVariableLocal(driver.task(REGION, "overzicht-onderwerpen-opstellen").getId(), "gedeeldeInventarisaties")
                .toString()).contains("- Baarn: Wat speelt er in Baarn", "- Leusden: Wat speelt er in Leusden: Aangevuld").doesNotContain("Soest");
        driver.complete(REGION, "overzicht-onderwerpen-opstellen", "projectleider", "onderwerpen", "Deelonderwerpen: onderwijs, sport");
        assertThat(driver.task(REGION, "overzicht-onderwerpen-voorbereiden").getDueDate()).isNull();
        driver.complete(REGION, "overzicht-onderwerpen-voorbereiden", "stuurgroep", "verslag", "Voorbereid");
        driver.complete(REGION, "overzicht-onderwerpen-delen", "bosd", "verslag", "Gedeeld");
        assertThat(driver.task(REGION, "plan-van-aanpak-opstellen").getDueDate()).isEqualTo(ProcessDriver.at("2022-06-30T17:00:00"));
        driver.complete(REGION, "plan-van-aanpak-opstellen", "adviseur", "planVanAanpak", "Samen leren per deelonderwerp");
        driver.complete(REGION, "plan-van-aanpak-voorbereiden", "stuurgroep", "verslag", "Voorbereid");
        driver.complete(REGION, "plan-van-aanpak-delen", "bosd", "verslag", "Gedeeld");

        // The feedback moment after the elections: the BOSD continues.
        driver.travelTo("2022-06-30T10:00:00");
        driver.complete(PROGRAMME, "terugkoppeling-voorbereiden", "stuurgroep", "advies", "Doorgaan");
        // The municipalities the BOSD could send back come from the programme's participants, not from a list in the form.
        assertThat(taskService.getVariableLocal(driver.task(PROGRAMME, "koers-kiezen").getId(), "deelnemendeGemeenten").toString())
                .isEqualTo("[{\"label\":\"Amersfoort\",\"value\":\"amersfoort\"},{\"label\":\"Baarn\",\"value\":\"baarn\"},"
                        + "{\"label\":\"Bunschoten\",\"value\":\"bunschoten\"},{\"label\":\"Leusden\",\"value\":\"leusden\"},"
                        + "{\"label\":\"Soest\",\"value\":\"soest\"},{\"label\":\"Woudenberg\",\"value\":\"woudenberg\"}]");
        driver.complete(PROGRAMME, "koers-kiezen", "bosd", "koers", "doorgaan", "toelichting", "De nieuwe portefeuillehouders steunen de aanpak.");
        assertThat(driver.hasTask(PROGRAMME, "koers-kiezen")).isFalse();

        // every activity passes the wethouder first; then it is carried out.
        driver.travelTo("2022-07-04T10:00:00");
        for (String code : FUNDED) {
            String track = PROGRAMME + "-" + code;
            assertThat(driver.tasks(track, "activiteit-uitvoeren")).isEmpty();
            for (Task prepare : driver.tasks(track, "besluit-voorbereiden")) {
                driver.complete(prepare, "ambtenaar." + code, "voorstel", "Graag akkoord");
            }
            for (Task decide : driver.tasks(track, "besluit-nemen")) {
                driver.complete(decide, "wethouder." + code, "uitkomst", "akkoord", "motivering", "Past in het plan");
            }
            List<Task> toCarryOut = driver.tasks(track, "activiteit-uitvoeren");
            assertThat(toCarryOut).extracting(Task::getName)
                    .containsExactlyInAnyOrder("Uitvoeren: Voorlichting op scholen", "Uitvoeren: Gesprek met de regenboogvereniging");
            // the adviser supports carrying out activities; in Woudenberg the adviser reports one of them.
            // In Leusden the conversation did not go ahead.
            for (Task activity : toCarryOut) {
                assertThat(taskService.getIdentityLinksForTask(activity.getId())).extracting(link -> link.getGroupId())
                        .containsExactlyInAnyOrder("adviseur", "beleidsambtenaar-" + code);
                boolean byAdviser = code.equals("woudenberg") && activity.getName().contains("Gesprek");
                boolean notHeld = code.equals("leusden") && activity.getName().contains("Gesprek");
                driver.complete(activity, byAdviser ? "adviseur" : "ambtenaar." + code, "doorgegaan", notHeld ? "nee" : "ja",
                        "resultaat", notHeld ? "De vereniging had geen bestuur meer" : "Goed bezocht");
            }
        }

        // Quarterly: progress talks in every track and a regional meeting. Baarn shares its progress, Soest does not.
        for (String quarter : List.of("2022-09-30", "2022-12-30", "2023-03-30", "2023-06-30", "2023-09-30", "2023-12-30")) {
            // the stuurgroep prepares at its own meeting, two working weeks before the BOSD's; papers were in a week before.
            LocalDate steering = WorkingDays.minusWorkingDays(LocalDate.parse(quarter), 10);
            driver.travelTo(steering + "T10:00:00");
            Task preparation = driver.task(REGION, "voortgang-voorbereiden");
            assertThat(preparation.getDueDate()).isEqualTo(ProcessDriver.at(steering + "T17:00:00"));
            assertThat(taskService.getIdentityLinksForTask(preparation.getId())).extracting(link -> link.getGroupId())
                    .containsExactly("stuurgroep-sd");
            Object agenda = taskService.getVariableLocal(preparation.getId(), "agenda");
            if (!quarter.equals("2022-09-30")) {
                // Consented at the last quarter, after that meeting's paper deadline: on this meeting's agenda.
                assertThat(agenda.toString()).contains("Baarn:").doesNotContain("Soest");
            }
            if (quarter.equals("2022-12-30")) {
                // Amersfoort's contribution, consented by its wethouder in October, reaches the stuurgroep and then the BOSD.
                assertThat(agenda.toString()).contains("Amersfoort: Succes: Regenboogweek in de bibliotheek");
            }
            driver.complete(preparation, "stuurgroep", "verslag", "Voorbereid");
            if (quarter.equals("2022-09-30")) {
                // Month 9: Baarn's beleidsambtenaar proposes a new conversation; the wethouder decides before it is held.
                HttpResponse<String> proposed = Http.basic(port, "ambtenaar.baarn", "demo").post("/api/trajecten/" + PROGRAMME + "-baarn/activiteiten",
                        "application/json", "{\"titel\": \"Gesprek met de moskee\", \"partners\": \"Moskeebestuur\"}");
                assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
                driver.decideOn(PROGRAMME + "-baarn", "ACTIVITEIT", "baarn", "akkoord");
                driver.complete(PROGRAMME + "-baarn", "nieuwe-activiteit-uitvoeren", "adviseur", "resultaat", "Goed gesprek");
            }
            driver.travelTo(quarter + "T10:00:00");
            for (String code : FUNDED) {
                String track = PROGRAMME + "-" + code;
                // the adviser supports holding the conversations too, and holds Leusden's.
                Task talk = driver.task(track, "voortgangsgesprek-voeren");
                if (quarter.equals("2022-09-30")) {
                    // Held within a month: due on the last working day on or before 30 October.
                    assertThat(talk.getDueDate()).isEqualTo(ProcessDriver.at("2022-10-28T17:00:00"));
                }
                assertThat(taskService.getIdentityLinksForTask(talk.getId())).extracting(link -> link.getGroupId())
                        .containsExactlyInAnyOrder("adviseur", "beleidsambtenaar-" + code);
                driver.complete(talk, code.equals("leusden") ? "adviseur" : "ambtenaar." + code,
                        "tussenresultaten", "Kwartaal " + quarter + " in " + code, "successen", "Veel belangstelling", "teleurstellingen", "");
                driver.decide(track, code, code.equals("soest") ? "afwijzen" : "akkoord");
            }
            Task sharing = driver.task(REGION, "voortgang-delen");
            assertThat(sharing.getDueDate()).isEqualTo(ProcessDriver.at(quarter + "T17:00:00"));
            assertThat(taskService.getVariableLocal(sharing.getId(), "agenda")).isEqualTo(agenda);
            assertThat(taskService.getVariableLocal(sharing.getId(), "voorbereiding")).isEqualTo("Voorbereid");
            driver.complete(sharing, "bosd", "verslag", "Besproken");
            if (quarter.equals("2022-09-30")) {
                contributeFromAmersfoort();
            }
        }
        assertThat(jdbc.queryForList("select title || ': ' || status from local_activity where track_id in (?, ?) order by id", String.class,
                PROGRAMME + "-baarn", PROGRAMME + "-leusden")).contains("Gesprek met de moskee: UITGEVOERD",
                "Gesprek met de regenboogvereniging: NIET_DOORGEGAAN");
        assertThat(jdbc.queryForObject("select college_decision_number from decision where subject_type = 'VASTSTELLING'"
                + " and subject_ref = ?", String.class, PROGRAMME + "-bunschoten")).isEqualTo("2022-0117");

        // End of the period: closing evaluation and consent per track; Woudenberg is late with its evaluation.
        driver.travelTo("2023-12-31T10:00:00");
        for (String code : FUNDED) {
            String track = PROGRAMME + "-" + code;
            // Written once the period has ended: due a month later, not at the moment it appears.
            assertThat(driver.task(track, "slotevaluatie-opstellen").getDueDate()).isEqualTo(ProcessDriver.at("2024-01-31T17:00:00"));
            if (code.equals("woudenberg")) {
                continue;
            }
            driver.complete(track, "slotevaluatie-opstellen", "adviseur", "evaluatie", "Slotevaluatie " + code, "successen", "Netwerk staat");
            driver.decide(track, code, code.equals("soest") ? "afwijzen" : "akkoord");
            assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("gemeentetraject")
                    .processInstanceBusinessKey(track).singleResult().getState()).as(track).isEqualTo("COMPLETED");
        }
        // The final report starts on its own date, the working day after the evaluations were due: one slow
        // municipality does not hold the region up, and the report holds what was consented by then.
        driver.travelTo("2024-01-31T10:00:00");
        assertThat(driver.tasks(PROGRAMME, "eindrapportage-opstellen")).isEmpty();
        driver.travelTo("2024-02-01T10:00:00");
        assertThat(main).isWaitingAt("eindrapportage-opstellen");
        Object input = taskService.getVariableLocal(driver.task(PROGRAMME, "eindrapportage-opstellen").getId(), "inbreng");
        assertThat(input.toString()).contains("Slotevaluatie baarn").doesNotContain("Slotevaluatie soest", "Slotevaluatie woudenberg");
        driver.complete(PROGRAMME, "eindrapportage-opstellen", "projectleider", "concept", "Eindrapportage 2022-2023");
        driver.complete(PROGRAMME, "eindrapportage-voorbereiden", "stuurgroep", "verslag", "Voorbereid");
        driver.complete(PROGRAMME, "eindrapportage-delen", "bosd", "verslag", "Gedeeld");
        // R-02's public half: the wethouders consented to share regionally, none to make public; so it stays regional.
        Task publication = driver.task(PROGRAMME, "eindrapportage-publiceren");
        assertThat(taskService.getVariableLocal(publication.getId(), "toestemmingen").toString())
                .contains("Baarn: alleen regionaal gedeeld").doesNotContain("Soest");
        assertThatThrownBy(() -> driver.complete(publication, "projectleider", "openbaarMaken", "ja"))
                .hasMessage("Openbaar maken kan niet: Amersfoort, Baarn, Bunschoten, Leusden, Woudenberg gaven geen toestemming om de eigen informatie"
                        + " openbaar te maken (R-02). Vraag eerst toestemming, of kies 'nee': de rapportage blijft regionaal.");
        // So the projectleider asks those five wethouders; Woudenberg's first says no. Soest shared nothing, so is not asked.
        driver.complete(publication, "projectleider", "openbaarMaken", "toestemming-vragen");
        List<String> asked = List.of("amersfoort", "baarn", "bunschoten", "leusden", "woudenberg");
        for (String code : asked) {
            Task prepare = driver.gateTask(PROGRAMME + "-" + code, "TOESTEMMING_OPENBAARMAKING", "besluit-voorbereiden");
            assertThat(taskService.getVariable(prepare.getId(), "voorstel").toString()).startsWith("De eindrapportage openbaar maken");
            driver.decideOn(PROGRAMME + "-" + code, "TOESTEMMING_OPENBAARMAKING", code, code.equals("woudenberg") ? "afwijzen" : "akkoord");
        }
        assertThat(driver.tasks(PROGRAMME + "-soest", "besluit-voorbereiden")).isEmpty();
        Task again = driver.task(PROGRAMME, "eindrapportage-publiceren");
        assertThat(taskService.getVariableLocal(again.getId(), "toestemmingen").toString())
                .contains("Baarn: toestemming om openbaar te maken", "Woudenberg: alleen regionaal gedeeld");
        assertThatThrownBy(() -> driver.complete(again, "projectleider", "openbaarMaken", "ja"))
                .hasMessageStartingWith("Openbaar maken kan niet: Woudenberg gaf geen toestemming");
        // Asked once more, Woudenberg's wethouder agrees: now the report is published.
        driver.complete(again, "projectleider", "openbaarMaken", "toestemming-vragen");
        driver.decideOn(PROGRAMME + "-woudenberg", "TOESTEMMING_OPENBAARMAKING", "woudenberg", "akkoord");
        Task last = driver.task(PROGRAMME, "eindrapportage-publiceren");
        assertThatThrownBy(() -> driver.complete(last, "projectleider", "openbaarMaken", "toestemming-vragen"))
                .hasMessageContaining("gaf al toestemming");
        driver.complete(last, "projectleider", "openbaarMaken", "ja");
        assertThat(jdbc.queryForObject("select count(*) from regional_document where programme_id = ? and kind = 'EINDRAPPORTAGE'"
                + " and step = 'GEPUBLICEERD'", Integer.class, PROGRAMME)).isEqualTo(1);
        // The BOSD continues, and says what the next period gets; Eemnes and Nijkerk, members from 2024, join it (seed 000 fn 1).
        driver.complete(PROGRAMME, "voortzetting-besluiten", "bosd", "voortzetten", "ja", "toelichting", "Door, met Eemnes en Nijkerk",
                "budgetPerJaar", "50.000", "activiteitengeldPerGemeente", "3.000", "adviesurenPerJaar", "400");
        assertThat(programmes.get(PROGRAMME).getStatus()).isEqualTo(ProgrammeStatus.AFGEROND);
        Programme next = programmes.get("inclusie-2024-2025");
        assertThat(next.getPreviousProgrammeId()).isEqualTo(PROGRAMME);
        assertThat(next.getParticipants()).extracting(p -> p.getMunicipalityCode())
                .containsExactlyInAnyOrder("amersfoort", "baarn", "bunschoten", "eemnes", "leusden", "nijkerk", "soest", "woudenberg");
        for (String joining : List.of("eemnes", "nijkerk")) {
            Task inventory = driver.task("inclusie-2024-2025-" + joining, "inventarisatie-opstellen");
            assertThat(inventory.getDueDate()).isEqualTo(ProcessDriver.at("2024-04-30T17:00:00"));
            assertThat(taskService.getIdentityLinksForTask(inventory.getId())).extracting(link -> link.getGroupId())
                    .containsExactlyInAnyOrder("adviseur", "beleidsambtenaar-" + joining);
        }
        // Woudenberg finishes later; the period's case closes with its last track.
        assertThat(main).isNotEnded();
        driver.complete(PROGRAMME + "-woudenberg", "slotevaluatie-opstellen", "adviseur", "evaluatie", "Slotevaluatie woudenberg");
        driver.decide(PROGRAMME + "-woudenberg", "woudenberg", "akkoord");
        driver.runDueJobs();

        assertThat(main).isEnded().hasPassed("programma-afronden").isEnded();
        assertThat(programmes.get(PROGRAMME).getStatus()).isEqualTo(ProgrammeStatus.AFGEROND);

        // No task of the whole period was born overdue: every due date lies after the moment its task appeared.
        List<HistoricTaskInstance> withDueDate = historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKeyLike(PROGRAMME + "%")
                .list().stream().filter(t -> t.getDueDate() != null).toList();
        assertThat(withDueDate).hasSizeGreaterThan(50)
                .allSatisfy(t -> assertThat(t.getDueDate()).as("%s created %s", t.getName(), t.getStartTime()).isAfter(t.getStartTime()));

        // The audit trail names who decided what, and consents exist only where the wethouder agreed.
        List<Decision> baarn = decisions.trail(PROGRAMME, "baarn");
        assertThat(baarn).allSatisfy(d -> {
            assertThat(d.getDecidedBy()).isEqualTo("wethouder.baarn");
            assertThat(d.getDecidedAt()).isNotNull();
            assertThat(d.getMotivation()).isNotBlank();
        });
        assertThat(baarn).extracting(Decision::getOutcome).containsOnly(Outcome.AKKOORD);
        assertThat(decisions.consents(PROGRAMME)).extracting(Consent::getMunicipalityCode).doesNotContain("soest").contains("baarn");
    }
}
