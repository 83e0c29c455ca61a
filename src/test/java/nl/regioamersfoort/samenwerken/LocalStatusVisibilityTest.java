package nl.regioamersfoort.samenwerken;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.regioamersfoort.samenwerken.programma.NewProgramme;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who sees where Baarn stands (phase, next deadline, overdue tasks) in a programme of Baarn and
 * Leusden: Baarn's own people, the projectleider, the adviser and beheer. The stuurgroep, the BOSD and
 * Leusden see that Baarn takes part, not its status (Baarn consented to share nothing); a person of
 * Soest, outside the programme, sees nothing of the programme at all.
 */
@DemoApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalStatusVisibilityTest {

    /** Who sees Baarn's local status. */
    private static final Set<String> SEES_BAARN = Set.of("wethouder.baarn", "ambtenaar.baarn", "projectleider", "adviseur", "beheer");
    /** Who takes part without seeing Baarn's status. */
    private static final Set<String> SEES_BAARN_TAKES_PART = Set.of("ambtenaar.leusden", "wethouder.leusden", "stuurgroep", "bosd");

    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    Programmes programmes;
    @LocalServerPort
    int port;

    String programme;

    @BeforeAll
    void baarnAndLeusdenStart() {
        ClockUtil.setCurrentTime(ProcessDriver.at("2074-01-10T09:00:00"));
        programme = programmes.start(new NewProgramme("Inclusie en diversiteit 2074-2075", LocalDate.of(2074, 1, 1), LocalDate.of(2075, 12, 31),
                List.of("baarn", "leusden"), LocalDate.of(2074, 4, 30), null, null, null, null, null), "projectleider").getId();
        ClockUtil.reset();
    }

    /** Mid-May: both inventories (due 30 April) are overdue. */
    @BeforeEach
    void inMay() {
        ClockUtil.setCurrentTime(ProcessDriver.at("2074-05-15T10:00:00"));
    }

    @AfterEach
    void backToRealTime() {
        ClockUtil.reset();
    }

    @ParameterizedTest
    @ValueSource(strings = {"wethouder.baarn", "ambtenaar.baarn", "projectleider", "adviseur", "beheer", "ambtenaar.leusden",
            "wethouder.leusden", "stuurgroep", "bosd"})
    void theApiShowsBaarnsStatusOnlyToThoseWhoMaySeeIt(String user) throws Exception {
        HttpResponse<String> response = Http.basic(port, user, "demo").get("/api/programmas/" + programme);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, JsonNode> municipalities = byCode(json.readTree(response.body()).get("gemeenten"));
        assertThat(municipalities).containsOnlyKeys("baarn", "leusden");
        JsonNode baarn = municipalities.get("baarn");
        assertThat(baarn.get("naam").asText()).isEqualTo("Baarn");
        assertThat(baarn.get("gefinancierd").asBoolean()).isTrue();
        assertThat(baarn.get("deelnameVanaf").asText()).isEqualTo("2074-01-01");
        if (SEES_BAARN.contains(user)) {
            assertThat(baarn.get("fase").asText()).isEqualTo("INVENTARISATIE");
            assertThat(baarn.get("volgendeDeadline").asText()).isEqualTo("2074-04-30");
            assertThat(baarn.get("statusZichtbaar").asBoolean()).isTrue();
        } else {
            assertThat(SEES_BAARN_TAKES_PART).contains(user);
            assertThat(baarn.get("fase").isNull()).as(baarn.toString()).isTrue();
            assertThat(baarn.get("volgendeDeadline").isNull()).as(baarn.toString()).isTrue();
            assertThat(baarn.get("statusZichtbaar").asBoolean()).isFalse();
        }
        // Leusden's own people see Leusden's status; Baarn's do not.
        JsonNode leusden = municipalities.get("leusden");
        boolean seesLeusden = Set.of("ambtenaar.leusden", "wethouder.leusden", "projectleider", "adviseur", "beheer").contains(user);
        assertThat(leusden.get("fase").isNull()).as(user + " " + leusden).isEqualTo(!seesLeusden);
        assertThat(ids(user)).contains(programme);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wethouder.baarn", "projectleider", "adviseur", "beheer"})
    void theDashboardShowsBaarnsPhaseDeadlineAndOverdueTasksToItsOwnPeopleAndTheCoordinators(String user) {
        String html = section(as(user).get("/dashboard", "text/html").body());
        String baarn = row(html, "baarn");

        assertThat(baarn).contains("Inventarisatie", "30 april 2074", "1 taak").doesNotContain("Niet gedeeld");
    }

    @ParameterizedTest
    @ValueSource(strings = {"stuurgroep", "bosd"})
    void regionalBodiesSeeThatBaarnTakesPartButNotWhereItStands(String user) {
        Http browser = as(user);
        String html = section(browser.get("/dashboard", "text/html").body());
        String baarn = row(html, "baarn");

        assertThat(baarn).contains("Baarn", "Niet gedeeld", "Nog niets gedeeld")
                .doesNotContain("Inventarisatie", "30 april 2074", "1 taak", "/dashboard/traject/");
        assertThat(row(html, "leusden")).doesNotContain("Inventarisatie", "30 april 2074", "1 taak");

        HttpResponse<String> regional = browser.get("/dashboard/regionaal/" + programme, "text/html");
        assertThat(regional.statusCode()).isEqualTo(200);
        assertThat(regional.body()).doesNotContain("Inventarisatie Baarn", "Inventarisatie Leusden");

        HttpResponse<String> report = browser.get("/dashboard/rapportage/" + programme, "text/html");
        assertThat(report.statusCode()).isEqualTo(200);
        String overdue = report.body().substring(report.body().indexOf("Over de termijn"), report.body().indexOf("Geld en uren"));
        assertThat(overdue).contains("Regionaal spoor").doesNotContain("Baarn", "Leusden");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ambtenaar.leusden", "wethouder.leusden"})
    void anotherMunicipalitySeesNothingOfBaarnsStatusOnTheDashboard(String user) {
        String html = section(as(user).get("/dashboard", "text/html").body());

        assertThat(row(html, "leusden")).contains("Inventarisatie", "30 april 2074", "1 taak");
        assertThat(html).doesNotContain("data-gemeente=\"baarn\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ambtenaar.soest", "wethouder.soest", "wethouder.eemnes"})
    void aPersonOutsideTheProgrammeSeesNothingOfIt(String user) throws Exception {
        HttpResponse<String> api = Http.basic(port, user, "demo").get("/api/programmas/" + programme);
        assertThat(api.statusCode()).as(api.body()).isEqualTo(404);
        assertThat(json.readTree(api.body()).get("melding").asText()).contains("bestaat niet, of u heeft er geen inzage in");
        assertThat(api.body()).doesNotContain("baarn", "Baarn", "Inclusie en diversiteit", "INVENTARISATIE");
        assertThat(ids(user)).doesNotContain(programme);

        Http browser = as(user);
        assertThat(browser.get("/dashboard", "text/html").body()).doesNotContain("programma-" + programme + "\"", "Inclusie en diversiteit 2074-2075");
        for (String page : List.of("/dashboard/regionaal/" + programme, "/dashboard/rapportage/" + programme,
                "/dashboard/eindrapportage/" + programme, "/dashboard/traject/" + programme + "-baarn")) {
            HttpResponse<String> response = browser.get(page, "text/html");
            assertThat(response.statusCode()).as(page).isEqualTo(404);
            assertThat(response.body()).as(page).contains("bestaat niet, of u heeft er geen inzage in")
                    .doesNotContain("Baarn", "Inclusie en diversiteit 2074-2075");
        }
        assertThat(browser.download("/dashboard/rapportage/" + programme + ".pdf", "application/pdf").statusCode()).isEqualTo(404);
    }

    private Http as(String user) {
        Http browser = Http.browser(port);
        assertThat(browser.login(user, "demo").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        return browser;
    }

    private List<String> ids(String user) throws Exception {
        HttpResponse<String> list = Http.basic(port, user, "demo").get("/api/programmas");
        assertThat(list.statusCode()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        json.readTree(list.body()).forEach(p -> ids.add(p.get("id").asText()));
        return ids;
    }

    /** This programme's section of the dashboard (other tests' programmes share the database). */
    private String section(String page) {
        int start = page.indexOf("aria-labelledby=\"programma-" + programme + "\"");
        assertThat(start).as("section of %s", programme).isPositive();
        int end = page.indexOf("</section>", start);
        return page.substring(start, end);
    }

    private static String row(String html, String code) {
        int start = html.indexOf("data-gemeente=\"" + code + "\"");
        assertThat(start).as("row of %s", code).isPositive();
        return html.substring(start, html.indexOf("</tr>", start));
    }

    private static Map<String, JsonNode> byCode(JsonNode array) {
        Map<String, JsonNode> byCode = new LinkedHashMap<>();
        array.forEach(node -> byCode.put(node.get("code").asText(), node));
        return byCode;
    }
}
