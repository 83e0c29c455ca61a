package nl.regioamersfoort.samenwerken.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.regioamersfoort.samenwerken.DemoApplicationTest;
import nl.regioamersfoort.samenwerken.Http;
import nl.regioamersfoort.samenwerken.ProcessDriver;
import nl.regioamersfoort.samenwerken.besluit.Decision;
import nl.regioamersfoort.samenwerken.besluit.Decisions;
import nl.regioamersfoort.samenwerken.besluit.SubjectType;
import nl.regioamersfoort.samenwerken.platform.form.InvalidInputException;
import nl.regioamersfoort.samenwerken.programma.NewProgramme;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Money is booked only for an open request, in its own process instance, whose latest decision is
 * the akkoord of its own municipality's wethouder; and a request lives under its own programme's
 * and municipality's business key. Every attack here runs as server code through the engine's Java
 * API (no logged-in person), so the engine command guard for people is not what stops it: the
 * booking and the registration themselves are. What counts is what the projectleider sees: the
 * ledger and the yearly account.
 */
@DemoApplicationTest
class MoneyBookingGuardTest {

    static final String PROCESS = "activiteitengeld-aanvraag";
    static final String BOOKING = "toekenning-boeken";
    static final String GATE = "wethouder-besluit-geld";

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    Programmes programmes;
    @Autowired
    LedgerRepository ledger;
    @Autowired
    YearlyAccounts yearlyAccounts;
    @Autowired
    ActivityMoneyRequestRepository requests;
    @Autowired
    Decisions decisions;
    @LocalServerPort
    int port;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    ProcessDriver driver;
    String programme;
    int year;

    @BeforeEach
    void setUp() {
        driver = new ProcessDriver(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    void programme(int year) {
        this.year = year;
        ClockUtil.setCurrentTime(ProcessDriver.at(year + "-03-01T09:00:00"));
        programme = programmes.start(new NewProgramme("Inclusie en diversiteit " + year + "-" + (year + 1), LocalDate.of(year, 1, 1),
                LocalDate.of(year + 1, 12, 31), List.of("baarn", "leusden"), null, null, null, null, null, null), "projectleider").getId();
    }

    /** A request as our API starts it: its own programme's and municipality's business key. */
    String ask(String municipality, String amount) {
        return runtimeService.startProcessInstanceByKey(PROCESS, programme + "-" + municipality, application(municipality, amount)).getId();
    }

    Map<String, Object> application(String municipality, String amount) {
        return new HashMap<>(Map.of("programmaId", programme, "gemeente", municipality, "activiteit", "Regenboogvlag " + amount,
                "bedrag", amount, "doelgroepen", "LHBTI", "zichtbaarheid", "Op het gemeentehuis"));
    }

    long requestOf(String moneyInstance) {
        return ((Number) runtimeService.getVariable(moneyInstance, "aanvraagId")).longValue();
    }

    /** The gates (wethouder-besluit) this money request called, oldest decision first. */
    List<String> gates(String moneyInstance) {
        return runtimeService.createProcessInstanceQuery().superProcessInstanceId(moneyInstance).list().stream()
                .map(gate -> gate.getId())
                .sorted(Comparator.comparingLong(gate -> ((Number) runtimeService.getVariable(gate, "besluitId")).longValue()))
                .toList();
    }

    Task taskIn(String gateInstance, String taskKey) {
        return taskService.createTaskQuery().processInstanceId(gateInstance).taskDefinitionKey(taskKey).singleResult();
    }

    void prepare(String gate, String municipality) {
        driver.complete(taskIn(gate, "besluit-voorbereiden"), "ambtenaar." + municipality, "voorstel", "Graag akkoord");
    }

    void decide(String gate, String municipality) {
        driver.complete(taskIn(gate, "besluit-nemen"), "wethouder." + municipality, "uitkomst", "akkoord", "motivering", "Mooi initiatief");
    }

    long granted(String municipality) {
        return yearlyAccounts.of(programme, year).money().stream().filter(m -> m.municipalityCode().equals(municipality))
                .findFirst().orElseThrow().grantedCents();
    }

    List<LedgerEntry> ledger() {
        return ledger.findByProgrammeIdAndYearOrderByIdAsc(programme, year);
    }

    List<Decision> decisionsAbout(long request) {
        return decisions.about(SubjectType.ACTIVITEITENGELD, String.valueOf(request));
    }

    @Test
    void theWethoudersAkkoordBooksTheGrantExactlyOnce() {
        programme(2070);
        String money = ask("baarn", "750");
        long request = requestOf(money);
        String gate = gates(money).get(0);
        prepare(gate, "baarn");
        decide(gate, "baarn");

        assertThat(ledger()).singleElement().satisfies(entry -> assertThat(entry.getAmountCents()).isEqualTo(75_000L));
        assertThat(granted("baarn")).isEqualTo(75_000L);
        assertThat(requests.findById(request).orElseThrow().getStatus()).isEqualTo(RequestStatus.TOEGEKEND);
    }

    @Test
    void aBpmnErrorOnThePreparationDoesNotSkipTheWethoudersDecision() {
        programme(2071);
        String money = ask("baarn", "750");
        long request = requestOf(money);
        Task prepare = taskIn(gates(money).get(0), "besluit-voorbereiden");

        // Neither model catches an error here: an uncaught error would end the gate with the caller's "uitkomst".
        assertThatThrownBy(() -> taskService.handleBpmnError(prepare.getId(), "besluit-genomen", "Akkoord",
                Map.of("uitkomst", "akkoord")))
                .hasStackTraceContaining("Grant not booked").hasStackTraceContaining("wethouder-baarn has not decided");

        assertThat(ledger()).isEmpty();
        assertThat(granted("baarn")).isZero();
        assertThat(requests.findById(request).orElseThrow().getStatus()).isEqualTo(RequestStatus.INGEDIEND);
        assertThat(decisionsAbout(request)).singleElement().satisfies(d -> assertThat(d.getOutcome()).isNull());
        assertThat(taskService.createTaskQuery().taskId(prepare.getId()).count()).as("the preparation is still open").isOne();
    }

    @Test
    void movingTheRequestPastTheGateBooksNothing() {
        programme(2072);
        String money = ask("baarn", "750");
        long request = requestOf(money);

        assertThatThrownBy(() -> runtimeService.createProcessInstanceModification(money)
                .startBeforeActivity(BOOKING).setVariable("besluit", "akkoord").execute())
                .hasStackTraceContaining("Grant not booked");
        assertThatThrownBy(() -> runtimeService.createProcessInstanceModification(money)
                .cancelAllForActivity(GATE).startBeforeActivity(BOOKING).execute())
                .hasStackTraceContaining("Grant not booked");

        assertThat(ledger()).isEmpty();
        assertThat(granted("baarn")).isZero();
        assertThat(requests.findById(request).orElseThrow().getStatus()).isEqualTo(RequestStatus.INGEDIEND);
        assertThat(gates(money)).hasSize(1);
    }

    @Test
    void aStartAtTheBookingWithAnotherMunicipalitysRequestBooksNothingNotEvenAfterItsGrant() {
        programme(2073);
        String leusden = ask("leusden", "750");
        long request = requestOf(leusden);

        // Baarn's key and municipality, Leusden's request; and Leusden's own key, from a second instance.
        for (String municipality : List.of("baarn", "leusden")) {
            assertThatThrownBy(() -> startAtBooking(municipality, request)).hasStackTraceContaining("Grant not booked")
                    .hasStackTraceContaining("was registered by process instance " + leusden);
        }
        // Nor is it refused from there: Leusden's request stays Leusden's to decide.
        assertThatThrownBy(() -> runtimeService.createProcessInstanceByKey(PROCESS).businessKey(programme + "-baarn")
                .setVariable("programmaId", programme).setVariable("gemeente", "baarn").setVariable("aanvraagId", request)
                .startBeforeActivity("afwijzing-wethouder").execute())
                .hasStackTraceContaining("Refusal not recorded").hasStackTraceContaining("was registered by process instance " + leusden);
        assertThat(ledger()).isEmpty();
        assertThat(requests.findById(request).orElseThrow().getStatus()).isEqualTo(RequestStatus.INGEDIEND);

        String gate = gates(leusden).get(0);
        prepare(gate, "leusden");
        decide(gate, "leusden");
        assertThat(granted("leusden")).isEqualTo(75_000L);

        // Again and again: the one grant stays one grant.
        for (int attempt = 0; attempt < 2; attempt++) {
            for (String municipality : List.of("baarn", "leusden")) {
                assertThatThrownBy(() -> startAtBooking(municipality, request)).hasStackTraceContaining("Grant not booked")
                    .hasStackTraceContaining("was registered by process instance " + leusden);
            }
        }
        assertThat(ledger()).singleElement().satisfies(entry -> assertThat(entry.getRequestId()).isEqualTo(request));
        assertThat(granted("leusden")).isEqualTo(75_000L);
        assertThat(granted("baarn")).isZero();
    }

    /** A request registered before V7 recorded its instance: a running programme keeps it, an intruder cannot take it. */
    @Test
    void aRequestFromBeforeInstancesWereRecordedIsBookedByItsOwnInstanceOnly() {
        programme(2076);
        String baarn = ask("baarn", "750");
        long request = requestOf(baarn);
        jdbc.update("UPDATE activity_money_request SET process_instance_id = NULL WHERE id = ?", request);

        assertThatThrownBy(() -> startAtBooking("baarn", request)).hasStackTraceContaining("Grant not booked")
                .hasStackTraceContaining("is not the one instance that registered it");
        assertThat(ledger()).isEmpty();

        String gate = gates(baarn).get(0);
        prepare(gate, "baarn");
        decide(gate, "baarn");
        assertThat(ledger()).singleElement().satisfies(entry -> assertThat(entry.getRequestId()).isEqualTo(request));
        assertThat(requests.findById(request).orElseThrow().getProcessInstanceId()).isEqualTo(baarn);
    }

    void startAtBooking(String municipality, long request) {
        runtimeService.createProcessInstanceByKey(PROCESS).businessKey(programme + "-" + municipality)
                .setVariable("programmaId", programme).setVariable("gemeente", municipality)
                .setVariable("aanvraagId", request).setVariable("besluit", "akkoord")
                .startBeforeActivity(BOOKING).execute();
    }

    @Test
    void aSecondGateInTheSameRequestCannotBookItTwice() {
        programme(2074);
        String money = ask("leusden", "750");
        long request = requestOf(money);
        // Server code (or beheer in Cockpit) starts the gate a second time in the running request.
        runtimeService.createProcessInstanceModification(money).startBeforeActivity(GATE).execute();
        List<String> gates = gates(money);
        assertThat(gates).hasSize(2);
        gates.forEach(gate -> prepare(gate, "leusden"));

        // The first gate's akkoord is no longer the latest decision about the request: the second is still open.
        assertThatThrownBy(() -> decide(gates.get(0), "leusden")).hasStackTraceContaining("Grant not booked")
                .hasStackTraceContaining("is still open");
        assertThat(ledger()).isEmpty();

        decide(gates.get(1), "leusden");
        assertThat(granted("leusden")).isEqualTo(75_000L);

        // Now the latest decision is an akkoord of the wethouder, in this request's own gate; but it is granted already.
        assertThatThrownBy(() -> decide(gates.get(0), "leusden")).hasStackTraceContaining("Grant not booked")
                .hasStackTraceContaining("already TOEGEKEND");
        // Nor can the remaining gate's afwijzen turn the booked grant into a refusal.
        assertThatThrownBy(() -> driver.complete(taskIn(gates.get(0), "besluit-nemen"), "wethouder.leusden", "uitkomst", "afwijzen",
                "motivering", "Toch niet")).hasStackTraceContaining("Refusal not recorded").hasStackTraceContaining("already TOEGEKEND");
        assertThat(ledger()).singleElement().satisfies(entry -> assertThat(entry.getAmountCents()).isEqualTo(75_000L));
        assertThat(granted("leusden")).isEqualTo(75_000L);
        assertThat(requests.findById(request).orElseThrow().getStatus()).isEqualTo(RequestStatus.TOEGEKEND);
    }

    @Test
    void anAkkoordFromAGateOutsideTheRequestBooksNothing() {
        programme(2075);
        String money = ask("leusden", "750");
        long request = requestOf(money);
        // A gate started on its own, about this request but under another subject: the wethouder approves "coffee".
        String detached = runtimeService.startProcessInstanceByKey("wethouder-besluit", programme + "-leusden", new HashMap<>(Map.of(
                "programmaId", programme, "gemeente", "leusden", "onderwerpType", "ACTIVITEITENGELD",
                "onderwerpReferentie", String.valueOf(request), "onderwerp", "Koffie voor het overleg",
                "besluitnemerGroep", "wethouder-leusden"))).getId();
        prepare(detached, "leusden");
        decide(detached, "leusden");

        assertThatThrownBy(() -> runtimeService.createProcessInstanceModification(money)
                .cancelAllForActivity(GATE).startBeforeActivity(BOOKING).setVariable("besluit", "akkoord").execute())
                .hasStackTraceContaining("Grant not booked").hasStackTraceContaining("which this request's instance did not call");
        assertThat(ledger()).isEmpty();
        assertThat(granted("leusden")).isZero();
        assertThat(requests.findById(request).orElseThrow().getStatus()).isEqualTo(RequestStatus.INGEDIEND);
    }

    @Test
    void aRequestUnderAnotherMunicipalitysOrProgrammesKeyIsRefusedInDutchAndNothingIsCreated() throws Exception {
        programme(2076);
        long before = requests.count();
        for (String key : new String[] {programme + "-leusden", "inclusie-2010-2011-baarn", programme + "-baarn-x"}) {
            assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS, key, application("baarn", "750")))
                    .as(key).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("hoort bij programma " + programme + " en gemeente baarn");
        }
        // Started past the registration, at the wethouder's task or the adjustment, with Leusden's key and Baarn's data.
        for (String activity : List.of(GATE, "aanvraag-aanpassen")) {
            assertThatThrownBy(() -> runtimeService.createProcessInstanceByKey(PROCESS).businessKey(programme + "-leusden")
                    .setVariables(application("baarn", "750")).startBeforeActivity(activity).execute())
                    .as(activity).isInstanceOf(InvalidInputException.class);
        }
        // Through the start form over REST, as a beleidsambtenaar of Baarn would (the form asks no municipality: Baarn is hers).
        String form = "{\"variables\": {\"programmaId\": {\"value\": \"" + programme + "\"},"
                + " \"activiteit\": {\"value\": \"Voorlichting\"}, \"doelgroepen\": {\"value\": \"[\\\"LHBTI\\\"]\", \"type\": \"Json\"},"
                + " \"zichtbaarheid\": {\"value\": \"In de krant\"}, \"bedrag\": {\"value\": \"250,00\"}},"
                + " \"businessKey\": \"" + programme + "-leusden\"}";
        HttpResponse<String> response = Http.basic(port, "ambtenaar.baarn", "demo")
                .post("/engine-rest/process-definition/key/" + PROCESS + "/submit-form", "application/json", form);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(new ObjectMapper().readTree(response.body()).get("message").asText())
                .contains("hoort bij programma " + programme + " en gemeente baarn");

        assertThat(requests.count()).isEqualTo(before);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS)
                .processInstanceBusinessKeyLike(programme + "%").count()).isZero();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS)
                .processInstanceBusinessKeyLike(programme + "%").count()).isZero();
        assertThat(ledger()).isEmpty();

        // Without a key (Tasklist's start dialog leaves it empty) the request gets its own case's key.
        String unnamed = runtimeService.startProcessInstanceByKey(PROCESS, application("baarn", "750")).getId();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(unnamed).singleResult().getBusinessKey())
                .isEqualTo(programme + "-baarn");
        assertThat(taskIn(gates(unnamed).get(0), "besluit-voorbereiden")).isNotNull();
    }
}
