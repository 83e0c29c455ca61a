package nl.regioamersfoort.samenwerken.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import nl.regioamersfoort.samenwerken.DemoApplicationTest;
import nl.regioamersfoort.samenwerken.Http;
import nl.regioamersfoort.samenwerken.ProcessDriver;
import nl.regioamersfoort.samenwerken.platform.mail.MailKind;
import nl.regioamersfoort.samenwerken.platform.mail.MailStatus;
import nl.regioamersfoort.samenwerken.platform.mail.Outbox;
import nl.regioamersfoort.samenwerken.programma.NewProgramme;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The demo run has no mail server: reminders land in the outbox page; the demo clock moves time. */
@DemoApplicationTest
class OutboxAndDemoClockTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    Programmes programmes;
    @Autowired
    Outbox outbox;
    @LocalServerPort
    int port;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void withoutAMailServerRemindersLandInTheOutboxForTheProjectleiderAndBeheer() {
        ClockUtil.setCurrentTime(ProcessDriver.at("2033-01-10T09:00:00"));
        programmes.start(new NewProgramme("Inclusie en diversiteit 2033-2034", LocalDate.of(2033, 1, 1), LocalDate.of(2034, 12, 31),
                List.of("leusden"), null, null, null, null, null, null), "projectleider");
        new ProcessDriver(engine).travelTo("2033-04-26T10:00:00");

        assertThat(outbox.latest(100)).anySatisfy(mail -> {
            assertThat(mail.getTaskName()).isEqualTo("Inventarisatie Leusden");
            assertThat(mail.getStatus()).isEqualTo(MailStatus.IN_OUTBOX);
            assertThat(mail.getSubject()).startsWith("Herinnering: Inventarisatie Leusden");
        });
        Http projectleider = Http.browser(port);
        projectleider.login("projectleider", "demo");
        HttpResponse<String> page = projectleider.get("/outbox", "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"nl\"", "Inventarisatie Leusden", "In de outbox");

        Http wethouder = Http.browser(port);
        wethouder.login("wethouder.leusden", "demo");
        assertThat(wethouder.get("/outbox", "text/html").statusCode()).isEqualTo(403);
    }

    @Test
    void theOutboxPageShowsMarkupFromTaskNamesAsText() {
        outbox.record("t-xss", "Uitvoeren: <script>alert('xss')</script>", MailKind.HERINNERING, "<b>iemand</b>",
                "x@example.org", "Herinnering: <img src=x onerror=alert(1)>", MailStatus.OVERGESLAGEN, "<svg onload=alert(2)>");
        Http projectleider = Http.browser(port);
        projectleider.login("projectleider", "demo");

        String page = projectleider.get("/outbox", "text/html").body();

        assertThat(page).contains("Uitvoeren: &lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;", "&lt;b&gt;iemand&lt;/b&gt;",
                "Herinnering: &lt;img src=x onerror=alert(1)&gt;", "&lt;svg onload=alert(2)&gt;");
        assertThat(page).doesNotContain("<script", "<img", "<svg", "<b>iemand");
    }

    @Test
    void beheerSetsTheDemoTimeWhichRunsOnAndResetsIt() throws Exception {
        Http beheer = Http.basic(port, "beheer", "demo");
        HttpResponse<String> set = beheer.post("/api/demo/klok", "application/json", "{\"datum\": \"2022-04-20T09:00:00\"}");
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(set.body()).contains("2022-04-20T09:00");
        // The demo's time runs on from there, as real time does.
        assertThat(ClockUtil.getCurrentTime()).isBetween(ProcessDriver.at("2022-04-20T09:00:00"), ProcessDriver.at("2022-04-20T10:00:00"));

        assertThat(beheer.post("/api/demo/klok", "application/json", "{\"datum\": \"gisteren\"}").statusCode()).isEqualTo(400);
        assertThat(Http.basic(port, "wethouder.baarn", "demo").post("/api/demo/klok", "application/json",
                "{\"datum\": \"2030-01-01T09:00:00\"}").statusCode()).isEqualTo(403);
        assertThat(ClockUtil.getCurrentTime()).isBetween(ProcessDriver.at("2022-04-20T09:00:00"), ProcessDriver.at("2022-04-20T10:00:00"));

        HttpResponse<String> reset = beheer.send(beheer.request("/api/demo/klok", "application/json").DELETE());
        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(ClockUtil.getCurrentTime()).isAfter(ProcessDriver.at("2026-01-01T00:00:00"));
    }
}
