package nl.regioamersfoort.samenwerken.budget;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.regioamersfoort.samenwerken.DemoApplicationTest;
import nl.regioamersfoort.samenwerken.Http;
import nl.regioamersfoort.samenwerken.ProcessDriver;
import nl.regioamersfoort.samenwerken.platform.mail.MailKind;
import nl.regioamersfoort.samenwerken.platform.mail.Outbox;
import nl.regioamersfoort.samenwerken.platform.mail.OutboxMail;
import nl.regioamersfoort.samenwerken.programma.NewProgramme;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A whole programme year of money and hours for five municipalities, over HTTP and through the real
 * processes: grants, refusals, a request over budget, refunds, the adviser's hours with the 80% and
 * 100% signals and the projectleider's approval beyond the cap, and a closed year. The yearly
 * account the projectleider downloads must equal both the ledger and this test's own bookkeeping,
 * to the cent.
 */
@DemoApplicationTest
class YearOfMoneyAndHoursTest {

    static final int YEAR = 2060;
    static final List<String> FIVE = List.of("baarn", "bunschoten", "leusden", "soest", "woudenberg");

    @Autowired
    ProcessEngine engine;
    @Autowired
    Programmes programmes;
    @Autowired
    LedgerRepository ledger;
    @Autowired
    Outbox outbox;
    @LocalServerPort
    int port;

    ProcessDriver driver;
    final ObjectMapper json = new ObjectMapper();
    String programme;
    final Map<String, Long> granted = new LinkedHashMap<>();
    final Map<String, Long> refunded = new LinkedHashMap<>();
    final Map<String, Long> grantIds = new LinkedHashMap<>();
    BigDecimal hours = BigDecimal.ZERO;

    @BeforeEach
    void setUp() {
        driver = new ProcessDriver(engine);
        ClockUtil.setCurrentTime(ProcessDriver.at(YEAR + "-01-05T09:00:00"));
        programme = programmes.start(new NewProgramme("Inclusie en diversiteit " + YEAR + "-" + (YEAR + 1), LocalDate.of(YEAR, 1, 1),
                LocalDate.of(YEAR + 1, 12, 31), FIVE, null, null, null, null, null, null), "projectleider").getId();
        FIVE.forEach(m -> {
            granted.put(m, 0L);
            refunded.put(m, 0L);
        });
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aYearOfRequestsRefundsAndHoursAddsUpToTheCentInTheYearlyAccount() throws Exception {
        ask("01-20", "baarn", "1250,50", "akkoord", "Regenboogvlag en voorlichting");
        ask("02-10", "bunschoten", "3000", "akkoord", "Inclusieve sportdag");
        ask("02-25", "leusden", "450,75", "akkoord", "Taalcafé");
        ask("03-12", "soest", "999,99", "afwijzen", "Festival");
        ask("03-30", "woudenberg", "1800", "akkoord", "Toegankelijk dorpsfeest");
        ask("04-15", "baarn", "800,25", "akkoord", "Week van de toegankelijkheid");
        ask("05-06", "leusden", "1200", "akkoord", "Buurtgesprekken");
        ask("05-20", "soest", "2750,01", "akkoord", "Expositie");
        ask("06-10", "woudenberg", "1200", "akkoord", "Coming-out dag");
        // Bunschoten spent its €3,000: one cent more is refused before anyone has work with it.
        HttpResponse<String> overBudget = request("06-24", "bunschoten", "0,01", "Nog één activiteit");
        assertThat(overBudget.statusCode()).isEqualTo(400);
        assertThat(melding(overBudget)).contains("hoger dan wat er dit jaar over is", "€ 0,00");
        refund("09-15", "Inclusieve sportdag", "bunschoten", "250,10");
        ask("09-30", "bunschoten", "250,10", "akkoord", "Nazomerbijeenkomst");
        ask("10-08", "baarn", "949,25", "akkoord", "Paarse vrijdag");
        ask("11-03", "leusden", "1349,25", "afwijzen", "Theatervoorstelling");
        refund("11-20", "Toegankelijk dorpsfeest", "woudenberg", "300");
        ask("12-01", "woudenberg", "300", "akkoord", "Kerstmarkt voor iedereen");

        // The adviser books every month for each municipality and for regional work: 32 hours a month.
        String[] perMunicipality = {"6,5", "5,25", "4", "5,75", "3,5"};
        for (int month = 1; month <= 12; month++) {
            String day = String.format("%02d-28", month);
            for (int i = 0; i < FIVE.size(); i++) {
                assertThat(book(day, FIVE.get(i), perMunicipality[i]).statusCode()).isEqualTo(201);
            }
            assertThat(book(day, null, "7").statusCode()).isEqualTo(201);
            if (month == 9) {
                assertThat(signals()).as("288 of 400 hours: below 80%").isEmpty();
            }
        }
        // 320 hours at the end of October crossed 80%: one signal to the projectleider, once.
        assertThat(signals()).singleElement().satisfies(mail -> assertThat(mail.getSubject()).contains("80% van het jaarplafond"));

        // 384 booked; 24 more go beyond the cap and wait for the projectleider.
        HttpResponse<String> beyond = book("12-29", "leusden", "24");
        assertThat(beyond.statusCode()).isEqualTo(202);
        assertThat(melding(beyond)).contains("boven het jaarplafond", "projectleider");
        assertThat(hoursInLedger()).isEqualByComparingTo("384");
        var review = driver.task(programme + "-uren-" + YEAR, "uren-beoordelen");
        assertThat(engine.getTaskService().getVariable(review.getId(), "urenStand"))
                .isEqualTo("Al geboekt in 2060: 384 van 400 uur; met deze boeking 408 uur.");
        driver.complete(review, "projectleider", "beoordeling", "goedkeuren", "motivatie", "Extra inzet eindrapportage");
        runSignalJobs();
        hours = hours.add(new BigDecimal("24"));
        assertThat(hoursInLedger()).isEqualByComparingTo("408");
        assertThat(ledger.findByProgrammeIdAndYearOrderByIdAsc(programme, YEAR)).last().satisfies(entry -> {
            assertThat(entry.getReason()).isEqualTo("Boven het plafond goedgekeurd door projectleider: Extra inzet eindrapportage");
            assertThat(entry.getBookedBy()).isEqualTo("adviseur");
        });
        assertThat(signals()).hasSize(2).last().satisfies(mail -> assertThat(mail.getSubject()).contains("plafond van 400 uur is bereikt"));

        // Beyond the cap again, and this time the projectleider says no: nothing booked, no new signal.
        assertThat(book("12-30", null, "2").statusCode()).isEqualTo(202);
        driver.complete(driver.task(programme + "-uren-" + YEAR, "uren-beoordelen"), "projectleider", "beoordeling", "afwijzen",
                "motivatie", "Plafond is plafond");
        runSignalJobs();
        assertThat(hoursInLedger()).isEqualByComparingTo("408");
        assertThat(signals()).hasSize(2);

        // The account as the projectleider downloads it equals the test's bookkeeping and the ledger, to the cent.
        HttpResponse<String> csv = Http.basic(port, "projectleider", "demo").get("/api/programmas/" + programme + "/verantwoording/" + YEAR + ".csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        Map<String, String[]> rows = moneyRows(csv.body());
        long totalGranted = 0;
        long totalRefunded = 0;
        for (String municipality : FIVE) {
            String name = Character.toUpperCase(municipality.charAt(0)) + municipality.substring(1);
            long remaining = 300_000 - granted.get(municipality) + refunded.get(municipality);
            assertThat(rows.get(name)).as(name).containsExactly(name, "3000,00", euro(granted.get(municipality)),
                    euro(refunded.get(municipality)), euro(remaining));
            assertThat(ledgerCents(municipality, LedgerKind.TOEKENNING)).isEqualTo(granted.get(municipality));
            assertThat(-ledgerCents(municipality, LedgerKind.TERUGBETALING)).isEqualTo(refunded.get(municipality));
            totalGranted += granted.get(municipality);
            totalRefunded += refunded.get(municipality);
        }
        assertThat(totalGranted).isEqualTo(1250_50 + 3000_00 + 450_75 + 1800_00 + 800_25 + 1200_00 + 2750_01 + 1200_00 + 250_10
                + 949_25 + 300_00);
        assertThat(rows.get("Totaal")).containsExactly("Totaal", "15000,00", euro(totalGranted), euro(totalRefunded),
                euro(1_500_000 - totalGranted + totalRefunded));
        assertThat(csv.body()).contains("\r\nTotaal;408\r\nPlafond;400\r\n", "\r\nLeusden;72\r\n", "\r\nRegionaal;84\r\n");
        assertThat(hours).isEqualByComparingTo("408");

        // The next year: the old one is closed for refunds and hours, and its account does not change.
        ClockUtil.setCurrentTime(ProcessDriver.at((YEAR + 1) + "-01-10T10:00:00"));
        HttpResponse<String> lateRefund = Http.basic(port, "projectleider", "demo").post("/api/programmas/" + programme + "/terugbetalingen",
                "application/json", "{\"aanvraagId\": " + grantIds.get("Paarse vrijdag") + ", \"bedrag\": \"10\", \"reden\": \"Te laat\"}");
        assertThat(lateRefund.statusCode()).isEqualTo(400);
        assertThat(melding(lateRefund)).contains("2060 is afgesloten");
        HttpResponse<String> lateHours = Http.basic(port, "adviseur", "demo").post("/api/programmas/" + programme + "/uren", "application/json",
                "{\"uren\": \"1\", \"datum\": \"2060-12-31\", \"omschrijving\": \"Vergeten\"}");
        assertThat(lateHours.statusCode()).isEqualTo(400);
        assertThat(melding(lateHours)).contains("2060 is afgesloten");
        String later = Http.basic(port, "beheer", "demo").get("/api/programmas/" + programme + "/verantwoording/" + YEAR + ".csv").body();
        assertThat(withoutPreparedOn(later)).isEqualTo(withoutPreparedOn(csv.body()));
        // Unused money does not carry over: 2061 starts at €3,000 again for Soest.
        assertThat(request("01-15", YEAR + 1, "soest", "3000,01", "Te veel").statusCode()).isEqualTo(400);
    }

    /** Amersfoort takes part regionally (000 fn 1): the adviser's support, and so the adviser's hours, are not its. */
    @Test
    void adviserHoursGoOnlyToMunicipalitiesWithAFundedTrackOrToRegionalWork() throws Exception {
        String withAmersfoort = programmes.start(new NewProgramme("Inclusie en diversiteit met Amersfoort", LocalDate.of(YEAR, 1, 1),
                LocalDate.of(YEAR + 1, 12, 31), List.of("amersfoort", "baarn"), null, null, null, null, null, null), "projectleider").getId();
        ClockUtil.setCurrentTime(ProcessDriver.at(YEAR + "-02-10T17:00:00"));
        Http adviser = Http.basic(port, "adviseur", "demo");
        String path = "/api/programmas/" + withAmersfoort + "/uren";
        HttpResponse<String> amersfoort = adviser.post(path, "application/json",
                "{\"gemeente\": \"amersfoort\", \"uren\": \"3\", \"datum\": \"" + YEAR + "-02-10\", \"omschrijving\": \"Overleg\"}");
        assertThat(amersfoort.statusCode()).as(amersfoort.body()).isEqualTo(400);
        assertThat(melding(amersfoort)).contains("Amersfoort neemt alleen regionaal deel", "boek dit werk als regionaal werk");
        assertThat(ledger.hours(withAmersfoort, YEAR)).isEqualByComparingTo("0");
        for (String municipality : List.of("\"gemeente\": \"baarn\", ", "")) {
            HttpResponse<String> booked = adviser.post(path, "application/json",
                    "{" + municipality + "\"uren\": \"3\", \"datum\": \"" + YEAR + "-02-10\", \"omschrijving\": \"Overleg\"}");
            assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        }
        assertThat(ledger.hours(withAmersfoort, YEAR)).isEqualByComparingTo("6");
    }

    @Test
    void refundsAreCheckedAndOnlyTheProjectleiderBooksThem() throws Exception {
        ask("03-01", "soest", "500", "akkoord", "Expositie");
        ask("03-02", "soest", "200", "afwijzen", "Festival");
        String path = "/api/programmas/" + programme + "/terugbetalingen";
        long before = ledger.count();
        for (String[] bad : new String[][] {
                {"Expositie", "500,01", "Vergeten", "hoogstens € 500,00"},
                {"Expositie", "-1", "Vergeten", "groter zijn dan nul"},
                {"Expositie", "tien", "Vergeten", "geen bedrag"},
                {"Expositie", "10", "", "Vul 'Reden' in"},
                {"Festival", "10", "Vergeten", "niet toegekend"}}) {
            HttpResponse<String> response = Http.basic(port, "projectleider", "demo").post(path, "application/json",
                    "{\"aanvraagId\": " + grantIds.get(bad[0]) + ", \"bedrag\": \"" + bad[1] + "\", \"reden\": \"" + bad[2] + "\"}");
            assertThat(response.statusCode()).as(bad[1]).isEqualTo(400);
            assertThat(melding(response)).as(bad[1]).contains(bad[3]);
        }
        assertThat(Http.basic(port, "projectleider", "demo").post(path, "application/json", "{\"aanvraagId\": 999999, \"bedrag\": \"1\", \"reden\": \"x\"}")
                .statusCode()).isEqualTo(400);
        assertThat(Http.basic(port, "ambtenaar.soest", "demo").post(path, "application/json",
                "{\"aanvraagId\": " + grantIds.get("Expositie") + ", \"bedrag\": \"10\", \"reden\": \"Over\"}").statusCode()).isEqualTo(403);
        assertThat(ledger.count()).isEqualTo(before);

        refund("03-10", "Expositie", "soest", "499,99");
        HttpResponse<String> more = Http.basic(port, "projectleider", "demo").post(path, "application/json",
                "{\"aanvraagId\": " + grantIds.get("Expositie") + ", \"bedrag\": \"0,02\", \"reden\": \"Nog meer\"}");
        assertThat(melding(more)).contains("hoogstens € 0,01");
        assertThat(ledgerCents("soest", LedgerKind.TERUGBETALING)).isEqualTo(-49_999L);
    }

    // --- the year's events ---

    void ask(String monthDay, String municipality, String amount, String outcome, String activity) throws Exception {
        HttpResponse<String> asked = request(monthDay, municipality, amount, activity);
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        long requestId = json.readTree(asked.body()).get("aanvraagId").asLong();
        String key = programme + "-" + municipality;
        driver.complete(driver.task(key, "besluit-voorbereiden"), "ambtenaar." + municipality, "voorstel", "Graag " + outcome);
        driver.complete(driver.task(key, "besluit-nemen"), "wethouder." + municipality, "uitkomst", outcome, "motivering", "Besproken");
        if (outcome.equals("akkoord")) {
            granted.merge(municipality, AmountOf.cents(amount), Long::sum);
        }
        grantIds.put(activity, requestId);
    }

    HttpResponse<String> request(String monthDay, String municipality, String amount, String activity) {
        return request(monthDay, YEAR, municipality, amount, activity);
    }

    HttpResponse<String> request(String monthDay, int year, String municipality, String amount, String activity) {
        ClockUtil.setCurrentTime(ProcessDriver.at(year + "-" + monthDay + "T10:00:00"));
        return Http.basic(port, "ambtenaar." + municipality, "demo").post("/api/programmas/" + programme + "/activiteitengeld",
                "application/json", "{\"gemeente\": \"" + municipality + "\", \"activiteit\": \"" + activity + "\", \"bedrag\": \"" + amount
                        + "\", \"doelgroepen\": [\"LHBTI\", \"HANDICAP_OF_CHRONISCHE_ZIEKTE\"], \"zichtbaarheid\": \"Zichtbaar in de krant\"}");
    }

    void refund(String monthDay, String activity, String municipality, String amount) throws Exception {
        ClockUtil.setCurrentTime(ProcessDriver.at(YEAR + "-" + monthDay + "T11:00:00"));
        HttpResponse<String> response = Http.basic(port, "projectleider", "demo").post("/api/programmas/" + programme + "/terugbetalingen",
                "application/json", "{\"aanvraagId\": " + grantIds.get(activity) + ", \"bedrag\": \"" + amount + "\", \"reden\": \"Niet besteed\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        refunded.merge(municipality, AmountOf.cents(amount), Long::sum);
    }

    HttpResponse<String> book(String monthDay, String municipality, String amount) {
        ClockUtil.setCurrentTime(ProcessDriver.at(YEAR + "-" + monthDay + "T17:00:00"));
        HttpResponse<String> response = Http.basic(port, "adviseur", "demo").post("/api/programmas/" + programme + "/uren", "application/json",
                "{" + (municipality == null ? "" : "\"gemeente\": \"" + municipality + "\", ") + "\"uren\": \"" + amount + "\", \"datum\": \""
                        + YEAR + "-" + monthDay + "\", \"omschrijving\": \"Advies en overleg\"}");
        if (response.statusCode() == 201) {
            hours = hours.add(new BigDecimal(amount.replace(',', '.')));
        }
        runSignalJobs();
        return response;
    }

    /** The signal mails are jobs of their own; the test runs them the way the job executor would. */
    void runSignalJobs() {
        for (Job job : engine.getManagementService().createJobQuery().processDefinitionKey(AdviserHours.SIGNAL_PROCESS).executable().list()) {
            engine.getManagementService().executeJob(job.getId());
        }
    }

    List<OutboxMail> signals() {
        return outbox.latest(1000).stream().filter(m -> m.getKind() == MailKind.URENSIGNAAL && m.getTaskName().startsWith("Adviesuren " + YEAR))
                .sorted((a, b) -> Long.compare(a.getId(), b.getId())).peek(m -> assertThat(m.getRecipient()).isEqualTo("projectleider")).toList();
    }

    BigDecimal hoursInLedger() {
        return ledger.hours(programme, YEAR);
    }

    long ledgerCents(String municipality, LedgerKind kind) {
        return ledger.findByProgrammeIdAndYearOrderByIdAsc(programme, YEAR).stream()
                .filter(e -> e.getKind() == kind && municipality.equals(e.getMunicipalityCode())).mapToLong(LedgerEntry::getAmountCents).sum();
    }

    String melding(HttpResponse<String> response) throws Exception {
        JsonNode body = json.readTree(response.body());
        return body.get("melding").asText();
    }

    /** The money section of the CSV, keyed by its first column. */
    static Map<String, String[]> moneyRows(String csv) {
        int start = csv.indexOf("Activiteitengeld per gemeente");
        String section = csv.substring(start, csv.indexOf("\r\n\r\n", start));
        Map<String, String[]> rows = new LinkedHashMap<>();
        Arrays.stream(section.split("\r\n")).skip(2).map(line -> line.split(";")).forEach(cells -> rows.put(cells[0], cells));
        return rows;
    }

    static String withoutPreparedOn(String csv) {
        return csv.replaceAll("Opgesteld op;[^\r]*", "");
    }

    static String euro(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString().replace('.', ',');
    }

    /** The test's own reading of an amount, independent of the application's. */
    static final class AmountOf {
        static long cents(String amount) {
            return new BigDecimal(amount.replace(',', '.')).setScale(2).unscaledValue().longValueExact();
        }
    }
}
