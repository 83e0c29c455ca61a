package nl.regioamersfoort.samenwerken;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What Tasklist does, over the same REST API it uses: the projectleider starts a programme with the
 * start form, each beleidsambtenaar and wethouder sees only their own municipality's tasks, opens
 * the Camunda Form of a task and submits it.
 */
@DemoApplicationTest
class TasklistJourneyTest {

    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Test
    void theProjectleiderStartsAProgrammeAndEachMunicipalitySeesOnlyItsOwnTasks() throws Exception {
        Http projectleider = Http.basic(port, "projectleider", "demo");
        JsonNode startable = json.readTree(projectleider.get(
                "/engine-rest/process-definition?startableInTasklist=true&latestVersion=true&startablePermissionCheck=true").body());
        assertThat(keys(startable, "key")).containsExactly("programma-inclusie-diversiteit");
        HttpResponse<String> startForm = projectleider.get("/engine-rest/process-definition/key/programma-inclusie-diversiteit/deployed-start-form");
        assertThat(startForm.statusCode()).isEqualTo(200);
        assertThat(startForm.body()).contains("\"id\": \"programma-starten\"");

        // A wrong start form answers with a Dutch message and starts nothing.
        HttpResponse<String> wrong = projectleider.post("/engine-rest/process-definition/key/programma-inclusie-diversiteit/submit-form",
                "application/json", "{\"variables\": {\"naam\": {\"value\": \"Zonder einde\"}, \"start\": {\"value\": \"2028-01-01\"}}}");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(json.readTree(wrong.body()).get("message").asText()).contains("einddatum");
        assertThat(json.readTree(projectleider.get("/api/programmas").body())).isEmpty();

        HttpResponse<String> started = projectleider.post("/engine-rest/process-definition/key/programma-inclusie-diversiteit/submit-form",
                "application/json", "{\"variables\": {"
                        + "\"naam\": {\"value\": \"Inclusie en diversiteit 2028-2029\"},"
                        + "\"start\": {\"value\": \"2028-01-01\"}, \"einde\": {\"value\": \"2029-12-31\"},"
                        + "\"gemeenten\": {\"value\": \"[\\\"baarn\\\",\\\"leusden\\\",\\\"amersfoort\\\"]\", \"type\": \"Json\"}}}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        assertThat(json.readTree(started.body()).get("businessKey").asText()).isEqualTo("inclusie-2028-2029");

        // Leusden's policy officer sees Leusden's inventory and nothing of Baarn.
        Http leusden = Http.basic(port, "ambtenaar.leusden", "demo");
        JsonNode tasks = json.readTree(leusden.get("/engine-rest/task").body());
        assertThat(keys(tasks, "name")).containsExactly("Inventarisatie Leusden");
        String taskId = tasks.get(0).get("id").asText();
        assertThat(json.readTree(Http.basic(port, "wethouder.baarn", "demo").get("/engine-rest/task").body())).isEmpty();
        assertThat(keys(json.readTree(Http.basic(port, "ambtenaar.baarn", "demo").get("/engine-rest/task").body()), "name"))
                .containsExactly("Inventarisatie Baarn");
        assertThat(Http.basic(port, "ambtenaar.baarn", "demo").get("/engine-rest/task/" + taskId + "/form-variables").statusCode())
                .isIn(403, 404);

        // The form opens, with the municipality's name, and is submitted as Tasklist does.
        HttpResponse<String> form = leusden.get("/engine-rest/task/" + taskId + "/deployed-form");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("\"id\": \"inventarisatie\"");
        assertThat(json.readTree(leusden.get("/engine-rest/task/" + taskId + "/form-variables").body()).get("gemeenteNaam").get("value").asText())
                .isEqualTo("Leusden");
        HttpResponse<String> tooShort = leusden.post("/engine-rest/task/" + taskId + "/submit-form", "application/json",
                "{\"variables\": {\"watSpeeltLokaal\": {\"value\": \"  \"}}}");
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(json.readTree(tooShort.body()).get("message").asText()).contains("Vul 'Wat speelt er lokaal?' in.");

        HttpResponse<String> submitted = leusden.post("/engine-rest/task/" + taskId + "/submit-form", "application/json",
                "{\"variables\": {\"watSpeeltLokaal\": {\"value\": \"Jongeren zoeken een ontmoetingsplek\"},"
                        + " \"mogelijkeVervolgstap\": {\"value\": \"Gesprek met het jongerenwerk\"}}}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
        assertThat(keys(json.readTree(leusden.get("/engine-rest/task").body()), "name"))
                .containsExactly("Inventarisatie Leusden bespreken met de wethouder");

        // The projectleider follows the cases in Cockpit's API: the programme and its tracks by business key.
        JsonNode instances = json.readTree(projectleider.get("/engine-rest/process-instance?businessKeyLike=inclusie-2028-2029%25").body());
        assertThat(keys(instances, "businessKey")).contains("inclusie-2028-2029", "inclusie-2028-2029-baarn", "inclusie-2028-2029-leusden",
                "inclusie-2028-2029-regio").doesNotContain("inclusie-2028-2029-amersfoort");
    }

    private static List<String> keys(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.get(field).asText()));
        return values;
    }
}
