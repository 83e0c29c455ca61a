package nl.regioamersfoort.samenwerken.budget;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import nl.regioamersfoort.samenwerken.Http;
import nl.regioamersfoort.samenwerken.ProcessDriver;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

/**
 * The first quarter of a programme year with round numbers, booked the way people book it: over
 * HTTP, through the wethouder's decision and the projectleider's approval beyond the cap. The
 * charts' tests check their bars against these numbers.
 *
 * <p>Budget € 50.000 from the ministry, € 10.000 activity money for each of Baarn and Leusden, 40
 * adviser hours. Baarn: € 3.000 granted, € 500 back (25% used); Leusden: € 7.500 (75%). Hours: 12 in
 * January, 20 in February (32, the 80% signal), 10 approved beyond the cap in March (42 of 40).
 */
final class BudgetYear {

    private final ProcessEngine engine;
    private final ProcessDriver driver;
    private final Http adviser;
    private final Http projectleider;
    private final int port;
    private final int year;
    final String programme;

    private BudgetYear(ProcessEngine engine, Programmes programmes, int port, int year) {
        this.engine = engine;
        this.driver = new ProcessDriver(engine);
        this.port = port;
        this.year = year;
        this.adviser = Http.basic(port, "adviseur", "demo");
        this.projectleider = Http.basic(port, "projectleider", "demo");
        this.programme = ProcessDriver.startProgramme(programmes, year, null, "baarn", "leusden");
        programmes.changeBudget(programme, "50000", "10000", "40", budget -> { });
    }

    /** Books the quarter and leaves the engine's clock on 12 March of the year. */
    static BudgetYear bookFirstQuarter(ProcessEngine engine, Programmes programmes, int port, int year) throws Exception {
        BudgetYear books = new BudgetYear(engine, programmes, port, year);
        long voorlichting = books.grant("01-20", "baarn", "3000", "Voorlichting");
        books.grant("01-21", "leusden", "7500", "Taalcafé");
        books.hours("01-25", "baarn", "8", 201);
        books.hours("01-25", null, "4", 201);
        books.refund("02-15", voorlichting, "500");
        books.hours("02-20", "leusden", "20", 201);
        books.hours("03-10", null, "10", 202);
        books.driver.complete(books.driver.task(books.programme + "-uren-" + year, "uren-beoordelen"), "projectleider",
                "beoordeling", "goedkeuren", "motivatie", "Extra inzet voor de regiobijeenkomst");
        books.runSignalJobs();
        ClockUtil.setCurrentTime(ProcessDriver.at(year + "-03-12T09:00:00"));
        return books;
    }

    private long grant(String monthDay, String municipality, String amount, String activity) throws Exception {
        on(monthDay);
        HttpResponse<String> asked = Http.basic(port, "ambtenaar." + municipality, "demo").post("/api/programmas/" + programme + "/activiteitengeld",
                "application/json", "{\"gemeente\": \"" + municipality + "\", \"activiteit\": \"" + activity + "\", \"bedrag\": \"" + amount
                        + "\", \"doelgroepen\": [\"LHBTI\"], \"zichtbaarheid\": \"In de krant\"}");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        driver.decideOn(programme + "-" + municipality, "ACTIVITEITENGELD", municipality, "akkoord");
        return new ObjectMapper().readTree(asked.body()).get("aanvraagId").asLong();
    }

    private void refund(String monthDay, long request, String amount) {
        on(monthDay);
        HttpResponse<String> refunded = projectleider.post("/api/programmas/" + programme + "/terugbetalingen", "application/json",
                "{\"aanvraagId\": " + request + ", \"bedrag\": \"" + amount + "\", \"reden\": \"De zaalhuur viel lager uit\"}");
        assertThat(refunded.statusCode()).as(refunded.body()).isEqualTo(201);
    }

    private void hours(String monthDay, String municipality, String hours, int expected) {
        on(monthDay);
        HttpResponse<String> booked = adviser.post("/api/programmas/" + programme + "/uren", "application/json",
                "{" + (municipality == null ? "" : "\"gemeente\": \"" + municipality + "\", ") + "\"uren\": \"" + hours + "\", \"datum\": \""
                        + year + "-" + monthDay + "\", \"omschrijving\": \"Advies en overleg\"}");
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(expected);
        runSignalJobs();
    }

    /** The signal mails are jobs of their own; run them as the job executor would, so none is left for another test. */
    private void runSignalJobs() {
        for (Job job : engine.getManagementService().createJobQuery().processDefinitionKey(AdviserHours.SIGNAL_PROCESS).executable().list()) {
            engine.getManagementService().executeJob(job.getId());
        }
    }

    private void on(String monthDay) {
        ClockUtil.setCurrentTime(ProcessDriver.at(year + "-" + monthDay + "T10:00:00"));
    }
}
