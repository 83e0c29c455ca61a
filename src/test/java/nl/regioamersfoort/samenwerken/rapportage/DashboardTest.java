package nl.regioamersfoort.samenwerken.rapportage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import nl.regioamersfoort.samenwerken.DemoApplicationTest;
import nl.regioamersfoort.samenwerken.Http;
import nl.regioamersfoort.samenwerken.ProcessDriver;
import nl.regioamersfoort.samenwerken.programma.NewProgramme;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The tracking pages over real HTTP, logged in through the login page as each kind of person. Baarn
 * shares its plan, Soest refuses to, Leusden is still at its inventory: the dashboard, the case file
 * and the progress report must show each person exactly what they may see.
 */
@DemoApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardTest {

    static final String BAARN_PLAN = "Zichtbaarheid vergroten in baarn";
    static final String SOEST_PLAN = "Zichtbaarheid vergroten in soest";

    @Autowired
    ProcessEngine engine;
    @Autowired
    Programmes programmes;
    @LocalServerPort
    int port;

    String programme;

    @BeforeAll
    void aProgrammeWithThreeMunicipalities() {
        ProcessDriver driver = new ProcessDriver(engine);
        ClockUtil.setCurrentTime(ProcessDriver.at("2022-01-10T09:00:00"));
        programme = programmes.start(new NewProgramme("Inclusie en diversiteit 2022-2023", LocalDate.of(2022, 1, 1), LocalDate.of(2023, 12, 31),
                List.of("baarn", "leusden", "soest"), null, null, null, null, null, null), "projectleider").getId();
        driver.travelTo("2022-03-01T10:00:00");
        for (String code : List.of("baarn", "soest")) {
            String track = programme + "-" + code;
            driver.complete(track, "inventarisatie-opstellen", "ambtenaar." + code, "watSpeeltLokaal", "Eenzaamheid onder ouderen in " + code,
                    "mogelijkeVervolgstap", "Gesprek met de bibliotheek");
            driver.discuss(track, code, "verder");
            driver.complete(track, "maatwerkplan-opstellen", "ambtenaar." + code, "planSamenvatting", "Zichtbaarheid vergroten in " + code,
                    "activiteiten", "Voorlichting op scholen");
            driver.discussAndAdoptPlan(track, code);
            driver.decideOn(track, "TOESTEMMING_MAATWERKPLAN", code, code.equals("baarn") ? "akkoord" : "afwijzen");
        }
        ClockUtil.setCurrentTime(ProcessDriver.at("2022-09-01T10:00:00"));
    }

    @AfterAll
    void resetClock() {
        ClockUtil.reset();
    }

    Http as(String user) {
        Http browser = Http.browser(port);
        assertThat(browser.login(user, "demo").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        return browser;
    }

    static String row(String page, String code) {
        int start = page.indexOf("data-gemeente=\"" + code + "\"");
        assertThat(start).as("row of %s", code).isPositive();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    @Test
    void theProjectleiderSeesEveryMunicipalityItsPhaseDecisionsAndTheTimeline() {
        HttpResponse<String> page = as("projectleider").get("/dashboard", "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        assertThat(html).contains("<html lang=\"nl\"", "Inclusie en diversiteit 2022-2023", "role=\"img\"", "Vandaag", "L1", "R3",
                "/nlds/utrecht-component-library.css");
        assertThat(row(html, "baarn")).contains("Uitvoering", "Akkoord: Maatwerkplan delen", "€ 0,00 van € 3.000,00",
                "/dashboard/traject/" + programme + "-baarn");
        assertThat(row(html, "soest")).contains("Uitvoering", "Afgewezen: Maatwerkplan delen");
        assertThat(row(html, "leusden")).contains("Inventarisatie", "29 april 2022", "1 taak");
        assertThat(html).contains("Overzicht (deel)onderwerpen opstellen", "Volgende vergadering");
    }

    @Test
    void aWethouderSeesOnlyTheirOwnMunicipalityInFull() {
        String html = as("wethouder.baarn").get("/dashboard", "text/html").body();
        assertThat(html).contains("data-gemeente=\"baarn\"").doesNotContain("data-gemeente=\"soest\"", "data-gemeente=\"leusden\"");
        HttpResponse<String> file = as("wethouder.baarn").get("/dashboard/traject/" + programme + "-baarn", "text/html");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).contains("Dossier gemeentetraject Baarn", "wethouder.baarn", "Motivering: akkoord", "Maatwerkplan delen",
                BAARN_PLAN, "Inventarisatie Baarn");
        // The conversations about the inventory and the plan are in the file as recorded, beside the decisions.
        assertThat(file.body()).contains("Besproken met de wethouder", "Wethouder en beleidsambtenaar baarn", "Afgesproken: verder",
                "Uitkomst: <span>Verder</span>");
        assertThat(as("wethouder.leusden").get("/dashboard/traject/" + programme + "-baarn", "text/html").statusCode()).isEqualTo(404);
        assertThat(as("ambtenaar.leusden").get("/dashboard/traject/" + programme + "-bestaatniet", "text/html").statusCode()).isEqualTo(404);
    }

    @Test
    void theStuurgroepSeesOnlyConsentedLocalItems() {
        String html = as("stuurgroep").get("/dashboard", "text/html").body();
        assertThat(row(html, "baarn")).contains("Gedeeld: Maatwerkplan").doesNotContain("Akkoord", "/dashboard/traject/");
        assertThat(row(html, "soest")).contains("Nog niets gedeeld").doesNotContain("Afgewezen");
        assertThat(html).doesNotContain(SOEST_PLAN, "/dashboard/traject/");
        assertThat(as("stuurgroep").get("/dashboard/traject/" + programme + "-baarn", "text/html").statusCode()).isEqualTo(404);

        String report = as("stuurgroep").get("/dashboard/rapportage/" + programme + "?vergadering=2022-09-15", "text/html").body();
        assertThat(report).contains("Voortgangsrapportage", BAARN_PLAN).doesNotContain(SOEST_PLAN, "Eenzaamheid onder ouderen");
    }

    @Test
    void theProgressReportPdfHoldsExactlyTheConsentedItems() throws IOException {
        Http projectleider = as("projectleider");
        HttpResponse<byte[]> pdf = projectleider.download("/dashboard/rapportage/" + programme + ".pdf?vergadering=2022-09-15",
                "application/pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Voortgangsrapportage Inclusie en diversiteit 2022-2023", "Baarn", "Leusden", "Soest");
            assertThat(text.split("Zichtbaarheid vergroten in", -1)).as("one consented plan in the report").hasSize(2);
            assertThat(text).contains(BAARN_PLAN).doesNotContain(SOEST_PLAN, "Eenzaamheid onder ouderen", "Voorlichting op scholen".repeat(2));
        }
        HttpResponse<byte[]> draft = projectleider.download("/dashboard/eindrapportage/" + programme + ".pdf", "application/pdf");
        assertThat(draft.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(draft.body())) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " ")).contains("Concept-eindrapportage", BAARN_PLAN, "2023")
                    .doesNotContain(SOEST_PLAN);
        }
    }

    @Test
    void badReportRequestsGetADutchPage() {
        HttpResponse<String> badDate = as("projectleider").get("/dashboard/rapportage/" + programme + "?vergadering=morgen", "text/html");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.body()).contains("is geen datum. Schrijf de vergaderdatum als jjjj-mm-dd").doesNotContain("Exception");
        HttpResponse<String> outside = as("projectleider").get("/dashboard/rapportage/" + programme + "?vergadering=2030-01-01", "text/html");
        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(outside.body()).contains("valt buiten de looptijd");
        HttpResponse<String> unknown = as("projectleider").get("/dashboard/rapportage/bestaat-niet", "text/html");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("Dit programma bestaat niet, of u heeft er geen inzage in.");
        assertThat(Http.anonymous(port).get("/dashboard", "text/html").statusCode()).isEqualTo(302);
    }
}
