package nl.regioamersfoort.samenwerken.herinnering;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.regioamersfoort.samenwerken.DemoApplicationTest;
import nl.regioamersfoort.samenwerken.Http;
import nl.regioamersfoort.samenwerken.ProcessDriver;
import nl.regioamersfoort.samenwerken.platform.mail.Outbox;
import nl.regioamersfoort.samenwerken.programma.NewProgramme;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Day by day through the first half of a programme year, with the programme's own reminder offset
 * (5 working days): which mail goes to whom on which day, exactly, including a due date on Koningsdag.
 */
@DemoApplicationTest
class ReminderCalendarTest {

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
    void everyReminderAndEscalationOnItsWorkingDayToItsPeople() {
        ProcessDriver driver = new ProcessDriver(engine);
        String programme = withFiveWorkingDays(programmes, "baarn");
        String track = programme + "-baarn";

        Map<LocalDate, Runnable> work = new HashMap<>();
        // The overview of topics is done early: no mail at all.
        work.put(LocalDate.of(2022, 4, 20), () -> overviewDone(driver, programme));
        // The inventory is two days late.
        work.put(LocalDate.of(2022, 4, 28), () -> {
            driver.complete(track, "inventarisatie-opstellen", "ambtenaar.baarn", "watSpeeltLokaal", "Situatie", "mogelijkeVervolgstap", "Stap");
            driver.discuss(track, "baarn", "verder");
        });
        // The plan is finished on its due date.
        work.put(LocalDate.of(2022, 6, 30), () -> driver.complete(track, "maatwerkplan-opstellen", "ambtenaar.baarn",
                "planSamenvatting", "Plan", "activiteiten", "Voorlichting"));
        everyMorning(driver, LocalDate.of(2022, 1, 11), LocalDate.of(2022, 7, 8), work);

        assertThat(mails(outbox, "Inventarisatie Baarn")).containsExactlyInAnyOrder(
                // 5 working days before Tuesday 26 April (Koningsdag moved it; Easter Monday does not count)
                "2022-04-19 HERINNERING adviseur", "2022-04-19 HERINNERING ambtenaar.baarn",
                // the morning after the due date
                "2022-04-27 ESCALATIE projectleider");
        assertThat(mails(outbox, "Maatwerkplan Baarn")).containsExactlyInAnyOrder(
                "2022-06-23 HERINNERING adviseur", "2022-06-23 HERINNERING ambtenaar.baarn");
        assertThat(mails(outbox, "Overzicht (deel)onderwerpen opstellen")).isEmpty();
        // The plan of approach is still open after its due date (Thursday 30 June): escalated the next morning, then weekly.
        assertThat(mails(outbox, "Plan van aanpak opstellen")).containsExactlyInAnyOrder(
                "2022-06-23 HERINNERING adviseur", "2022-06-23 HERINNERING projectleider",
                "2022-07-01 ESCALATIE projectleider", "2022-07-08 ESCALATIE projectleider");
    }

    /**
     * Leusden's inventory is made on Tuesday 19 April and due on Friday 29 April: the reminder 10
     * working days before (13 April) had passed when the task was made, so one goes at once; the one 2
     * working days before (Tuesday 26 April, Koningsdag does not count) on its day. Done the day
     * before its due date: no escalation. (Leusden: the other test here has Baarn's inventory.)
     */
    @Test
    void aTaskMadeInsideItsReminderWindowGetsOneReminderAtOnceAndTheRestOnTheirDays() {
        ProcessDriver driver = new ProcessDriver(engine);
        ClockUtil.setCurrentTime(ProcessDriver.at("2022-04-19T09:00:00"));
        String programme = programmes.start(new NewProgramme("Inclusie en diversiteit 2022-2023", LocalDate.of(2022, 4, 1),
                LocalDate.of(2023, 12, 31), List.of("leusden"), LocalDate.of(2022, 4, 29), null, null, null, LocalDate.of(2022, 12, 1),
                null, List.of(10, 2)), "projectleider").getId();
        String track = programme + "-leusden";
        assertThat(mails(outbox, "Inventarisatie Leusden")).as("nothing at the moment the task is made").isEmpty();
        everyMorning(driver, LocalDate.of(2022, 4, 19), LocalDate.of(2022, 5, 6), Map.of(LocalDate.of(2022, 4, 28), () -> driver.complete(track,
                "inventarisatie-opstellen", "ambtenaar.leusden", "watSpeeltLokaal", "Situatie", "mogelijkeVervolgstap", "Stap")));
        assertThat(mails(outbox, "Inventarisatie Leusden")).containsExactlyInAnyOrder(
                "2022-04-19 HERINNERING adviseur", "2022-04-19 HERINNERING ambtenaar.leusden",
                "2022-04-26 HERINNERING adviseur", "2022-04-26 HERINNERING ambtenaar.leusden");
    }

    /**
     * Beheer gives Soest's inventory (due Tuesday 26 April) until Wednesday 18 May, on 11 April, in
     * Tasklist (its officer may not): the
     * reminder of 19 April and the escalation of 27 April do not go out; the reminder 5 working days
     * before the new date (11 May) and the escalation the morning after it (19 May) do. (Soest: the
     * other tests here have Baarn's and Leusden's inventory.)
     */
    @Test
    void aDueDateMovedByBeheerMovesItsReminderAndEscalation() {
        ProcessDriver driver = new ProcessDriver(engine);
        long watchesBefore = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(TaskWatch.PROCESS_KEY).count();
        String programme = withFiveWorkingDays(programmes, "soest");
        String track = programme + "-soest";
        everyMorning(driver, LocalDate.of(2022, 1, 11), LocalDate.of(2022, 5, 20), Map.of(LocalDate.of(2022, 4, 11), () -> {
            // The region's overview is done early, as in the first test here: its mails would be among theirs.
            overviewDone(driver, programme);
            String inventory = driver.task(track, "inventarisatie-opstellen").getId();
            // Nobody but beheer edits a task: the officer's attempt changes nothing.
            assertThat(setDueDateAsTasklistDoes("ambtenaar.soest", inventory, "2022-06-30T17:00:00.000+0200").statusCode()).isEqualTo(403);
            HttpResponse<String> saved = setDueDateAsTasklistDoes("beheer", inventory, "2022-05-18T17:00:00.000+0200");
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(204);
        }));
        assertThat(mails(outbox, "Inventarisatie Soest")).containsExactlyInAnyOrder(
                "2022-05-11 HERINNERING adviseur", "2022-05-11 HERINNERING ambtenaar.soest", "2022-05-19 ESCALATIE projectleider");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(TaskWatch.PROCESS_KEY)
                .processInstanceBusinessKey(driver.task(track, "inventarisatie-opstellen").getId()).count()).as("one watch").isOne();
        // Nothing of this programme may send mails while the other tests here travel on through the year.
        engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(programme).list()
                .forEach(instance -> engine.getRuntimeService().deleteProcessInstance(instance.getId(), "Test over"));
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(TaskWatch.PROCESS_KEY).count())
                .as("watches left by this programme").isEqualTo(watchesBefore);
    }

    /**
     * On 10 January 2022: a programme with one municipality alone, its inventory due 27 April
     * (Koningsdag moves it to the 26th), reminders 5 working days before a due date.
     */
    static String withFiveWorkingDays(Programmes programmes, String municipality) {
        ClockUtil.setCurrentTime(ProcessDriver.at("2022-01-10T09:00:00"));
        return programmes.start(new NewProgramme("Inclusie en diversiteit 2022-2023", LocalDate.of(2022, 1, 1),
                LocalDate.of(2023, 12, 31), List.of(municipality), LocalDate.of(2022, 4, 27), null, null, null, LocalDate.of(2022, 12, 1),
                null, List.of(5)), "projectleider").getId();
    }

    /** Ten in the morning of every day from first to last, after the engine ran what was due: that day's work, if any. */
    static void everyMorning(ProcessDriver driver, LocalDate first, LocalDate last, Map<LocalDate, Runnable> work) {
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            driver.travelTo(day + "T10:00:00");
            work.getOrDefault(day, () -> { }).run();
        }
    }

    /** The region's overview of topics written, prepared in the stuurgroep and shared in the BOSD. */
    static void overviewDone(ProcessDriver driver, String programme) {
        String region = programme + "-regio";
        driver.complete(region, "overzicht-onderwerpen-opstellen", "adviseur", "onderwerpen", "Lijst");
        driver.complete(region, "overzicht-onderwerpen-voorbereiden", "stuurgroep", "verslag", "Voorbereid");
        driver.complete(region, "overzicht-onderwerpen-delen", "bosd", "verslag", "Gedeeld");
    }

    /**
     * What Tasklist sends when someone sets a due date: the task as it read it (HAL), without its
     * links, with the new date, through the webapps' API of a logged-in session.
     */
    private HttpResponse<String> setDueDateAsTasklistDoes(String user, String taskId, String due) {
        Http browser = Http.browser(port);
        browser.login(user, "demo");
        String xsrf = browser.get("/camunda/app/tasklist/default/", "text/html").headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        String path = "/camunda/api/engine/engine/default/task/" + taskId;
        ObjectNode task = (ObjectNode) read(browser.get(path, "application/hal+json").body());
        task.remove(List.of("_embedded", "_links"));
        task.put("due", due);
        return browser.send(browser.request(path, "application/json").header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrf)
                .PUT(HttpRequest.BodyPublishers.ofString(task.toString())));
    }

    private static JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError(json, e);
        }
    }

    /** The mails about one task, as "day kind recipient". */
    static List<String> mails(Outbox outbox, String taskName) {
        return outbox.latest(1000).stream()
                .filter(mail -> mail.getTaskName().equals(taskName))
                .map(mail -> mail.getRecordedAt().toLocalDate() + " " + mail.getKind() + " " + mail.getRecipient())
                .toList();
    }
}
