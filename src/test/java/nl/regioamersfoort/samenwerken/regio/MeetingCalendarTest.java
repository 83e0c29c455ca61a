package nl.regioamersfoort.samenwerken.regio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import nl.regioamersfoort.samenwerken.DemoApplicationTest;
import nl.regioamersfoort.samenwerken.Http;
import nl.regioamersfoort.samenwerken.ProcessDriver;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * R-04 in execution: interim results are prepared in the stuurgroep SD and then shared in the BOSD,
 * two steps per meeting, each body on its own calendar. The paper deadline lies five working days
 * before the stuurgroep; the projectleider moves meetings while the programme runs, and the
 * regional track follows.
 */
@DemoApplicationTest
class MeetingCalendarTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    Programmes programmes;
    @LocalServerPort
    int port;

    final ObjectMapper json = new ObjectMapper();
    ProcessDriver driver;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        driver = new ProcessDriver(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theStuurgroepPreparesAndTheBosdSharesEachByItsOwnCalendarWhichTheProjectleiderMoves() throws Exception {
        // Amersfoort takes part regionally: the regional track alone, at its meetings.
        String programme = ProcessDriver.startProgramme(programmes, 2053, null, "amersfoort");
        String region = programme + "-regio";
        driver.shareRegionalDocuments(region);
        // The default calendars: the BOSD on 30 September, the stuurgroep two working weeks before, papers a week before that.
        ProcessInstance track = regionalTrack(region);
        assertThat(track).isWaitingAt("papierdeadline-bereikt");
        assertThat(paperDeadline(track).getDuedate()).isEqualTo(ProcessDriver.at("2053-09-09T17:00:00"));

        // Refused, and nothing moves: a BOSD meeting the stuurgroep does not prepare, a meeting in the past, someone else.
        Http projectleider = Http.basic(port, "projectleider", "demo");
        String path = "/api/programmas/" + programme + "/vergaderingen";
        HttpResponse<String> unprepared = projectleider.put(path, "application/json",
                "{\"stuurgroep\": [\"2053-09-08\"], \"bosd\": [\"2053-09-22\", \"2053-12-19\"]}");
        assertThat(unprepared.statusCode()).as(unprepared.body()).isEqualTo(400);
        assertThat(json.readTree(unprepared.body()).get("melding").asText())
                .isEqualTo("Voor de vergadering van het BOSD op 19 december 2053 is geen vergadering van de stuurgroep gepland na die van"
                        + " 22 september 2053: de stuurgroep bereidt voor wat het BOSD deelt.");
        HttpResponse<String> past = projectleider.put(path, "application/json", "{\"stuurgroep\": [\"2052-12-01\"], \"bosd\": []}");
        assertThat(past.statusCode()).isEqualTo(400);
        assertThat(json.readTree(past.body()).get("melding").asText()).contains("ligt in het verleden");
        for (String other : List.of("stuurgroep", "bosd", "ambtenaar.baarn")) {
            assertThat(Http.basic(port, other, "demo").put(path, "application/json",
                    "{\"stuurgroep\": [\"2053-09-08\"], \"bosd\": [\"2053-09-22\"]}").statusCode()).as(other).isEqualTo(403);
        }
        assertThat(paperDeadline(track).getDuedate()).isEqualTo(ProcessDriver.at("2053-09-09T17:00:00"));

        // The projectleider moves both calendars: the waiting track plans its next meeting again.
        HttpResponse<String> moved = projectleider.put(path, "application/json",
                "{\"stuurgroep\": [\"2053-09-08\", \"2053-12-05\"], \"bosd\": [\"2053-09-22\", \"2053-12-19\"]}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(json.readTree(moved.body()).get("bosd").toString()).isEqualTo("[\"2053-09-22\",\"2053-12-19\"]");
        assertThat(track).isWaitingAt("papierdeadline-bereikt");
        assertThat(paperDeadline(track).getDuedate()).isEqualTo(ProcessDriver.at("2053-09-01T17:00:00"));

        // At the paper deadline the stuurgroep's step, due on its meeting; then the BOSD's, due on its own.
        driver.travelTo("2053-09-01T18:00:00");
        Task preparation = driver.task(region, "voortgang-voorbereiden");
        assertThat(preparation.getDueDate()).isEqualTo(ProcessDriver.at("2053-09-08T17:00:00"));
        assertThat(candidates(preparation)).containsExactly("stuurgroep-sd");
        assertThat(driver.tasks(region, "voortgang-delen")).isEmpty();
        driver.complete(preparation, "stuurgroep", "verslag", "Geen bijzonderheden");
        Task sharing = driver.task(region, "voortgang-delen");
        assertThat(sharing.getDueDate()).isEqualTo(ProcessDriver.at("2053-09-22T17:00:00"));
        assertThat(candidates(sharing)).containsExactly("bosd");
        assertThat(engine.getTaskService().getVariableLocal(sharing.getId(), "voorbereiding")).isEqualTo("Geen bijzonderheden");
        driver.complete(sharing, "bosd", "verslag", "Gedeeld");

        // The next round follows the moved calendar; after the last meeting the regional track is done.
        assertThat(paperDeadline(track).getDuedate()).isEqualTo(ProcessDriver.at("2053-11-28T17:00:00"));
        driver.travelTo("2053-11-28T18:00:00");
        driver.complete(region, "voortgang-voorbereiden", "stuurgroep", "verslag", "Voorbereid");
        driver.complete(region, "voortgang-delen", "bosd", "verslag", "Gedeeld");
        assertThat(track).hasPassed("regionaal-spoor-afgerond").isEnded();
    }

    private ProcessInstance regionalTrack(String region) {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("regionaal-spoor")
                .processInstanceBusinessKey(region).singleResult();
    }

    private Job paperDeadline(ProcessInstance track) {
        return engine.getManagementService().createJobQuery().processInstanceId(track.getId()).activityId("papierdeadline-bereikt")
                .singleResult();
    }

    private List<String> candidates(Task task) {
        return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
                .filter(group -> group != null).toList();
    }
}
