package nl.regioamersfoort.samenwerken;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import nl.regioamersfoort.samenwerken.programma.NewProgramme;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import nl.regioamersfoort.samenwerken.traject.LocalTracks;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a hostile or careless client sends, over real HTTP, to every endpoint of the Samenwerken API
 * and to every field of the forms (submit-form on Camunda's REST API): wrong types, missing and
 * extra fields, 100,000 characters, markup where a code belongs, unknown municipalities, dates out
 * of range, malformed JSON, another municipality's objects. Each is refused with 400, 401, 403, 404,
 * 405 or 415 and a Dutch message, never a 500 or a stack trace, and the database is exactly as it
 * was: domain tables, process instances, tasks, variables, jobs, memberships and authorizations.
 *
 * <p>The scene: programme A (2031-2032) with a local track in every state a form belongs to, and
 * three programmes for the regional forms, with the engine's clock on 30 September 2031.
 */
@DemoApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    private static final String A = "inclusie-2031-2032";
    private static final String B = "inclusie-2031-2032-2";
    private static final String C = "inclusie-2031-2032-3";
    private static final String D = "inclusie-2031-2032-4";
    private static final String LONG = "x".repeat(100_000);
    private static final String SCRIPT = "<script>alert('xss')</script>";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Everything a refused request must leave as it was. */
    private static final List<String> STATE = List.of(
            "select * from programme order by id",
            "select * from programme_participant order by 1, 2",
            "select * from programme_meeting order by 1, 2",
            "select * from programme_steering_meeting order by 1, 2",
            "select * from local_track order by id",
            "select * from local_activity order by id",
            "select * from progress_talk order by id",
            "select * from discussion order by id",
            "select * from decision order by id",
            "select * from consent order by id",
            "select * from regional_document order by id",
            "select * from regional_agenda_item order by id",
            "select * from mail_message order by id",
            "select * from activity_money_request order by id",
            "select * from ledger_entry order by id",
            "select * from budget_account order by 1, 2, 3",
            "select ID_, PROC_DEF_ID_, BUSINESS_KEY_, ACT_ID_, IS_ACTIVE_ from ACT_RU_EXECUTION order by ID_",
            "select ID_, NAME_, ASSIGNEE_, OWNER_, DUE_DATE_ from ACT_RU_TASK order by ID_",
            "select ID_, TASK_ID_, GROUP_ID_, USER_ID_, TYPE_ from ACT_RU_IDENTITYLINK order by ID_",
            "select ID_, NAME_, TYPE_, EXECUTION_ID_, TASK_ID_, TEXT_, TEXT2_, LONG_, DOUBLE_, BYTEARRAY_ID_ from ACT_RU_VARIABLE order by ID_",
            "select ID_, DUEDATE_, RETRIES_ from ACT_RU_JOB order by ID_",
            "select ID_, STATE_ from ACT_HI_PROCINST order by ID_",
            "select USER_ID_, GROUP_ID_ from ACT_ID_MEMBERSHIP order by 1, 2",
            "select ID_, GROUP_ID_, USER_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_ from ACT_RU_AUTHORIZATION order by ID_");

    @Autowired
    ProcessEngine engine;
    @Autowired
    Programmes programmes;
    @Autowired
    LocalTracks localTracks;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @LocalServerPort
    int port;

    ProcessDriver driver;
    long bunschotenActivity;

    // ---------------------------------------------------------------- the scene

    @BeforeAll
    void scene() {
        driver = new ProcessDriver(engine);
        ClockUtil.setCurrentTime(ProcessDriver.at("2031-01-06T09:00:00"));
        start("Inclusie A", List.of("amersfoort", "baarn", "bunschoten", "leusden", "soest", "woudenberg", "nijkerk"), LocalDate.of(2031, 6, 30));
        start("Inclusie B", List.of("amersfoort"), LocalDate.of(2031, 2, 3));
        start("Inclusie C", List.of("amersfoort"), null);
        start("Inclusie D", List.of("amersfoort"), null);
        driver.travelTo("2031-02-03T10:00:00");

        // B: the feedback moment came early, the BOSD is to choose its course. C and D: regional steps.
        driver.complete(B, "terugkoppeling-voorbereiden", "stuurgroep", "advies", "Doorgaan");
        driver.complete(C + "-regio", "overzicht-onderwerpen-opstellen", "projectleider", "onderwerpen", "Onderwijs en sport");
        driver.complete(D + "-regio", "overzicht-onderwerpen-opstellen", "projectleider", "onderwerpen", "Onderwijs en sport");
        driver.complete(D + "-regio", "overzicht-onderwerpen-voorbereiden", "stuurgroep", "verslag", "Voorbereid");
        driver.complete(D + "-regio", "overzicht-onderwerpen-delen", "bosd", "verslag", "Gedeeld");

        // A: every local track stops at another form; Baarn at its inventory.
        // Nijkerk discusses its inventory; Leusden and Soest consider leaving, which their wethouder decides.
        inventory("nijkerk");
        inventory("leusden");
        driver.discuss(A + "-leusden", "leusden", "stoppen");
        inventory("soest");
        driver.discuss(A + "-soest", "soest", "stoppen");
        driver.complete(A + "-soest", "besluit-voorbereiden", "ambtenaar.soest", "voorstel", "Graag akkoord");
        inventory("woudenberg");
        driver.discuss(A + "-woudenberg", "woudenberg", "verder");
        inventory("bunschoten");
        driver.discuss(A + "-bunschoten", "bunschoten", "verder");
        driver.complete(A + "-bunschoten", "maatwerkplan-opstellen", "ambtenaar.bunschoten",
                "planSamenvatting", "Zichtbaarheid vergroten", "activiteiten", "Voorlichting op scholen");
        driver.discussAndAdoptPlan(A + "-bunschoten", "bunschoten");
        driver.decideOn(A + "-bunschoten", "TOESTEMMING_MAATWERKPLAN", "bunschoten", "akkoord");
        driver.decideOn(A + "-bunschoten", "ACTIVITEIT", "bunschoten", "akkoord");   // R-01 on the activity
        bunschotenActivity = localTracks.activities(A + "-bunschoten").get(0).getId();
        for (String[] step : new String[][] {{"overzicht-onderwerpen-opstellen", "projectleider", "onderwerpen"},
                {"overzicht-onderwerpen-voorbereiden", "stuurgroep", "verslag"}, {"overzicht-onderwerpen-delen", "bosd", "verslag"},
                {"plan-van-aanpak-opstellen", "adviseur", "planVanAanpak"}, {"plan-van-aanpak-voorbereiden", "stuurgroep", "verslag"},
                {"plan-van-aanpak-delen", "bosd", "verslag"}}) {
            driver.complete(A + "-regio", step[0], step[1], step[2], "Tekst");
        }

        // A: activity money for Baarn, which the wethouder sends back for another amount.
        Map<String, Object> request = new HashMap<>(Map.of("programmaId", A, "gemeente", "baarn", "activiteit", "Regenboogvlag",
                "bedrag", "500", "doelgroepen", "LHBTI", "zichtbaarheid", "Op het gemeentehuis"));
        engine.getRuntimeService().startProcessInstanceByKey("activiteitengeld-aanvraag", A + "-baarn", request);
        driver.decide(A + "-baarn", "baarn", "aanpassen");

        // A: adviser hours beyond the cap wait for the projectleider's review.
        engine.getRuntimeService().startProcessInstanceByKey("uren-boven-plafond", A + "-uren-2031", new HashMap<>(Map.of(
                "programmaId", A, "uren", "8", "datum", "2031-03-01", "omschrijving", "Extra advies", "geboektDoor", "adviseur",
                "boekingOnderwerp", "8 uur op 1 maart 2031 voor regionale taken: Extra advies", "urenStand", "Al geboekt in 2031: 400 van 400 uur")));

        // The end of September: the feedback moment of A, Bunschoten's first progress talk and a regional meeting.
        driver.travelTo("2031-09-30T10:00:00");
    }

    @AfterAll
    void backToRealTime() {
        ClockUtil.reset();
    }

    private void start(String name, List<String> municipalities, LocalDate feedback) {
        programmes.start(new NewProgramme(name, LocalDate.of(2031, 1, 1), LocalDate.of(2032, 12, 31), municipalities,
                null, null, null, null, feedback, null), "projectleider");
    }

    private void inventory(String code) {
        driver.complete(A + "-" + code, "inventarisatie-opstellen", "ambtenaar." + code,
                "watSpeeltLokaal", "Eenzaamheid onder ouderen", "mogelijkeVervolgstap", "Gesprek met de bibliotheek");
    }

    // ---------------------------------------------------------------- the Samenwerken API

    record Call(String user, String method, String path, String contentType, String body) {

        static Call post(String user, String path, String body) {
            return new Call(user, "POST", path, "application/json", body);
        }

        static Call put(String user, String path, String body) {
            return new Call(user, "PUT", path, "application/json", body);
        }

        static Call get(String user, String path) {
            return new Call(user, "GET", path, null, null);
        }
    }

    Stream<Arguments> apiAttacks() {
        String programme = """
                {"naam": "Inclusie 2040-2041", "start": "2040-01-01", "einde": "2041-12-31", "gemeenten": ["baarn"]}""";
        String money = """
                {"gemeente": "baarn", "activiteit": "Voorlichting", "bedrag": "100", "doelgroepen": ["LHBTI"], "zichtbaarheid": "In de krant"}""";
        String hours = """
                {"gemeente": "baarn", "uren": "2", "datum": "2031-09-01", "omschrijving": "Gesprek"}""";
        String join = "/api/programmas/" + A + "/gemeenten";
        String meetings = "/api/programmas/" + A + "/vergaderingen";
        String newActivity = "/api/trajecten/" + A + "-bunschoten/activiteiten";
        String handOver = "/api/programmas/" + A + "/portefeuillehouderwissel";
        String moneyPath = "/api/programmas/" + A + "/activiteitengeld";
        String hoursPath = "/api/programmas/" + A + "/uren";
        List<Arguments> attacks = new ArrayList<>(List.of(
                // POST /api/programmas
                api("programma: kapotte JSON", Call.post("projectleider", "/api/programmas", "{\"naam\": "), 400, "geen geldige JSON"),
                api("programma: een lijst in plaats van een object", Call.post("projectleider", "/api/programmas", "[]"), 400, "JSON-object"),
                api("programma: lege aanvraag", Call.post("projectleider", "/api/programmas", ""), 400, "JSON"),
                api("programma: naam is een getal", Call.post("projectleider", "/api/programmas", with(programme, "naam", 2040)), 400,
                        "'naam' moet tekst zijn"),
                api("programma: gemeenten is geen lijst", Call.post("projectleider", "/api/programmas", with(programme, "gemeenten", "baarn")),
                        400, "moet een lijst zijn"),
                api("programma: onbekend extra veld", Call.post("projectleider", "/api/programmas", with(programme, "status", "AFGEROND")),
                        400, "Onbekend veld 'status'"),
                api("programma: naam ontbreekt", Call.post("projectleider", "/api/programmas", without(programme, "naam")), 400, "naam"),
                api("programma: naam van 100.000 tekens", Call.post("projectleider", "/api/programmas", with(programme, "naam", LONG)),
                        400, "te lang"),
                api("programma: script als gemeentecode", Call.post("projectleider", "/api/programmas",
                        with(programme, "gemeenten", List.of(SCRIPT))), 400, "Onbekende gemeente"),
                api("programma: onbekende gemeente", Call.post("projectleider", "/api/programmas",
                        with(programme, "gemeenten", List.of("baarn", "utrecht"))), 400, "Onbekende gemeente: 'utrecht'"),
                api("programma: lege gemeente in de lijst", Call.post("projectleider", "/api/programmas",
                        with(programme, "gemeenten", java.util.Arrays.asList("baarn", null))), 400, "Onbekende gemeente"),
                api("programma: Nederlandse datum", Call.post("projectleider", "/api/programmas", with(programme, "start", "01-01-2040")),
                        400, "jjjj-mm-dd"),
                api("programma: 30 februari", Call.post("projectleider", "/api/programmas", with(programme, "start", "2040-02-30")),
                        400, "jjjj-mm-dd"),
                api("programma: jaar 1999", Call.post("projectleider", "/api/programmas", with(with(programme, "start", "1999-01-01"),
                        "einde", "2000-12-31")), 400, "tussen 2000 en 2100"),
                api("programma: jaar 9999", Call.post("projectleider", "/api/programmas", with(with(programme, "start", "9999-01-01"),
                        "einde", "9999-12-31")), 400, "tussen 2000 en 2100"),
                api("programma: kalenderdatum buiten de looptijd", Call.post("projectleider", "/api/programmas",
                        with(programme, "kalender", Map.of("inventarisatie", "2039-04-30"))), 400, "buiten de looptijd"),
                api("programma: herinnering met een komma", Call.post("projectleider", "/api/programmas",
                        with(programme, "kalender", Map.of("herinneringWerkdagen", List.of(1.5)))), 400, "geheel getal"),
                api("programma: negatieve herinnering", Call.post("projectleider", "/api/programmas",
                        with(programme, "kalender", Map.of("herinneringWerkdagen", List.of(-1)))), 400, "0 tot 60 werkdagen"),
                api("programma: als platte tekst", new Call("projectleider", "POST", "/api/programmas", "text/plain", programme), 415,
                        "Content-Type: application/json"),
                api("programma: door een wethouder", Call.post("wethouder.baarn", "/api/programmas", programme), 403, "geen toegang"),
                api("programma: zonder login", Call.post(null, "/api/programmas", programme), 401, "Log in"),
                api("programma: verwijderen bestaat niet", new Call("projectleider", "DELETE", "/api/programmas", null, null), 405,
                        "niet toegestaan"),
                // GET /api/programmas/{id}
                api("programma opvragen: onbekend", Call.get("projectleider", "/api/programmas/onbekend"), 404, "bestaat niet"),
                api("programma opvragen: id van 5.000 tekens", Call.get("projectleider", "/api/programmas/" + "a".repeat(5000)), 404,
                        "bestaat niet"),
                api("programma opvragen: markup als id", Call.get("projectleider", "/api/programmas/" + encode("<img src=x onerror=alert(1)>")), 404,
                        "bestaat niet"),
                api("onbekende API", Call.get("projectleider", "/api/beheer/gebruikers"), 404, "bestaat niet"),
                // POST /api/programmas/{id}/gemeenten
                api("toetreden: onbekende gemeente", Call.post("projectleider", join, "{\"gemeente\": \"utrecht\"}"), 400,
                        "Onbekende gemeente"),
                api("toetreden: doet al mee", Call.post("projectleider", join, "{\"gemeente\": \"baarn\", \"datum\": \"2031-10-01\"}"), 400,
                        "doet al mee"),
                api("toetreden: datum buiten de looptijd", Call.post("projectleider", join,
                        "{\"gemeente\": \"eemnes\", \"datum\": \"2040-01-01\"}"), 400, "buiten de looptijd"),
                api("toetreden: datum in woorden", Call.post("projectleider", join, "{\"gemeente\": \"eemnes\", \"datum\": \"morgen\"}"),
                        400, "jjjj-mm-dd"),
                api("toetreden: gemeente is een getal", Call.post("projectleider", join, "{\"gemeente\": 327}"), 400, "moet tekst zijn"),
                api("toetreden: zonder gemeente", Call.post("projectleider", join, "{}"), 400, "Geef de gemeente"),
                api("toetreden: extra veld", Call.post("projectleider", join, "{\"gemeente\": \"eemnes\", \"gefinancierd\": true}"), 400,
                        "Onbekend veld"),
                api("toetreden: onbekend programma", Call.post("projectleider", "/api/programmas/onbekend/gemeenten",
                        "{\"gemeente\": \"eemnes\"}"), 404, "bestaat niet"),
                api("toetreden: door een ambtenaar", Call.post("ambtenaar.eemnes", join, "{\"gemeente\": \"eemnes\"}"), 403, "geen toegang"),
                // POST /api/trajecten/{track}/activiteiten
                api("nieuwe activiteit: kapotte JSON", Call.post("ambtenaar.bunschoten", newActivity, "{\"titel\": "), 400, "geen geldige JSON"),
                api("nieuwe activiteit: titel is een getal", Call.post("ambtenaar.bunschoten", newActivity, "{\"titel\": 12}"), 400,
                        "'titel' moet tekst zijn"),
                api("nieuwe activiteit: titel van 100.000 tekens", Call.post("ambtenaar.bunschoten", newActivity,
                        with("{\"titel\": \"x\"}", "titel", LONG)), 400, "te lang"),
                api("nieuwe activiteit: extra veld", Call.post("ambtenaar.bunschoten", newActivity,
                        "{\"titel\": \"Buurtfeest\", \"status\": \"GOEDGEKEURD\"}"), 400, "Onbekend veld 'status'"),
                api("nieuwe activiteit: staat al in het plan", Call.post("ambtenaar.bunschoten", newActivity,
                        "{\"titel\": \"Voorlichting op scholen\"}"), 400, "staat al in het plan"),
                api("nieuwe activiteit: door de wethouder", Call.post("wethouder.bunschoten", newActivity, "{\"titel\": \"Buurtfeest\"}"),
                        403, "Alleen een beleidsambtenaar"),
                api("nieuwe activiteit: door een andere gemeente", Call.post("ambtenaar.baarn", newActivity, "{\"titel\": \"Buurtfeest\"}"),
                        403, "Alleen een beleidsambtenaar"),
                api("nieuwe activiteit: traject nog niet in uitvoering", Call.post("ambtenaar.woudenberg",
                        "/api/trajecten/" + A + "-woudenberg/activiteiten", "{\"titel\": \"Buurtfeest\"}"), 409, "niet in uitvoering"),
                api("nieuwe activiteit: onbekend traject", Call.post("ambtenaar.bunschoten", "/api/trajecten/onbekend/activiteiten",
                        "{\"titel\": \"Buurtfeest\"}"), 404, "bestaat niet"),
                api("nieuwe activiteit: zonder login", Call.post(null, newActivity, "{\"titel\": \"Buurtfeest\"}"), 401, "Log in"),
                // PUT /api/programmas/{id}/vergaderingen
                api("vergaderingen: kapotte JSON", Call.put("projectleider", meetings, "{\"bosd\": ["), 400, "geen geldige JSON"),
                api("vergaderingen: bosd is geen lijst", Call.put("projectleider", meetings, "{\"stuurgroep\": [], \"bosd\": \"2031-12-01\"}"),
                        400, "moet een lijst zijn"),
                api("vergaderingen: datum in woorden", Call.put("projectleider", meetings, "{\"stuurgroep\": [\"morgen\"], \"bosd\": []}"),
                        400, "jjjj-mm-dd"),
                api("vergaderingen: extra veld", Call.put("projectleider", meetings,
                        "{\"stuurgroep\": [], \"bosd\": [], \"papierdeadline\": 3}"), 400, "Onbekend veld"),
                api("vergaderingen: zonder lijsten", Call.put("projectleider", meetings, "{}"), 400, "Geef de vergaderingen"),
                api("vergaderingen: BOSD zonder stuurgroep ervoor", Call.put("projectleider", meetings,
                        "{\"stuurgroep\": [\"2031-12-10\"], \"bosd\": [\"2031-12-01\"]}"), 400, "geen vergadering van de stuurgroep"),
                api("vergaderingen: na de looptijd", Call.put("projectleider", meetings,
                        "{\"stuurgroep\": [\"2033-01-10\"], \"bosd\": []}"), 400, "buiten de looptijd"),
                api("vergaderingen: in het verleden", Call.put("projectleider", meetings,
                        "{\"stuurgroep\": [\"2031-01-10\"], \"bosd\": []}"), 400, "ligt in het verleden"),
                api("vergaderingen: door het BOSD", Call.put("bosd", meetings, "{\"stuurgroep\": [], \"bosd\": []}"), 403, "geen toegang"),
                api("vergaderingen: zonder login", Call.put(null, meetings, "{\"stuurgroep\": [], \"bosd\": []}"), 401, "Log in"),
                api("vergaderingen: onbekend programma", Call.put("projectleider", "/api/programmas/onbekend/vergaderingen",
                        "{\"stuurgroep\": [], \"bosd\": []}"), 404, "bestaat niet"),
                // POST /api/programmas/{id}/portefeuillehouderwissel
                api("wissel: onbekende gemeente", Call.post("projectleider", handOver,
                        "{\"gemeente\": \"utrecht\", \"wethouder\": \"wethouder.leusden\"}"), 400, "Onbekende gemeente"),
                api("wissel: onbekende gebruiker", Call.post("projectleider", handOver,
                        "{\"gemeente\": \"baarn\", \"wethouder\": \"" + SCRIPT + "\"}"), 400, "Onbekende gebruiker"),
                api("wissel: zonder wethouder", Call.post("projectleider", handOver, "{\"gemeente\": \"baarn\"}"), 400,
                        "nieuwe wethouder"),
                api("wissel: wethouder is een lijst", Call.post("projectleider", handOver,
                        "{\"gemeente\": \"baarn\", \"wethouder\": [\"a\"]}"), 400, "moet tekst zijn"),
                api("wissel: extra veld", Call.post("projectleider", handOver,
                        "{\"gemeente\": \"baarn\", \"wethouder\": \"wethouder.baarn\", \"groep\": \"beheer\"}"), 400, "Onbekend veld 'groep'"),
                api("wissel: door de wethouder zelf", Call.post("wethouder.baarn", handOver,
                        "{\"gemeente\": \"baarn\", \"wethouder\": \"wethouder.baarn\"}"), 403, "geen toegang"),
                // POST /api/programmas/{id}/activiteitengeld
                api("activiteitengeld: voor een andere gemeente", Call.post("ambtenaar.leusden", moneyPath, money), 403,
                        "Alleen een beleidsambtenaar van deze gemeente"),
                api("activiteitengeld: bedrag in woorden", Call.post("ambtenaar.baarn", moneyPath, with(money, "bedrag", "veel")), 400,
                        "geen bedrag"),
                api("activiteitengeld: bedrag is een object", Call.post("ambtenaar.baarn", moneyPath, with(money, "bedrag", Map.of("x", 1))),
                        400, "geen bedrag"),
                api("activiteitengeld: bedrag van 10^999999999", Call.post("ambtenaar.baarn", moneyPath,
                        with(money, "bedrag", "1e999999999")), 400, "te hoog"),
                api("activiteitengeld: negatief bedrag", Call.post("ambtenaar.baarn", moneyPath, with(money, "bedrag", "-5")), 400,
                        "groter zijn dan nul"),
                api("activiteitengeld: lege doelgroep", Call.post("ambtenaar.baarn", moneyPath,
                        with(money, "doelgroepen", java.util.Arrays.asList((Object) null))), 400, "Onbekende doelgroep"),
                api("activiteitengeld: script als doelgroep", Call.post("ambtenaar.baarn", moneyPath,
                        with(money, "doelgroepen", List.of(SCRIPT))), 400, "Onbekende doelgroep"),
                api("activiteitengeld: zonder doelgroepen", Call.post("ambtenaar.baarn", moneyPath, without(money, "doelgroepen")), 400,
                        "minstens één doelgroep"),
                api("activiteitengeld: activiteit van 100.000 tekens", Call.post("ambtenaar.baarn", moneyPath,
                        with(money, "activiteit", LONG)), 400, "te lang"),
                api("activiteitengeld: activiteit is een getal", Call.post("ambtenaar.baarn", moneyPath, with(money, "activiteit", 5)),
                        400, "moet tekst zijn"),
                api("activiteitengeld: onbekende gemeente", Call.post("projectleider", moneyPath, with(money, "gemeente", "utrecht")), 400,
                        "Onbekende gemeente"),
                api("activiteitengeld: gemeente zonder activiteitengeld", Call.post("projectleider", moneyPath,
                        with(money, "gemeente", "amersfoort")), 400, "ontvangt geen activiteitengeld"),
                api("activiteitengeld: gemeente die niet meedoet", Call.post("projectleider", moneyPath, with(money, "gemeente", "eemnes")),
                        400, "doet niet mee"),
                api("activiteitengeld: activiteit van een andere gemeente", Call.post("ambtenaar.baarn", moneyPath,
                        with(money, "lokaleActiviteitId", bunschotenActivity)), 400, "hoort niet bij Baarn"),
                api("activiteitengeld: onbekende activiteit", Call.post("ambtenaar.baarn", moneyPath,
                        with(money, "lokaleActiviteitId", 999_999)), 400, "hoort niet bij Baarn"),
                api("activiteitengeld: activiteit-id in woorden", Call.post("ambtenaar.baarn", moneyPath,
                        with(money, "lokaleActiviteitId", "de eerste")), 400, "'lokaleActiviteitId'"),
                api("activiteitengeld: status meesturen", Call.post("ambtenaar.baarn", moneyPath, with(money, "status", "TOEGEKEND")), 400,
                        "Onbekend veld 'status'"),
                api("activiteitengeld: onbekend programma", Call.post("ambtenaar.baarn", "/api/programmas/onbekend/activiteitengeld", money),
                        404, "bestaat niet"),
                // POST /api/programmas/{id}/uren
                api("uren: door de projectleider", Call.post("projectleider", hoursPath, hours), 403, "Alleen de adviseur"),
                api("uren: in woorden", Call.post("adviseur", hoursPath, with(hours, "uren", "twee")), 400, "geen aantal uren"),
                api("uren: 25 op een dag", Call.post("adviseur", hoursPath, with(hours, "uren", "25")), 400, "hoogstens 24 uur"),
                api("uren: vooruit boeken", Call.post("adviseur", hoursPath, with(hours, "datum", "2031-12-01")), 400, "niet vooruit"),
                api("uren: datum in woorden", Call.post("adviseur", hoursPath, with(hours, "datum", "gisteren")), 400, "jjjj-mm-dd"),
                api("uren: zonder datum", Call.post("adviseur", hoursPath, without(hours, "datum")), 400, "datum"),
                api("uren: omschrijving van 100.000 tekens", Call.post("adviseur", hoursPath, with(hours, "omschrijving", LONG)), 400,
                        "500 tekens"),
                api("uren: onbekende gemeente", Call.post("adviseur", hoursPath, with(hours, "gemeente", "utrecht")), 400,
                        "Onbekende gemeente"),
                api("uren: gemeente die niet meedoet", Call.post("adviseur", hoursPath, with(hours, "gemeente", "eemnes")), 400,
                        "doet niet mee"),
                api("uren: extra veld", Call.post("adviseur", hoursPath, with(hours, "goedgekeurd", true)), 400, "Onbekend veld"),
                // GET /api/programmas/{id}/verantwoording/{jaar}.csv|pdf
                api("verantwoording: jaar in woorden", Call.get("projectleider", "/api/programmas/" + A + "/verantwoording/vorig.csv"), 400,
                        "geheel getal"),
                api("verantwoording: jaar te groot", Call.get("projectleider", "/api/programmas/" + A + "/verantwoording/99999999999.pdf"),
                        400, "geheel getal"),
                api("verantwoording: jaar buiten de looptijd", Call.get("projectleider", "/api/programmas/" + A + "/verantwoording/1800.csv"),
                        400, "liep niet"),
                api("verantwoording: onbekend programma", Call.get("beheer", "/api/programmas/onbekend/verantwoording/2031.pdf"), 404,
                        "bestaat niet"),
                api("verantwoording: door een wethouder", Call.get("wethouder.baarn", "/api/programmas/" + A + "/verantwoording/2031.csv"),
                        403, "geen toegang"),
                // /api/demo/klok
                api("demoklok: datum in woorden", Call.post("beheer", "/api/demo/klok", "{\"datum\": \"morgen\"}"), 400, "jjjj-mm-dd"),
                api("demoklok: jaar 1999", Call.post("beheer", "/api/demo/klok", "{\"datum\": \"1999-12-31T09:00:00\"}"), 400,
                        "tussen 2000 en 2100"),
                api("demoklok: datum is een getal", Call.post("beheer", "/api/demo/klok", "{\"datum\": 20310101}"), 400, "moet tekst zijn"),
                api("demoklok: extra veld", Call.post("beheer", "/api/demo/klok", "{\"datum\": \"2031-10-01T09:00:00\", \"zone\": \"UTC\"}"),
                        400, "Onbekend veld"),
                api("demoklok: door de projectleider", Call.post("projectleider", "/api/demo/klok", "{\"datum\": \"2031-10-01T09:00:00\"}"),
                        403, "geen toegang"),
                api("demoklok: terugzetten door een ambtenaar", new Call("ambtenaar.baarn", "DELETE", "/api/demo/klok", null, null), 403,
                        "geen toegang")));
        return attacks.stream();
    }

    private static Arguments api(String name, Call call, int status, String melding) {
        return Arguments.of(name, call, status, melding);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apiAttacks")
    void theApiRefusesInDutchAndChangesNothing(String name, Call call, int status, String melding) throws Exception {
        Map<String, String> before = state();

        HttpResponse<String> response = send(call);

        assertThat(response.statusCode()).as("%s: %s", name, response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as(name)
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.path("melding").asText()).as("%s: %s", name, response.body()).contains(melding);
        assertNothingLeaks(name, response);
        assertThat(state()).as("%s changed the database", name).isEqualTo(before);
    }

    // ---------------------------------------------------------------- the forms

    /** A live task (or a start form) with its form, who may work it, and a submission that would be accepted. */
    record FormCase(String form, String businessKey, String taskKey, String processKey, String user, Map<String, Object> valid) {

        boolean isStartForm() {
            return processKey != null;
        }
    }

    private static FormCase task(String form, String businessKey, String taskKey, String user, Object... valid) {
        return new FormCase(form, businessKey, taskKey, null, user, values(valid));
    }

    private static Map<String, Object> values(Object... keyValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put((String) keyValues[i], keyValues[i + 1]);
        }
        return values;
    }

    private static final List<FormCase> FORMS = List.of(
            task("inventarisatie", A + "-baarn", "inventarisatie-opstellen", "ambtenaar.baarn",
                    "watSpeeltLokaal", "Eenzaamheid", "mogelijkeVervolgstap", "Gesprek"),
            task("besluit-voorbereiden", A + "-leusden", "besluit-voorbereiden", "ambtenaar.leusden", "voorstel", "Graag akkoord"),
            task("besluit-nemen", A + "-soest", "besluit-nemen", "wethouder.soest", "uitkomst", "afwijzen", "motivering", "We gaan door"),
            task("gesprek-vastleggen", A + "-nijkerk", "inventarisatie-bespreken", "ambtenaar.nijkerk", "gespreksdatum", "2031-09-01",
                    "deelnemers", "Wethouder en beleidsambtenaar", "afspraken", "Verder met het plan", "uitkomst", "verder"),
            task("maatwerkplan", A + "-woudenberg", "maatwerkplan-opstellen", "ambtenaar.woudenberg",
                    "planSamenvatting", "Zichtbaarheid", "activiteiten", "Voorlichting"),
            task("activiteit-uitvoeren", A + "-bunschoten", "activiteit-uitvoeren", "ambtenaar.bunschoten", "resultaat", "Goed bezocht"),
            task("voortgangsgesprek", A + "-bunschoten", "voortgangsgesprek-voeren", "ambtenaar.bunschoten",
                    "tussenresultaten", "Loopt", "successen", "Belangstelling", "teleurstellingen", "Weinig tijd"),
            task("overzicht-onderwerpen", B + "-regio", "overzicht-onderwerpen-opstellen", "projectleider", "onderwerpen", "Sport"),
            task("regionaal-bespreken", C + "-regio", "overzicht-onderwerpen-voorbereiden", "stuurgroep", "verslag", "Voorbereid"),
            task("plan-van-aanpak", D + "-regio", "plan-van-aanpak-opstellen", "adviseur", "planVanAanpak", "Samen leren"),
            task("regionale-vergadering", A + "-regio", "voortgang-voorbereiden", "stuurgroep", "verslag", "Voorbereid"),
            task("terugkoppeling-voorbereiden", A, "terugkoppeling-voorbereiden", "stuurgroep", "advies", "Doorgaan"),
            task("koers-kiezen", B, "koers-kiezen", "bosd", "koers", "bijsturen", "bijsturenGemeenten", json("[\"amersfoort\"]"),
                    "toelichting", "Nieuwe portefeuillehouders"),
            task("activiteitengeld-aanpassen", A + "-baarn", "aanvraag-aanpassen", "ambtenaar.baarn", "bedrag", "400"),
            task("uren-boven-plafond", A + "-uren-2031", "uren-beoordelen", "projectleider", "beoordeling", "afwijzen",
                    "motivatie", "Plafond is plafond"),
            new FormCase("regionale-inbreng", null, null, "regionale-inbreng", "ambtenaar.amersfoort", values(
                    "programmaId", A, "soort", "succes", "tekst", "Regenboogweek in de bibliotheek")),
            new FormCase("programma-starten", null, null, "programma-inclusie-diversiteit", "projectleider", values(
                    "naam", "Inclusie 2040-2041", "start", "2040-01-01", "einde", "2041-12-31", "gemeenten", "Baarn",
                    "inventarisatie", "2040-04-30", "maatwerkplan", "2040-06-29", "overzichtOnderwerpen", "2040-04-30",
                    "planVanAanpak", "2040-06-29", "terugkoppeling", "2040-06-29")),
            new FormCase("activiteitengeld-aanvragen", null, null, "activiteitengeld-aanvraag", "ambtenaar.baarn", values(
                    "programmaId", A, "activiteit", "Voorlichting", "doelgroepen", json("[\"LHBTI\"]"),
                    "zichtbaarheid", "In de krant", "bedrag", "100")));

    /** A value sent as Camunda's type Json, as Tasklist sends a checklist. */
    private static Map<String, Object> json(String value) {
        return Map.of("value", value, "type", "Json");
    }

    /** What kind of field, as far as the checks go. */
    enum Kind { TEXT, CHOICE, LIST, DATE, AMOUNT }

    Stream<Arguments> formAttacks() throws Exception {
        Map<String, Map<String, Kind>> fields = formFields();
        List<Arguments> attacks = new ArrayList<>();
        for (FormCase form : FORMS) {
            Map<String, Kind> editable = fields.get(form.form());
            assertThat(editable).as("form %s", form.form()).isNotNull();
            assertThat(form.valid().keySet()).as("a valid submission of %s", form.form()).isSubsetOf(editable.keySet());
            attacks.add(form(form, "kapotte JSON", null, "{\"variables\": {\"", 400, "geen geldige JSON"));
            attacks.add(form(form, "extra veld besluitnemerGroep", with(form.valid(), "besluitnemerGroep", "beheer"), null, 400,
                    "kent het veld 'besluitnemerGroep'"));
            attacks.add(form(form, "extra veld met script als naam", with(form.valid(), SCRIPT, "x"), null, 400, "kent het veld"));
            for (Map.Entry<String, Kind> field : editable.entrySet()) {
                String key = field.getKey();
                Kind kind = field.getValue();
                attacks.add(form(form, key + ": true in plaats van " + kind, with(form.valid(), key, typed(true, "Boolean")), null, 400,
                        switch (kind) {
                            case TEXT, CHOICE -> "moet tekst zijn";
                            case DATE -> "geen geldige datum";
                            case LIST -> "Onbekende";
                            case AMOUNT -> "geen bedrag";
                        }));
                attacks.add(form(form, key + ": een Java-object", with(form.valid(), key, Map.of("type", "Object", "value", "rO0ABXQAAXg=",
                        "valueInfo", Map.of("objectTypeName", "java.lang.String",
                                "serializationDataFormat", "application/x-java-serialized-object"))), null, 400, "moet tekst, een getal"));
                attacks.add(form(form, key + ": 100.000 tekens", with(form.valid(), key, LONG), null, 400, switch (kind) {
                    case TEXT, CHOICE -> "te lang";
                    case DATE -> "geen geldige datum";
                    case LIST -> "Onbekende";
                    case AMOUNT -> "geen bedrag";
                }));
                if (kind != Kind.TEXT) {
                    // Markup in free text is text (shown escaped); where a code, a date or an amount belongs it is refused.
                    attacks.add(form(form, key + ": script", with(form.valid(), key, kind == Kind.LIST ? json("[\"" + SCRIPT.replace("'", "") + "\"]")
                            : SCRIPT), null, 400, null));
                }
                JsonNode component = component(form.form(), key);
                String label = label(component);
                JsonNode validate = component.path("validate");
                if (validate.hasNonNull("maxLength")) {
                    // One character more than the form allows is refused by the server too, naming the form's label and limit.
                    int max = validate.get("maxLength").asInt();
                    attacks.add(form(form, key + ": " + (max + 1) + " tekens, één meer dan het formulier toestaat",
                            with(form.valid(), key, ofLength(kind, max + 1)), null, 400,
                            "'" + label + "' is te lang: maximaal " + max + " tekens"));
                }
                if (isRequired(form.form(), key)) {
                    // The form's label in the message; an amount says first that it is no amount.
                    attacks.add(form(form, key + " leeg", with(form.valid(), key, "   "), null, 400, switch (kind) {
                        case TEXT, CHOICE -> "Vul '" + label + "' in.";
                        // A programme's period and participants are its own rules, for the API as well; target groups are the form's.
                        case DATE -> form.form().equals("programma-starten") ? "Vul een startdatum en een einddatum in." : "Vul '" + label + "' in.";
                        case LIST -> "minstens één";
                        case AMOUNT -> "Vul een bedrag in.";
                    }));
                    // A field the process filled in beforehand (a draft) may be left out: the person keeps the draft.
                    if (!prefilled(form).contains(key)) {
                        attacks.add(form(form, key + " ontbreekt", without(form.valid(), key), null, 400, null));
                    }
                }
            }
        }
        FormCase start = FORMS.get(FORMS.size() - 2);
        FormCase money = FORMS.get(FORMS.size() - 1);
        FormCase course = FORMS.stream().filter(f -> f.form().equals("koers-kiezen")).findFirst().orElseThrow();
        FormCase inventory = FORMS.get(0);
        attacks.add(form(start, "onbekende gemeente", with(start.valid(), "gemeenten", "Baarn, Utrecht"), null, 400,
                "Onbekende gemeente: 'Utrecht'. Gemeenten: Amersfoort, Baarn,"));
        attacks.add(form(start, "onbekende gemeente in een lijst", with(start.valid(), "gemeenten", json("[\"baarn\",\"utrecht\"]")), null,
                400, "Onbekende gemeente: 'utrecht'"));
        attacks.add(form(start, "start in 1999", with(with(start.valid(), "start", "1999-01-01"), "einde", "2000-12-31"), null, 400,
                "tussen 2000 en 2100"));
        attacks.add(form(start, "einde in 2101", with(start.valid(), "einde", "2101-12-31"), null, 400, "tussen 2000 en 2100"));
        attacks.add(form(start, "inventarisatie buiten de looptijd", with(start.valid(), "inventarisatie", "2042-04-30"), null, 400,
                "buiten de looptijd"));
        attacks.add(form(start, "30 februari", with(start.valid(), "start", "2040-02-30"), null, 400, "geen geldige datum"));
        attacks.add(form(course, "onbekende gemeente bij bijsturen", with(course.valid(), "bijsturenGemeenten", json("[\"utrecht\"]")),
                null, 400, "Onbekende gemeente bij bijsturen"));
        // The form asks no municipality: the case is the beleidsambtenaar's own, and naming another one is refused.
        attacks.add(form(money, "een gemeente genoemd", with(money.valid(), "gemeente", "leusden"), null, 400, "kent het veld 'gemeente'"));
        attacks.add(form(money, "onbekend programma", with(money.valid(), "programmaId", "onbekend"), null, 400, "bestaat niet"));
        attacks.add(form(money, "een activiteit van een andere gemeente", with(money.valid(), "lokaleActiviteitId", "1"), null, 400,
                "kent het veld 'lokaleActiviteitId'"));
        attacks.add(form(money, "als beheer, van geen gemeente beleidsambtenaar",
                new FormCase(money.form(), null, null, money.processKey(), "beheer", money.valid()), money.valid(), 400,
                "u bent van geen gemeente beleidsambtenaar"));
        // The wethouder follows the requests of Baarn (reads the process), but does not start one.
        attacks.add(form(money, "als wethouder van Baarn (mag dit proces niet starten)",
                new FormCase(money.form(), null, null, money.processKey(), "wethouder.baarn", money.valid()), money.valid(), 403,
                "Geen toegang"));
        attacks.add(form(inventory, "Baarns taak door Leusden",
                new FormCase(inventory.form(), inventory.businessKey(), inventory.taskKey(), null, "ambtenaar.leusden", inventory.valid()),
                inventory.valid(), 403, "Geen toegang"));
        attacks.add(form(inventory, "Baarns taak door de wethouder van Leusden",
                new FormCase(inventory.form(), inventory.businessKey(), inventory.taskKey(), null, "wethouder.leusden", inventory.valid()),
                inventory.valid(), 403, "Geen toegang"));
        attacks.add(form(FORMS.get(2), "Soests besluit door de ambtenaar van Soest",
                new FormCase("besluit-nemen", A + "-soest", "besluit-nemen", null, "ambtenaar.soest", FORMS.get(2).valid()),
                FORMS.get(2).valid(), 403, "Geen toegang"));
        attacks.add(Arguments.of("onbekende taak", new FormCase("inventarisatie", null, "onbekend", null, "ambtenaar.baarn",
                inventory.valid()), inventory.valid(), null, 404, "bestaat niet"));
        return attacks.stream();
    }

    /** The fields of the live task that already hold a value (a draft the form shows). */
    private Set<String> prefilled(FormCase form) {
        if (form.isStartForm()) {
            return Set.of();
        }
        Task live = driver.task(form.businessKey(), form.taskKey());
        Set<String> filled = new java.util.HashSet<>();
        engine.getTaskService().getVariables(live.getId()).forEach((key, value) -> {
            if (value != null) {
                filled.add(key);
            }
        });
        return filled;
    }

    private static Arguments form(FormCase form, String what, Map<String, Object> variables, String rawBody, int status, String message) {
        return Arguments.of(form.form() + ": " + what, form, variables, rawBody, status, message);
    }

    private static Arguments form(FormCase form, String what, FormCase as, Map<String, Object> variables, int status, String message) {
        return Arguments.of(form.form() + ": " + what, as, variables, null, status, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formAttacks")
    void formsRefuseInDutchAndChangeNothing(String name, FormCase form, Map<String, Object> variables, String rawBody, int status,
            String message) throws Exception {
        String path;
        if (form.isStartForm()) {
            path = "/engine-rest/process-definition/key/" + form.processKey() + "/submit-form";
        } else if (form.businessKey() == null) {
            path = "/engine-rest/task/" + form.taskKey() + "/submit-form";
        } else {
            List<Task> live = driver.tasks(form.businessKey(), form.taskKey());
            assertThat(live).as("the scene has a live task for %s", name).hasSize(1);
            path = "/engine-rest/task/" + live.get(0).getId() + "/submit-form";
        }
        assertEngineRestRefuses(name, Call.post(form.user(), path, rawBody != null ? rawBody : submission(variables)), status, message);
    }

    Stream<Arguments> completionAttacks() {
        FormCase inventory = FORMS.get(0);
        return Stream.of(
                Arguments.of("zonder formulier: extra veld programmaId", with(inventory.valid(), "programmaId", "gekaapt"), 400,
                        "kent het veld 'programmaId'"),
                Arguments.of("zonder formulier: alleen-getoond veld gemeenteNaam", with(inventory.valid(), "gemeenteNaam", "Leusden"), 400,
                        "wordt alleen getoond"),
                Arguments.of("zonder formulier: een Java-object", with(inventory.valid(), "watSpeeltLokaal", Map.of("type", "Object",
                        "value", "rO0ABXQAAXg=", "valueInfo", Map.of("objectTypeName", "java.lang.String",
                                "serializationDataFormat", "application/x-java-serialized-object"))), 400, "moet tekst, een getal"));
    }

    /** Completing a task with variables but without its form (REST /task/{id}/complete) takes the same fields only. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("completionAttacks")
    void completingWithoutTheFormTakesTheFormsFieldsOnly(String name, Map<String, Object> variables, int status, String message)
            throws Exception {
        FormCase inventory = FORMS.get(0);
        Task live = driver.task(inventory.businessKey(), inventory.taskKey());
        assertEngineRestRefuses(name, Call.post(inventory.user(), "/engine-rest/task/" + live.getId() + "/complete", submission(variables)),
                status, message);
    }

    private void assertEngineRestRefuses(String name, Call call, int status, String message) throws Exception {
        Map<String, String> before = state();

        HttpResponse<String> response = send(call);

        assertThat(response.statusCode()).as("%s: %s", name, response.body()).isEqualTo(status);
        JsonNode answer = JSON.readTree(response.body());
        String dutch = answer.path("message").asText();
        assertThat(answer.path("type").asText()).as(name).isNotBlank();
        if (message != null) {
            assertThat(dutch).as(name).contains(message);
        }
        assertThat(dutch).as("%s answers in Dutch: %s", name, dutch).containsAnyOf(" moet ", "Vul ", "Kies ", "te lang", "Onbekend",
                " geen ", " niet", "Geef ", "bestaat", "Alleen ", "toegang", "tussen", "buiten", "getoond");
        assertNothingLeaks(name, response);
        assertThat(state()).as("%s changed the database", name).isEqualTo(before);
    }

    /** {"variables": {key: {"value": ...}}}; a value that is a map is sent as it is (type, valueInfo). */
    private static String submission(Map<String, Object> variables) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode vars = body.putObject("variables");
        for (Map.Entry<String, Object> variable : variables.entrySet()) {
            vars.set(variable.getKey(), variable.getValue() instanceof Map<?, ?> typed ? JSON.valueToTree(typed)
                    : JSON.valueToTree(Map.of("value", variable.getValue())));
        }
        return JSON.writeValueAsString(body);
    }

    private static Map<String, Object> typed(Object value, String type) {
        return Map.of("value", value, "type", type);
    }

    /** The editable fields of every form in forms/, with their kind, in form order. */
    private static Map<String, Map<String, Kind>> formFields() throws Exception {
        Map<String, Map<String, Kind>> forms = new HashMap<>();
        for (java.nio.file.Path file : java.nio.file.Files.newDirectoryStream(java.nio.file.Path.of("forms"), "*.form")) {
            JsonNode form = JSON.readTree(file.toFile());
            Map<String, Kind> fields = new LinkedHashMap<>();
            for (JsonNode component : form.path("components")) {
                if (!component.hasNonNull("key") || component.path("readonly").asBoolean(false)) {
                    continue;
                }
                String key = component.get("key").asText();
                fields.put(key, key.equals("bedrag") ? Kind.AMOUNT : switch (component.path("type").asText()) {
                    case "radio", "select" -> Kind.CHOICE;
                    case "checklist" -> Kind.LIST;
                    case "datetime" -> Kind.DATE;
                    default -> Kind.TEXT;
                });
            }
            forms.put(form.path("id").asText(), fields);
        }
        return forms;
    }

    /** A component of a form in forms/ by its key. */
    private static JsonNode component(String formId, String key) throws Exception {
        JsonNode form = JSON.readTree(java.nio.file.Path.of("forms", formId + ".form").toFile());
        for (JsonNode component : form.path("components")) {
            if (key.equals(component.path("key").asText())) {
                return component;
            }
        }
        throw new IllegalArgumentException("no field " + key + " in " + formId);
    }

    /** The label Tasklist shows; a datetime field has its own. */
    private static String label(JsonNode component) {
        return component.hasNonNull("label") ? component.get("label").asText() : component.path("dateLabel").asText();
    }

    /**
     * A value of exactly this length that breaks no other rule of its kind: text in lines of a sentence
     * (a plan's activity is one line, at most 500 characters), an amount padded with zeros.
     */
    private static String ofLength(Kind kind, int length) {
        if (kind == Kind.AMOUNT) {
            return "0".repeat(Math.max(0, length - 3)) + "100".substring(0, Math.min(3, length));
        }
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            int at = text.length();
            text.append(at % 100 == 99 && at < length - 1 ? '\n' : (char) ('a' + at % 26));
        }
        return text.toString();
    }

    private static boolean isRequired(String formId, String key) throws Exception {
        JsonNode form = JSON.readTree(java.nio.file.Path.of("forms", formId + ".form").toFile());
        for (JsonNode component : form.path("components")) {
            if (key.equals(component.path("key").asText())) {
                return component.path("validate").path("required").asBoolean(false);
            }
        }
        return false;
    }

    Stream<Arguments> formLimits() throws Exception {
        Map<String, Map<String, Kind>> fields = formFields();
        List<Arguments> limits = new ArrayList<>();
        for (FormCase form : FORMS) {
            for (Map.Entry<String, Kind> field : fields.get(form.form()).entrySet()) {
                JsonNode validate = component(form.form(), field.getKey()).path("validate");
                // A programme's id and the names of municipalities are ones that exist, whatever their length.
                boolean named = field.getKey().equals("programmaId") || field.getKey().equals("gemeenten");
                boolean anyValue = field.getValue() == Kind.TEXT && !named || field.getValue() == Kind.AMOUNT;
                if (anyValue && validate.hasNonNull("maxLength")) {
                    limits.add(Arguments.of(form.form() + ": " + field.getKey() + " van " + validate.get("maxLength").asInt() + " tekens",
                            form, field.getKey(), ofLength(field.getValue(), validate.get("maxLength").asInt())));
                }
            }
        }
        return limits.stream();
    }

    /**
     * What the form lets a person type, the server takes: no limit in Java below the form's. Submitted
     * as the engine in a transaction that is rolled back, so the scene stays as it is.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("formLimits")
    void theServerTakesWhatTheFormAllows(String name, FormCase form, String key, String longest) {
        Map<String, Object> values = new LinkedHashMap<>();
        with(form.valid(), key, longest).forEach((field, value) ->
                values.put(field, value instanceof Map<?, ?> typed ? String.valueOf(typed.get("value")) : value));
        Map<String, String> before = state();
        new TransactionTemplate(transactions).executeWithoutResult(transaction -> {
            // As the person whose form it is: some rules ask who decides, or whose municipality's case it is.
            ProcessDriver.authenticate(engine.getIdentityService(), form.user());
            try {
                if (form.isStartForm()) {
                    String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(form.processKey())
                            .latestVersion().singleResult().getId();
                    engine.getFormService().submitStartForm(definition, values);
                } else {
                    engine.getFormService().submitTaskForm(driver.task(form.businessKey(), form.taskKey()).getId(), values);
                }
            } finally {
                engine.getIdentityService().clearAuthentication();
            }
            transaction.setRollbackOnly();
        });
        assertThat(state()).as("%s was rolled back", name).isEqualTo(before);
    }

    @Test
    void everyFormWithAFieldToFillInIsAttacked() throws Exception {
        Set<String> attacked = new java.util.HashSet<>(FORMS.stream().map(FormCase::form).toList());
        // Reached only at the end of a period; the same checks (FormFieldsOnly, FormInput) guard them.
        Set<String> endOfPeriod = Set.of("slotevaluatie", "eindrapportage-opstellen", "eindrapportage-publiceren", "besluit-voortzetting");
        assertThat(formFields().keySet()).containsExactlyInAnyOrderElementsOf(
                Stream.concat(attacked.stream(), endOfPeriod.stream()).toList());
    }

    // ---------------------------------------------------------------- helpers

    private HttpResponse<String> send(Call call) {
        Http client = call.user() == null ? Http.anonymous(port) : Http.basic(port, call.user(), "demo");
        HttpRequest.Builder request = client.request(call.path(), "application/json");
        if (call.contentType() != null) {
            request.header("Content-Type", call.contentType());
        }
        HttpRequest.BodyPublisher body = call.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(call.body());
        return client.send(request.method(call.method(), body));
    }

    private static void assertNothingLeaks(String name, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(name).isLessThan(500);
        assertThat(response.body()).as(name).doesNotContain("\tat ", "at org.", "at nl.", "at java.", "Caused by", "Exception:",
                "NullPointer", "org.hibernate", "SQL");
        // Nobody's 100,000 characters come back.
        assertThat(response.body().length()).as(name).isLessThan(2_000);
    }

    private Map<String, String> state() {
        Map<String, String> state = new LinkedHashMap<>();
        for (String query : STATE) {
            state.put(query, jdbc.queryForList(query).toString());
        }
        return state;
    }

    private static String with(String json, String field, Object value) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(json);
            node.set(field, JSON.valueToTree(value));
            return JSON.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String without(String json, String field) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(json);
            node.remove(field);
            return JSON.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> with(Map<String, Object> values, String key, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(values);
        changed.put(key, value);
        return changed;
    }

    private static Map<String, Object> without(Map<String, Object> values, String key) {
        Map<String, Object> changed = new LinkedHashMap<>(values);
        changed.remove(key);
        return changed;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
