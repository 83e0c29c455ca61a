package nl.regioamersfoort.samenwerken.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nl.regioamersfoort.samenwerken.DemoApplicationTest;
import nl.regioamersfoort.samenwerken.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist, Cockpit, Admin and the welcome page speak Dutch. The webapps load
 * {@code /camunda/app/<app>/locales/<language>.json}; ours must cover every key of the English file
 * Camunda ships, so a Camunda upgrade with new texts shows up here as missing keys.
 */
@DemoApplicationTest
class WebappsInDutchTest {

    private static final String WEBAPPS = "META-INF/resources/webjars/camunda/app/";
    /** Words Dutch uses as they are; dates are checked by their own test. */
    private static final Set<String> SAME_IN_DUTCH = Set.of("Account", "Camunda", "Camunda Cockpit", "case", "Cockpit",
            "Criteria", "CSV", "Dashboard", "Deployment", "Deployments", "Diagram", "Element", "Filter", "Filters", "ID", "ID*",
            "Incident", "Incident : ID", "Job", "Jobs", "{{count}} jobs", "JSON", "Label", "Links", "Maximum:", "Minimum:", "OK",
            "Optimize", "Status", "Tenant", "Tenant: ID", "Tenants", "YYYY-MM-DDTHH:mm:ss", "<null>", "null");

    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    private Http browser;

    @BeforeEach
    void logIn() {
        browser = Http.browser(port);
        assertThat(browser.login("ambtenaar.baarn", "demo").statusCode()).isEqualTo(302);
    }

    @Test
    void tasklistLoadsDutchTextsAndDates() throws Exception {
        HttpResponse<String> config = browser.get("/camunda/app/tasklist/scripts/config.js", "*/*");
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).contains("availableLocales: ['nl']", "fallbackLocale: 'nl'", "'../samenwerken/dutch-date-picker'");
        HttpResponse<String> datePicker = browser.get("/camunda/app/samenwerken/dutch-date-picker.js", "*/*");
        assertThat(datePicker.statusCode()).isEqualTo(200);
        assertThat(datePicker.body()).contains("'maart'", "FIRSTDAYOFWEEK: 0");

        // The webapp asks with a cache buster, as it does in the browser.
        HttpResponse<String> response = browser.get("/camunda/app/tasklist/locales/nl.json?bust=7.24.0");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode dutch = json.readTree(response.body());
        JsonNode labels = dutch.get("labels");
        // What the start screen shows: header, filters, task list, start button, empty task pane.
        assertThat(labels.get("START_PROCESS").asText()).isEqualTo("Proces starten");
        assertThat(labels.get("CLAIM_TASK").asText()).isEqualTo("Oppakken");
        assertThat(labels.get("COMPLETE").asText()).isEqualTo("Afronden");
        assertThat(labels.get("SELECT_TASK_IN_LIST").asText()).isEqualTo("Kies een taak in de lijst.");
        assertThat(labels.get("FILTER_CREATE").asText()).isEqualTo("Filter maken");
        assertThat(labels.get("CAM_WIDGET_HEADER_SIGN_OUT").asText()).isEqualTo("Afmelden");
        assertThat(labels.get("DUE_DATE").asText()).isEqualTo("Uiterste datum");

        JsonNode dates = dutch.get("dateLocales");
        assertThat(dates.get("longDateFormat").get("L").asText()).isEqualTo("DD-MM-YYYY");
        assertThat(dates.get("months").get(2).asText()).isEqualTo("maart");
        assertThat(dates.get("weekdays").get(1).asText()).isEqualTo("maandag");
        assertThat(dates.get("relativeTime").get("future").asText()).isEqualTo("over %s");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyEnglishTextHasADutchOne(String app) throws Exception {
        JsonNode english = bundled(app);
        HttpResponse<String> response = browser.get("/camunda/app/" + app + "/locales/nl.json");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode dutch = json.readTree(response.body());

        Map<String, JsonNode> en = flatten(english);
        Map<String, JsonNode> nl = flatten(dutch);
        assertThat(new ArrayList<>(nl.keySet())).as("keys missing in %s/locales/nl.json", app).containsAll(en.keySet());
        assertThat(new ArrayList<>(en.keySet())).as("keys in %s/locales/nl.json that Camunda does not have", app).containsAll(nl.keySet());

        List<String> untranslated = new ArrayList<>();
        en.forEach((key, value) -> {
            boolean sameAsEnglish = key.startsWith("labels.") && value.equals(nl.get(key)) && isWords(value.asText());
            if (sameAsEnglish && !SAME_IN_DUTCH.contains(value.asText().strip())) {
                untranslated.add(key + " = " + value.asText());
            }
        });
        assertThat(untranslated).as("untranslated texts in %s/locales/nl.json", app).isEmpty();
    }

    private static boolean isWords(String text) {
        return text.replaceAll("\\{\\{[^}]*}}|<[^>]*>|&[a-z]+;", "").matches("(?s).*\\p{L}{2,}.*");
    }

    /** The English file inside Camunda's webapp jar (it has a byte order mark, which Jackson rejects). */
    private JsonNode bundled(String app) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(WEBAPPS + app + "/locales/en.json")) {
            assertThat(in).as("Camunda's en.json of " + app).isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return json.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        }
    }

    private static Map<String, JsonNode> flatten(JsonNode node) {
        Map<String, JsonNode> values = new TreeMap<>();
        flatten("", node, values);
        return values;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> values) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), values);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), values);
            }
        } else {
            values.put(prefix, node);
        }
    }
}
