package nl.regioamersfoort.samenwerken.platform.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The forms in forms/ hold only rules the server enforces (FormInput), so that a rule a modeller adds
 * in the form editor is not one Tasklist applies and the server silently does not.
 */
class FormRulesTest {

    private static final Set<String> ENFORCED = Set.of("required", "maxLength", "minLength", "pattern");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyRuleInTheFormsIsOneTheServerEnforces() throws Exception {
        for (JsonNode component : components()) {
            component.path("validate").fieldNames().forEachRemaining(rule ->
                    assertThat(rule).as("rule of %s", component.path("key").asText()).isIn(ENFORCED));
        }
    }

    private static Set<String> optionsFromAVariable(Path file) throws IOException {
        Set<String> keys = new HashSet<>();
        new ObjectMapper().readTree(file.toFile()).path("components").forEach(component -> {
            if (component.hasNonNull("valuesKey")) {
                keys.add(component.path("key").asText());
            }
        });
        return keys;
    }

    /** The database columns are bounded, so is every text a person types; a choice is bounded by its options. */
    @Test
    void everyFieldToFillInHasALabelAndALimit() throws Exception {
        for (Path file : files()) {
            try (InputStream in = Files.newInputStream(file)) {
                for (FormField field : DeployedForm.read(in).editable()) {
                    String what = file.getFileName() + " " + field.key();
                    assertThat(field.label()).as(what).isNotBlank().isNotEqualTo(field.key());
                    switch (field.type()) {
                        case "textfield", "textarea" -> assertThat(field.maxLength()).as(what).isNotNull();
                        // Options from the reference data come as a variable (valuesKey) and are checked on the server.
                        case "radio", "select", "checklist" -> {
                            if (!optionsFromAVariable(file).contains(field.key())) {
                                assertThat(field.options()).as(what).isNotEmpty();
                            }
                        }
                        case "datetime" -> { }
                        default -> throw new AssertionError(what + ": FormInput has no check for a " + field.type());
                    }
                }
            }
        }
    }

    @Test
    void aChoiceIsNoLongerThanItsLongestOption() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("forms", "besluit-nemen.form"))) {
            FormField outcome = DeployedForm.read(in).field("uitkomst");
            assertThat(outcome.options()).containsExactly("akkoord", "aanpassen", "afwijzen");
            assertThat(outcome.longest()).isEqualTo("aanpassen".length());
            assertThat(outcome.label()).isEqualTo("Besluit");
            assertThat(outcome.required()).isTrue();
        }
    }

    private static List<Path> files() throws Exception {
        List<Path> files = new ArrayList<>();
        try (var stream = Files.newDirectoryStream(Path.of("forms"), "*.form")) {
            stream.forEach(files::add);
        }
        assertThat(files).isNotEmpty();
        return files;
    }

    private static List<JsonNode> components() throws Exception {
        List<JsonNode> components = new ArrayList<>();
        for (Path file : files()) {
            collect(JSON.readTree(file.toFile()), components);
        }
        return components;
    }

    private static void collect(JsonNode container, List<JsonNode> components) {
        for (JsonNode component : container.path("components")) {
            components.add(component);
            collect(component, components);
        }
    }
}
