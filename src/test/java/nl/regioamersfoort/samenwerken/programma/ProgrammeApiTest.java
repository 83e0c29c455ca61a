package nl.regioamersfoort.samenwerken.programma;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.regioamersfoort.samenwerken.DemoApplicationTest;
import nl.regioamersfoort.samenwerken.Http;
import nl.regioamersfoort.samenwerken.platform.time.EngineClock;
import nl.regioamersfoort.samenwerken.platform.time.WorkingDays;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The projectleider starts a programme period over the API and everyone follows it there; bad input
 * is refused in Dutch and starts nothing. The application (and its database) is shared by the test
 * methods, so each test that needs a programme of its own uses its own years.
 */
@DemoApplicationTest
class ProgrammeApiTest {

    private static final List<String> FUNDED = List.of("baarn", "bunschoten", "leusden", "soest", "woudenberg");
    private static final String OCTOBER_2021_MEMBERS = "[\"amersfoort\", \"baarn\", \"bunschoten\", \"leusden\", \"soest\", \"woudenberg\"]";

    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtimeService;

    @AfterEach
    void backToRealTime() {
        ClockUtil.reset();
    }

    private Http projectleider() {
        return Http.basic(port, "projectleider", "demo");
    }

    private HttpResponse<String> start(Http caller, String body) {
        return caller.post("/api/programmas", "application/json", body);
    }

    /** A request as the README's contract describes it; the calendar is left to the seed's defaults when null. */
    private static String programme(String naam, String start, String einde, String gemeenten, String kalender) {
        return """
                {"naam": %s, "start": "%s", "einde": "%s", "gemeenten": %s%s}
                """.formatted(naam == null ? "null" : "\"" + naam + "\"", start, einde, gemeenten,
                kalender == null ? "" : ", \"kalender\": " + kalender);
    }

    @Test
    void theProjectleiderStartsAProgrammeAndEveryMunicipalityShowsWhereItStands() throws Exception {
        // The projectleider starts the 2022-2023 period in January 2022, before its first deadlines
        // (a deadline that has already passed would move to a month from now, see below).
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2022-01-10T09:00:00").atZone(EngineClock.ZONE).toInstant()));
        HttpResponse<String> started = start(projectleider(), programme("Inclusie en diversiteit 2022-2023", "2022-01-01", "2023-12-31",
                OCTOBER_2021_MEMBERS, """
                        {"inventarisatie": "2022-04-29", "maatwerkplan": "2022-06-30", "overzichtOnderwerpen": "2022-04-29",
                         "planVanAanpak": "2022-06-30", "terugkoppeling": "2022-06-30",
                         "vergaderingen": ["2022-09-30", "2022-12-16", "2023-03-31", "2023-06-30", "2023-09-29"]}
                        """));

        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        JsonNode created = json.readTree(started.body());
        ClockUtil.reset();
        assertThat(created.get("id").asText()).isEqualTo("inclusie-2022-2023");
        assertThat(created.get("businessKey").asText()).isEqualTo("inclusie-2022-2023");
        assertThat(started.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/api/programmas/inclusie-2022-2023"));

        // The list shows it.
        HttpResponse<String> list = projectleider().get("/api/programmas");
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode listed = byId(json.readTree(list.body())).get("inclusie-2022-2023");
        assertThat(listed).as(list.body()).isNotNull();
        assertThat(listed.get("naam").asText()).isEqualTo("Inclusie en diversiteit 2022-2023");
        assertThat(listed.get("start").asText()).isEqualTo("2022-01-01");
        assertThat(listed.get("einde").asText()).isEqualTo("2023-12-31");
        assertThat(listed.get("status").asText()).isEqualTo("LOPEND");

        // The programme itself: status, calendar and where each municipality stands.
        HttpResponse<String> shown = projectleider().get("/api/programmas/inclusie-2022-2023");
        assertThat(shown.statusCode()).isEqualTo(200);
        JsonNode programme = json.readTree(shown.body());
        assertThat(programme.get("id").asText()).isEqualTo("inclusie-2022-2023");
        assertThat(programme.get("naam").asText()).isEqualTo("Inclusie en diversiteit 2022-2023");
        assertThat(programme.get("status").asText()).isEqualTo("LOPEND");
        JsonNode kalender = programme.get("kalender");
        assertThat(kalender.get("inventarisatie").asText()).isEqualTo("2022-04-29");
        assertThat(kalender.get("maatwerkplan").asText()).isEqualTo("2022-06-30");
        assertThat(kalender.get("overzichtOnderwerpen").asText()).isEqualTo("2022-04-29");
        assertThat(kalender.get("planVanAanpak").asText()).isEqualTo("2022-06-30");
        assertThat(kalender.get("terugkoppeling").asText()).isEqualTo("2022-06-30");
        assertThat(texts(kalender.get("vergaderingen")))
                .containsExactly("2022-09-30", "2022-12-16", "2023-03-31", "2023-06-30", "2023-09-29");

        Map<String, JsonNode> gemeenten = byCode(programme.get("gemeenten"));
        assertThat(gemeenten).containsOnlyKeys("amersfoort", "baarn", "bunschoten", "leusden", "soest", "woudenberg");
        // Amersfoort takes part in the regional track only.
        JsonNode amersfoort = gemeenten.get("amersfoort");
        assertThat(amersfoort.get("naam").asText()).isEqualTo("Amersfoort");
        assertThat(amersfoort.get("gefinancierd").asBoolean()).isFalse();
        assertThat(amersfoort.get("fase").asText()).isEqualTo("ALLEEN_REGIONAAL");
        assertThat(amersfoort.get("deelnameVanaf").asText()).isEqualTo("2022-01-01");
        for (String code : FUNDED) {
            JsonNode gemeente = gemeenten.get(code);
            assertThat(gemeente.get("gefinancierd").asBoolean()).as(code).isTrue();
            assertThat(gemeente.get("fase").asText()).as(code).isEqualTo("INVENTARISATIE");
            assertThat(gemeente.get("volgendeDeadline").asText()).as(code).isEqualTo("2022-04-29");
            assertThat(gemeente.get("deelnameVanaf").asText()).as(code).isEqualTo("2022-01-01");
        }
        assertThat(gemeenten.get("baarn").get("naam").asText()).isEqualTo("Baarn");

        // The engine runs the programme with its business key, and one local track per funded municipality.
        ProcessInstance main = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(Programmes.PROCESS_KEY).processInstanceBusinessKey("inclusie-2022-2023").singleResult();
        assertThat(main).isNotNull();
        assertThat(main.isEnded()).isFalse();
        assertThat(main.isSuspended()).isFalse();
        List<String> localTracks = runtimeService.createProcessInstanceQuery().processDefinitionKey("gemeentetraject")
                .processInstanceBusinessKeyLike("inclusie-2022-2023-%").list().stream()
                .map(ProcessInstance::getBusinessKey).toList();
        assertThat(localTracks).containsExactlyInAnyOrder("inclusie-2022-2023-baarn", "inclusie-2022-2023-bunschoten",
                "inclusie-2022-2023-leusden", "inclusie-2022-2023-soest", "inclusie-2022-2023-woudenberg");
    }

    @Test
    void aDeadlineThatHasAlreadyPassedMovesToTheLastWorkingDayWithinAMonthFromNow() throws Exception {
        // Started today (real time) with the default calendar of 2024: the end of April 2024 has passed.
        LocalDate aMonthFromNow = WorkingDays.onOrBefore(EngineClock.today().plusMonths(1));
        HttpResponse<String> started = start(projectleider(),
                programme("Inclusie en diversiteit 2024-2025", "2024-01-01", "2025-12-31", "[\"amersfoort\", \"baarn\"]", null));
        LocalDate aMonthFromNowAfter = WorkingDays.onOrBefore(EngineClock.today().plusMonths(1));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        assertThat(json.readTree(started.body()).get("id").asText()).isEqualTo("inclusie-2024-2025");

        JsonNode programme = json.readTree(projectleider().get("/api/programmas/inclusie-2024-2025").body());
        assertThat(programme.get("kalender").get("inventarisatie").asText()).isEqualTo("2024-04-30");
        Map<String, JsonNode> gemeenten = byCode(programme.get("gemeenten"));
        assertThat(gemeenten.get("baarn").get("fase").asText()).isEqualTo("INVENTARISATIE");
        assertThat(LocalDate.parse(gemeenten.get("baarn").get("volgendeDeadline").asText())).isBetween(aMonthFromNow, aMonthFromNowAfter);
        assertThat(gemeenten.get("amersfoort").get("fase").asText()).isEqualTo("ALLEEN_REGIONAAL");
        assertThat(gemeenten.get("amersfoort").get("volgendeDeadline").isNull()).isTrue();
    }

    @Test
    void withoutNamedMunicipalitiesEveryMemberOnTheStartDateTakesPartAsTheReferenceDataSays() throws Exception {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2023-01-10T09:00:00").atZone(EngineClock.ZONE).toInstant()));
        HttpResponse<String> before = start(projectleider(), programme("Inclusie en diversiteit 2023", "2023-01-01", "2023-12-31", "[]", null));
        assertThat(before.statusCode()).as(before.body()).isEqualTo(201);
        // Eemnes and Nijkerk are members from 2024 (seed 000 fn 1): not in a period that starts before.
        assertThat(byCode(json.readTree(projectleider().get("/api/programmas/inclusie-2023-2023").body()).get("gemeenten")))
                .containsOnlyKeys("amersfoort", "baarn", "bunschoten", "leusden", "soest", "woudenberg");

        // From 2024 they are members, so a period starting then has all eight without a form or model knowing them.
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2048-01-10T09:00:00").atZone(EngineClock.ZONE).toInstant()));
        HttpResponse<String> later = start(projectleider(), programme("Inclusie en diversiteit 2048", "2048-01-01", "2048-12-31", "null", null));
        assertThat(later.statusCode()).as(later.body()).isEqualTo(201);
        assertThat(byCode(json.readTree(projectleider().get("/api/programmas/inclusie-2048-2048").body()).get("gemeenten")))
                .containsOnlyKeys("amersfoort", "baarn", "bunschoten", "eemnes", "leusden", "nijkerk", "soest", "woudenberg");
    }

    @Test
    void aProgrammeWithoutANameIsRefused() throws Exception {
        assertRefusedAndNothingStarts(programme(null, "2030-01-01", "2031-12-31", OCTOBER_2021_MEMBERS, null),
                "inclusie-2030-2031", "naam");
        assertRefusedAndNothingStarts(programme("   ", "2030-01-01", "2031-12-31", OCTOBER_2021_MEMBERS, null),
                "inclusie-2030-2031", "naam");
    }

    @Test
    void anEndBeforeTheStartIsRefused() throws Exception {
        String melding = assertRefusedAndNothingStarts(
                programme("Inclusie en diversiteit 2032-2033", "2033-12-31", "2032-01-01", OCTOBER_2021_MEMBERS, null),
                "inclusie-2033-2032", "einddatum");
        assertThat(melding).contains("na de startdatum");
    }

    @Test
    void anUnknownMunicipalityIsRefused() throws Exception {
        String melding = assertRefusedAndNothingStarts(programme("Inclusie en diversiteit 2034-2035", "2034-01-01", "2035-12-31",
                "[\"baarn\", \"utrecht\"]", null), "inclusie-2034-2035", "Onbekende gemeente");
        assertThat(melding).contains("utrecht");
    }

    @Test
    void aCalendarDateOutsideThePeriodIsRefused() throws Exception {
        String melding = assertRefusedAndNothingStarts(programme("Inclusie en diversiteit 2036-2037", "2036-01-01", "2037-12-31",
                OCTOBER_2021_MEMBERS, "{\"inventarisatie\": \"2038-04-30\"}"), "inclusie-2036-2037", "buiten de looptijd");
        assertThat(melding).contains("inventarisatie", "2038-04-30");

        String meeting = assertRefusedAndNothingStarts(programme("Inclusie en diversiteit 2036-2037", "2036-01-01", "2037-12-31",
                OCTOBER_2021_MEMBERS, "{\"vergaderingen\": [\"2036-09-30\", \"2035-12-01\"]}"), "inclusie-2036-2037", "buiten de looptijd");
        assertThat(meeting).contains("vergaderingen");
    }

    @Test
    void eemnesCannotTakePartInAProgrammeBeforeItIsAMember() throws Exception {
        // Eemnes is a member from 1 January 2024; it joins a running programme later instead.
        String melding = assertRefusedAndNothingStarts(programme("Inclusie en diversiteit 2022", "2022-03-01", "2022-12-31",
                "[\"baarn\", \"eemnes\"]", null), "inclusie-2022-2022", "Eemnes");
        assertThat(melding).contains("geen lid", "2024");
    }

    @Test
    void malformedJsonAndForeignDatesAreRefused() throws Exception {
        String broken = assertRefusedAndNothingStarts("{\"naam\": \"Inclusie en diversiteit 2038-2039\", \"start\": ",
                "inclusie-2038-2039", "geen geldige JSON");
        assertThat(broken).contains("jjjj-mm-dd");

        String dutchDate = assertRefusedAndNothingStarts(programme("Inclusie en diversiteit 2038-2039", "2038-01-01", "2039-12-31",
                OCTOBER_2021_MEMBERS, "{\"inventarisatie\": \"30-04-2038\"}"), "inclusie-2038-2039", "jjjj-mm-dd");
        assertThat(dutchDate).contains("ongeldige waarde");
    }

    @Test
    void anUnknownProgrammeIsNotFound() throws Exception {
        HttpResponse<String> response = projectleider().get("/api/programmas/onbekend");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json.readTree(response.body()).get("melding").asText()).contains("onbekend", "bestaat niet");
    }

    @Test
    void anonymousCallersStartNothing() throws Exception {
        long instances = runtimeService.createProcessInstanceQuery().count();
        int programmes = programmeIds().size();

        HttpResponse<String> response = start(Http.anonymous(port),
                programme("Inclusie en diversiteit 2040-2041", "2040-01-01", "2041-12-31", OCTOBER_2021_MEMBERS, null));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("inclusie-2040-2041");
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
        assertThat(programmeIds()).hasSize(programmes).doesNotContain("inclusie-2040-2041");
        assertThat(Http.anonymous(port).get("/api/programmas").statusCode()).isEqualTo(401);
    }

    @Test
    void onlyTheProjectleiderStartsAProgramme() throws Exception {
        long instances = runtimeService.createProcessInstanceQuery().count();
        int programmes = programmeIds().size();

        HttpResponse<String> response = start(Http.basic(port, "wethouder.baarn", "demo"),
                programme("Inclusie en diversiteit 2042-2043", "2042-01-01", "2043-12-31", OCTOBER_2021_MEMBERS, null));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("inclusie-2042-2043").count()).isZero();
        assertThat(programmeIds()).hasSize(programmes).doesNotContain("inclusie-2042-2043");
        assertThat(projectleider().get("/api/programmas/inclusie-2042-2043").statusCode()).isEqualTo(404);
    }

    /** Posts as the projectleider, expects 400 with a Dutch melding, and checks that no programme or process started. */
    private String assertRefusedAndNothingStarts(String body, String idItWouldHave, String expectedInMelding) throws Exception {
        long instances = runtimeService.createProcessInstanceQuery().count();
        List<String> programmesBefore = programmeIds();

        HttpResponse<String> response = start(projectleider(), body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode answer = json.readTree(response.body());
        assertThat(answer.has("melding")).as(response.body()).isTrue();
        String melding = answer.get("melding").asText();
        assertThat(melding).contains(expectedInMelding);
        // Nothing leaks from inside: no exception class names or stack traces.
        assertThat(response.body()).doesNotContain("Exception", "at nl.", "at org.");

        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
        assertThat(programmeIds()).containsExactlyInAnyOrderElementsOf(programmesBefore).doesNotContain(idItWouldHave);
        return melding;
    }

    private List<String> programmeIds() throws Exception {
        HttpResponse<String> list = projectleider().get("/api/programmas");
        assertThat(list.statusCode()).isEqualTo(200);
        return texts(json.readTree(list.body()), "id");
    }

    private static Map<String, JsonNode> byId(JsonNode array) {
        return byField(array, "id");
    }

    private static Map<String, JsonNode> byCode(JsonNode array) {
        return byField(array, "code");
    }

    private static Map<String, JsonNode> byField(JsonNode array, String field) {
        Map<String, JsonNode> byField = new LinkedHashMap<>();
        array.forEach(node -> byField.put(node.get(field).asText(), node));
        return byField;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.get(field).asText()));
        return texts;
    }
}
