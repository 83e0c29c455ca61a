package nl.regioamersfoort.samenwerken;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 16: the pages that replaced curl take bad input as the API does. Every form of the
 * projectleider's, beheer's and the beleidsambtenaar's pages gets input a person could type or a
 * participant could forge; each answer shows a Dutch message on the page, and none changes a thing.
 * A post from another role, or without the form's CSRF token, is refused before any form is read.
 */
@DemoApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageFormsHostileInputTest {

    private static final String LONG = "x".repeat(100_000);

    @Autowired
    ProcessEngine engine;
    @Autowired
    Programmes programmes;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    String programme;
    String track;

    record Attack(String what, String user, String page, String action, Map<String, String> form, String dutchMessage) {
        @Override
        public String toString() {
            return what;
        }
    }

    @BeforeAll
    void baarnInExecution() {
        programme = ProcessDriver.startProgramme(programmes, 2092, null, "baarn", "leusden");
        track = programme + "-baarn";
        ProcessDriver driver = new ProcessDriver(engine);
        driver.complete(track, "inventarisatie-opstellen", "ambtenaar.baarn", "watSpeeltLokaal", "Situatie", "mogelijkeVervolgstap", "Stap");
        driver.discuss(track, "baarn", "verder");
        driver.complete(track, "maatwerkplan-opstellen", "ambtenaar.baarn", "planSamenvatting", "Plan", "activiteiten", "Voorlichting");
        driver.discussAndAdoptPlan(track, "baarn");
    }

    @AfterAll
    void resetClock() {
        ClockUtil.reset();
    }

    Stream<Attack> attacks() {
        String manage = "/dashboard/programma/" + programme + "/beheren";
        String money = "/dashboard/programma/" + programme + "/geld";
        String handOver = "/dashboard/programma/" + programme + "/portefeuillehouder";
        String stop = "/dashboard/programma/" + programme + "/stoppen";
        String request = "/dashboard/traject/" + track + "/activiteitengeld";
        Map<String, String> validRequest = Map.of("lokaleActiviteit", "", "activiteit", "Buurtfeest", "bedrag", "100",
                "doelgroepen", "LHBTI", "zichtbaarheid", "In de krant");
        return Stream.of(
                new Attack("meeting in words", "projectleider", manage, manage + "/vergaderingen", Map.of("stuurgroep", "gisteren", "bosd", ""),
                        "'Vergadering van de stuurgroep' is geen geldige datum (verwacht: jjjj-mm-dd)."),
                new Attack("meeting in the past", "projectleider", manage, manage + "/vergaderingen", Map.of("bosd", "2092-01-02"),
                        "De vergadering van 2 januari 2092 ligt in het verleden"),
                new Attack("meeting after the programme", "projectleider", manage, manage + "/vergaderingen",
                        Map.of("stuurgroep", "2099-01-05", "bosd", "2099-01-12"), "valt buiten de looptijd van het programma."),
                new Attack("unknown municipality joins", "projectleider", manage, manage + "/toetreden", Map.of("gemeente", "utrecht", "datum", ""),
                        "Onbekende gemeente: 'utrecht'."),
                new Attack("municipality joins twice", "projectleider", manage, manage + "/toetreden", Map.of("gemeente", "baarn", "datum", ""),
                        "Baarn doet al mee aan dit programma."),
                new Attack("joining date in words", "projectleider", manage, manage + "/toetreden", Map.of("gemeente", "eemnes", "datum", "morgen"),
                        "'Datum van toetreding' is geen geldige datum (verwacht: jjjj-mm-dd)."),
                new Attack("refund without a grant", "projectleider", money, money + "/terugbetaling", Map.of("aanvraag", "abc", "bedrag", "10",
                        "reden", "Over"), "Kies de toekenning waarvan geld terugkomt."),
                new Attack("refund of an unknown grant", "projectleider", money, money + "/terugbetaling", Map.of("aanvraag", "99999999",
                        "bedrag", "10", "reden", "Over"), "Onbekende aanvraag: 99999999."),
                new Attack("budget in words", "projectleider", money, money + "/begroting", Map.of("ministerie", "veel", "activiteitengeld", "3000",
                        "uren", "400"), "'Budget van het ministerie per jaar': 'veel' is geen bedrag."),
                new Attack("negative hours", "projectleider", money, money + "/begroting", Map.of("ministerie", "50.000", "activiteitengeld", "3000",
                        "uren", "-5"), "'Adviesuren per jaar': van 0 tot 5000 uur per jaar"),
                new Attack("activity money beyond the ministry's", "projectleider", money, money + "/begroting", Map.of("ministerie", "5.000",
                        "activiteitengeld", "3.000", "uren", "400"), "Het activiteitengeld voor 2 gemeenten (€ 6.000,00 per jaar) is meer dan"
                        + " het budget van het ministerie (€ 5.000,00)."),
                new Attack("hand-over to nobody", "beheer", handOver, handOver, Map.of("gemeente", "baarn", "wethouder", "niemand"),
                        "Onbekende gebruiker voor de nieuwe wethouder: 'niemand'."),
                new Attack("hand-over to another municipality's wethouder", "beheer", handOver, handOver,
                        Map.of("gemeente", "baarn", "wethouder", "wethouder.leusden"), "'wethouder.leusden' is geen lid van de groep 'wethouder-baarn'."),
                new Attack("stop with a reason of 100,000 characters", "beheer", stop, stop, Map.of("reden", LONG),
                        "De reden is te lang: maximaal 2000 tekens."),
                new Attack("money for an activity id in words", "ambtenaar.baarn", request, request, with(validRequest, "lokaleActiviteit", "abc"),
                        "Kies een activiteit uit de lijst."),
                new Attack("money for another case's activity", "ambtenaar.baarn", request, request,
                        with(validRequest, "lokaleActiviteit", "99999999"), "Lokale activiteit 99999999 hoort niet bij Baarn in dit programma."),
                new Attack("negative money", "ambtenaar.baarn", request, request, with(validRequest, "bedrag", "-1"), "Het bedrag moet groter zijn dan nul."),
                new Attack("money for an unknown target group", "ambtenaar.baarn", request, request, with(validRequest, "doelgroepen", "IEDEREEN"),
                        "Onbekende doelgroep: 'IEDEREEN'."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void badInputGetsADutchMessageOnThePageAndChangesNothing(Attack attack) {
        String before = state();
        Http person = Http.browser(port);
        person.login(attack.user(), "demo");
        String answer = submit(person, attack.page(), attack.action(), attack.form());
        assertThat(unescaped(answer)).contains(attack.dutchMessage());
        assertThat(state()).as("nothing changed").isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void anotherRoleOrAForgedPostIsRefusedBeforeTheFormIsRead(Attack attack) {
        String before = state();
        Http wethouder = Http.browser(port);
        wethouder.login("wethouder.leusden", "demo");
        HttpResponse<String> otherRole = wethouder.postForm(attack.action(), attack.form(), wethouder.csrfTokenOf("/dashboard"));
        assertThat(otherRole.statusCode()).as("another role").isIn(403, 404);
        Http person = Http.browser(port);
        person.login(attack.user(), "demo");
        HttpResponse<String> withoutToken = person.postForm(attack.action(), attack.form(), null);
        assertThat(withoutToken.statusCode()).as("without the CSRF token").isEqualTo(403);
        assertThat(state()).as("nothing changed").isEqualTo(before);
    }

    /** What a form could change: calendars, participants, budget, status, money, hand-overs. */
    private String state() {
        return Stream.of(
                jdbc.queryForList("select * from programme where id = ?", programme).toString(),
                jdbc.queryForList("select * from programme_meeting where programme_id = ? order by 2", programme).toString(),
                jdbc.queryForList("select * from programme_steering_meeting where programme_id = ? order by 2", programme).toString(),
                jdbc.queryForList("select * from programme_participant where programme_id = ? order by 2", programme).toString(),
                jdbc.queryForList("select count(*) from ledger_entry where programme_id = ?", programme).toString(),
                jdbc.queryForList("select count(*) from activity_money_request where programme_id = ?", programme).toString(),
                jdbc.queryForList("select count(*) from portfolio_hand_over where programme_id = ?", programme).toString(),
                String.valueOf(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKeyLike(programme + "%").count()))
                .collect(Collectors.joining("\n"));
    }

    /** Opens the page, sends its form with the page's CSRF token, and follows the answer to the page that shows it. */
    private String submit(Http person, String page, String action, Map<String, String> form) {
        HttpResponse<String> answer = person.postForm(action, form, person.csrfTokenOf(page));
        if (answer.statusCode() == 302) {
            String location = answer.headers().firstValue("Location").orElseThrow();
            assertThat(location).as("back to the page").contains(page);
            answer = person.get(location.replaceFirst("^https?://[^/]+", "").replaceFirst("#.*$", ""), "text/html");
        }
        assertThat(answer.statusCode()).as(answer.body()).isIn(200, 400);
        return answer.body();
    }

    private static Map<String, String> with(Map<String, String> form, String key, String value) {
        Map<String, String> changed = new LinkedHashMap<>(form);
        changed.put(key, value);
        return changed;
    }

    private static String unescaped(String html) {
        return html.replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

}
