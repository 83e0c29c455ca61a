package nl.regioamersfoort.samenwerken.budget;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import nl.regioamersfoort.samenwerken.DemoApplicationTest;
import nl.regioamersfoort.samenwerken.Http;
import nl.regioamersfoort.samenwerken.ProcessDriver;
import nl.regioamersfoort.samenwerken.programma.NewProgramme;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Activity money over HTTP and through the real process: grant, refusal, over budget, bad input, the yearly account. */
@DemoApplicationTest
class ActivityMoneyTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    Programmes programmes;
    @Autowired
    LedgerRepository ledger;
    @Autowired
    ActivityMoneyRequestRepository requests;
    @LocalServerPort
    int port;

    ProcessDriver driver;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setUp() {
        driver = new ProcessDriver(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    String programme(int year, String... municipalities) {
        ClockUtil.setCurrentTime(ProcessDriver.at(year + "-03-01T09:00:00"));
        return programmes.start(new NewProgramme("Inclusie en diversiteit " + year + "-" + (year + 1), LocalDate.of(year, 1, 1),
                LocalDate.of(year + 1, 12, 31), List.of(municipalities), null, null, null, null, null, null), "projectleider").getId();
    }

    HttpResponse<String> ask(String programme, String user, String municipality, String amount) {
        return Http.basic(port, user, "demo").post("/api/programmas/" + programme + "/activiteitengeld", "application/json",
                "{\"gemeente\": \"" + municipality + "\", \"activiteit\": \"Regenboogvlag en voorlichting\", \"bedrag\": \"" + amount + "\","
                        + " \"doelgroepen\": [\"LHBTI\", \"DISCRIMINATIE_OF_UITSLUITING\"], \"zichtbaarheid\": \"Zichtbaar op het gemeentehuis\"}");
    }

    Task decision(String programme, String municipality) {
        driver.complete(driver.task(programme + "-" + municipality, "besluit-voorbereiden") , "ambtenaar." + municipality, "voorstel", "Graag akkoord");
        return driver.task(programme + "-" + municipality, "besluit-nemen");
    }

    @Test
    void theWethouderGrantsAndTheGrantIsBookedToTheCent() throws Exception {
        String programme = programme(2050, "baarn", "amersfoort");
        HttpResponse<String> asked = ask(programme, "ambtenaar.baarn", "baarn", "1250,50");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        Task decide = decision(programme, "baarn");
        assertThat(decide.getName()).contains("€ 1.250,50", "Regenboogvlag");
        driver.complete(decide, "wethouder.baarn", "uitkomst", "akkoord", "motivering", "Mooi initiatief");

        List<LedgerEntry> entries = ledger.findByProgrammeIdAndYearOrderByIdAsc(programme, 2050);
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.getKind()).isEqualTo(LedgerKind.TOEKENNING);
            assertThat(entry.getAmountCents()).isEqualTo(125050L);
            assertThat(entry.getMunicipalityCode()).isEqualTo("baarn");
        });
        long id = json.readTree(asked.body()).get("aanvraagId").asLong();
        assertThat(requests.findById(id).orElseThrow().getStatus()).isEqualTo(RequestStatus.TOEGEKEND);

        // The adviser's hours, and the yearly account for the projectleider.
        HttpResponse<String> hours = Http.basic(port, "adviseur", "demo").post("/api/programmas/" + programme + "/uren", "application/json",
                "{\"gemeente\": \"baarn\", \"uren\": \"2,5\", \"datum\": \"2050-02-28\", \"omschrijving\": \"Gesprek met de wethouder\"}");
        assertThat(hours.statusCode()).as(hours.body()).isEqualTo(201);
        HttpResponse<String> csv = Http.basic(port, "projectleider", "demo").get("/api/programmas/" + programme + "/verantwoording/2050.csv", "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("Baarn;3000,00;1250,50;0,00;1749,50", "Regenboogvlag en voorlichting");
        var pdf = Http.basic(port, "beheer", "demo").send(Http.basic(port, "beheer", "demo")
                .request("/api/programmas/" + programme + "/verantwoording/2050.pdf", "application/pdf").GET());
        assertThat(pdf.body()).startsWith("%PDF-");
        assertThat(Http.basic(port, "wethouder.baarn", "demo").get("/api/programmas/" + programme + "/verantwoording/2050.csv").statusCode())
                .isEqualTo(403);
    }

    @Test
    void refusedByTheWethouderOrBecauseTheMoneyRanOutNothingIsBooked() {
        String programme = programme(2052, "soest");
        assertThat(ask(programme, "ambtenaar.soest", "soest", "2000").statusCode()).isEqualTo(201);
        assertThat(ask(programme, "ambtenaar.soest", "soest", "2000,00").statusCode()).isEqualTo(201);
        List<Task> prepare = driver.tasks(programme + "-soest", "besluit-voorbereiden");
        prepare.forEach(t -> driver.complete(t, "ambtenaar.soest", "voorstel", "Graag akkoord"));
        List<Task> decide = driver.tasks(programme + "-soest", "besluit-nemen");
        // Both fitted when they were asked; together they do not.
        driver.complete(decide.get(0), "wethouder.soest", "uitkomst", "akkoord", "motivering", "Ja");
        driver.complete(decide.get(1), "wethouder.soest", "uitkomst", "akkoord", "motivering", "Ja");
        assertThat(ledger.findByProgrammeIdAndYearOrderByIdAsc(programme, 2052)).hasSize(1);
        assertThat(requests.findAll()).filteredOn(r -> r.getProgrammeId().equals(programme))
                .extracting(ActivityMoneyRequest::getStatus).containsExactlyInAnyOrder(RequestStatus.TOEGEKEND, RequestStatus.AFGEWEZEN);

        assertThat(ask(programme, "ambtenaar.soest", "soest", "500").statusCode()).isEqualTo(201);
        driver.complete(driver.task(programme + "-soest", "besluit-voorbereiden"), "ambtenaar.soest", "voorstel", "Graag");
        driver.complete(driver.task(programme + "-soest", "besluit-nemen"), "wethouder.soest", "uitkomst", "afwijzen", "motivering", "Nee");
        assertThat(ledger.findByProgrammeIdAndYearOrderByIdAsc(programme, 2052)).hasSize(1);
    }

    @Test
    void badRequestsGetADutchMessageAndNothingIsStored() throws Exception {
        String programme = programme(2054, "leusden", "amersfoort");
        long before = requests.count();
        for (String[] bad : new String[][] {
                {"ambtenaar.leusden", "leusden", "-5", "groter zijn dan nul"},
                {"ambtenaar.leusden", "leusden", "veel", "geen bedrag"},
                {"ambtenaar.leusden", "leusden", "12,345", "twee cijfers"},
                {"ambtenaar.leusden", "leusden", "3000,01", "hoger dan wat er dit jaar over is"},
                {"ambtenaar.amersfoort", "amersfoort", "100", "ontvangt geen activiteitengeld"}}) {
            HttpResponse<String> response = ask(programme, bad[0], bad[1], bad[2]);
            assertThat(response.statusCode()).as(bad[2]).isEqualTo(400);
            assertThat(json.readTree(response.body()).get("melding").asText()).as(bad[2]).contains(bad[3]);
        }
        assertThat(ask(programme, "ambtenaar.baarn", "leusden", "100").statusCode()).isEqualTo(403);
        assertThat(requests.count()).isEqualTo(before);
        assertThat(ledger.findByProgrammeIdAndYearOrderByIdAsc(programme, 2054)).isEmpty();
    }

    @Test
    void aBeleidsambtenaarAsksFromTasklistsStartFormForTheirOwnMunicipalityOnly() throws Exception {
        // The form asks no municipality: the case is the starter's own. The programme may be left out only while one runs with it.
        programme(2058, "baarn");
        String programme = programme(2056, "baarn", "leusden");
        String form = "{\"variables\": {%s \"activiteit\": {\"value\": \"Voorlichting op scholen\"},"
                + " \"doelgroepen\": {\"value\": \"[\\\"LHBTI\\\"]\", \"type\": \"Json\"},"
                + " \"zichtbaarheid\": {\"value\": \"In de krant\"}, \"bedrag\": {\"value\": \"250,00\"}}%s}";
        String path = "/engine-rest/process-definition/key/activiteitengeld-aanvraag/submit-form";
        long before = requests.count();
        Http baarn = Http.basic(port, "ambtenaar.baarn", "demo");

        String named = "\"programmaId\": {\"value\": \"" + programme + "\"},";
        HttpResponse<String> twoRunning = baarn.post(path, "application/json", form.formatted("", ""));
        assertThat(twoRunning.statusCode()).as(twoRunning.body()).isEqualTo(400);
        assertThat(twoRunning.body()).contains("Baarn doet mee aan meer lopende programma's", programme, "vul het programma in");
        HttpResponse<String> naming = baarn.post(path, "application/json", form.formatted(named + "\"gemeente\": {\"value\": \"leusden\"},", ""));
        assertThat(naming.statusCode()).as(naming.body()).isEqualTo(400);
        assertThat(naming.body()).contains("kent het veld 'gemeente' niet");
        HttpResponse<String> underLeusden = baarn.post(path, "application/json", form.formatted(named, ", \"businessKey\": \"" + programme + "-leusden\""));
        assertThat(underLeusden.statusCode()).as(underLeusden.body()).isEqualTo(400);
        assertThat(underLeusden.body()).contains("hoort bij programma " + programme + " en gemeente baarn");
        assertThat(requests.count()).isEqualTo(before);

        HttpResponse<String> own = baarn.post(path, "application/json", form.formatted(named, ""));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(requests.findAll()).filteredOn(r -> r.getProgrammeId().equals(programme)).singleElement()
                .satisfies(r -> assertThat(r.getAmountCents()).isEqualTo(25_000L));
        assertThat(driver.task(programme + "-baarn", "besluit-voorbereiden").getName()).contains("€ 250,00", "Voorlichting op scholen");
    }
}
