package nl.regioamersfoort.samenwerken.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import nl.regioamersfoort.samenwerken.DemoApplicationTest;
import nl.regioamersfoort.samenwerken.Http;
import nl.regioamersfoort.samenwerken.platform.time.EngineClock;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The saved filters of Tasklist, used over the REST API as Tasklist uses them: everyone sees the same
 * four, each runs for the person who opens it. The application is shared with other tests, so this
 * test works on a programme period of its own (2044-2045).
 */
@DemoApplicationTest
class TasklistFiltersTest {

    private static final List<String> FILTERS = List.of("Mijn taken", "Taken van mijn gemeente", "Over de termijn", "Alle taken");

    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    TasklistFilters tasklistFilters;

    @Autowired
    FilterService filterService;

    @Autowired
    TaskService taskService;

    @Autowired
    AuthorizationService authorizationService;

    @AfterEach
    void backToRealTime() {
        ClockUtil.reset();
    }

    @Test
    void aRestartOrASecondNodeLeavesEachFilterOnce() {
        tasklistFilters.afterSingletonsInstantiated();
        // Another node that started at the same moment created the same filter, with its grant, as every node does.
        Filter original = filterService.createFilterQuery().filterName(TasklistFilters.MY_TASKS).list().stream()
                .filter(filter -> filter.getOwner() == null).findFirst().orElseThrow();
        Filter duplicate = filterService.newTaskFilter(TasklistFilters.MY_TASKS).setQuery(original.getQuery())
                .setProperties(original.getProperties());
        filterService.saveFilter(duplicate);
        Authorization read = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
        read.setUserId(Authorization.ANY);
        read.setResource(Resources.FILTER);
        read.setResourceId(duplicate.getId());
        read.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(read);
        // Every node keeps the same one, the smallest id; time-based ids do not sort by creation time.
        String removed = original.getId().compareTo(duplicate.getId()) < 0 ? duplicate.getId() : original.getId();

        // A person's own filter that happens to have the same name is not a duplicate.
        Filter personal = filterService.newTaskFilter(TasklistFilters.MY_TASKS).setOwner("ambtenaar.soest")
                .setQuery(taskService.createTaskQuery());
        filterService.saveFilter(personal);

        tasklistFilters.afterSingletonsInstantiated();

        for (String name : FILTERS) {
            assertThat(filterService.createFilterQuery().filterName(name).list()).as(name)
                    .filteredOn(filter -> filter.getOwner() == null).hasSize(1);
        }
        assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(removed).count())
                .isZero();
        assertThat(filterService.getFilter(personal.getId())).isNotNull();
        filterService.deleteFilter(personal.getId());
    }

    @Test
    void everyoneSeesTheFourFiltersAndEachListsTheirOwnTasks() throws Exception {
        Http baarn = Http.basic(port, "ambtenaar.baarn", "demo");
        JsonNode filters = json.readTree(baarn.get("/engine-rest/filter?resourceType=Task&sortBy=name&sortOrder=asc").body());
        assertThat(values(filters, "name")).containsExactlyInAnyOrderElementsOf(FILTERS);
        Map<String, String> ids = new java.util.HashMap<>();
        filters.forEach(filter -> ids.put(filter.get("name").asText(), filter.get("id").asText()));
        assertThat(values(json.readTree(Http.basic(port, "wethouder.leusden", "demo").get("/engine-rest/filter?resourceType=Task").body()), "name"))
                .containsExactlyInAnyOrderElementsOf(FILTERS);

        HttpResponse<String> started = Http.basic(port, "projectleider", "demo").post("/api/programmas", "application/json", """
                {"naam": "Inclusie en diversiteit 2044-2045", "start": "2044-01-01", "einde": "2045-12-31",
                 "gemeenten": ["baarn", "leusden"], "kalender": {"inventarisatie": "2044-04-29"}}""");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);

        List<JsonNode> municipalityTasks = ownTasks(baarn, ids.get("Taken van mijn gemeente"));
        assertThat(municipalityTasks).extracting(task -> task.get("name").asText()).containsExactly("Inventarisatie Baarn");
        String inventory = municipalityTasks.get(0).get("id").asText();
        assertThat(ownTasks(Http.basic(port, "ambtenaar.leusden", "demo"), ids.get("Taken van mijn gemeente")))
                .extracting(task -> task.get("name").asText()).containsExactly("Inventarisatie Leusden");
        assertThat(ownTasks(baarn, ids.get("Mijn taken"))).isEmpty();

        // Once claimed, the task is the person's own and stays visible to the municipality.
        HttpResponse<String> claimed = baarn.post("/engine-rest/task/" + inventory + "/claim", "application/json",
                "{\"userId\": \"ambtenaar.baarn\"}");
        assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(204);
        assertThat(ownTasks(baarn, ids.get("Mijn taken"))).extracting(task -> task.get("id").asText()).containsExactly(inventory);
        assertThat(ownTasks(baarn, ids.get("Taken van mijn gemeente"))).extracting(task -> task.get("id").asText()).containsExactly(inventory);

        // The inventory is due on 29 April 2044: overdue from the next day on, not before.
        assertThat(ownTasks(baarn, ids.get("Over de termijn"))).isEmpty();
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2044-04-30T09:00:00").atZone(EngineClock.ZONE).toInstant()));
        assertThat(ownTasks(baarn, ids.get("Over de termijn"))).extracting(task -> task.get("id").asText()).containsExactly(inventory);
        assertThat(ownTasks(Http.basic(port, "ambtenaar.leusden", "demo"), ids.get("Over de termijn")))
                .extracting(task -> task.get("name").asText()).containsExactly("Inventarisatie Leusden");
    }

    /** The tasks a filter lists for the caller, restricted to this test's programme period. */
    private List<JsonNode> ownTasks(Http caller, String filterId) throws Exception {
        HttpResponse<String> response = caller.get("/engine-rest/filter/" + filterId + "/list?maxResults=500");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> tasks = new ArrayList<>();
        for (JsonNode task : json.readTree(response.body())) {
            String processInstanceId = task.get("processInstanceId").asText();
            if (taskService.createTaskQuery().processInstanceBusinessKeyLike("inclusie-2044-2045%")
                    .processInstanceId(processInstanceId).count() > 0) {
                tasks.add(task);
            }
        }
        return tasks;
    }

    private static List<String> values(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.get(field).asText()));
        return values;
    }
}
