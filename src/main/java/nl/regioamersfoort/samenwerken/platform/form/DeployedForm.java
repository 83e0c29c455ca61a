package nl.regioamersfoort.samenwerken.platform.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** A Camunda Form as the engine deployed it: its id and its fields, in form order. */
public record DeployedForm(String id, Map<String, FormField> fields) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public DeployedForm {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public Optional<FormField> find(String key) {
        return Optional.ofNullable(fields.get(key));
    }

    /** A field the glue code names must be in its form: a misspelt key would otherwise check nothing. */
    public FormField field(String key) {
        return find(key).orElseThrow(() -> new IllegalStateException("The form '" + id + "' has no field '" + key + "'"));
    }

    /** The fields a person fills in; read-only fields only show what the process put there. */
    public List<FormField> editable() {
        return fields.values().stream().filter(field -> !field.readOnly()).toList();
    }

    public static DeployedForm read(InputStream json) {
        try {
            JsonNode form = JSON.readTree(json);
            Map<String, FormField> fields = new LinkedHashMap<>();
            collect(form, fields);
            return new DeployedForm(form.path("id").asText(), fields);
        } catch (IOException e) {
            throw new UncheckedIOException("Not a Camunda Form", e);
        }
    }

    private static void collect(JsonNode container, Map<String, FormField> fields) {
        for (JsonNode component : container.path("components")) {
            if (component.hasNonNull("key")) {
                String key = component.get("key").asText();
                JsonNode validate = component.path("validate");
                List<String> options = new ArrayList<>();
                component.path("values").forEach(option -> options.add(option.path("value").asText()));
                // A datetime field carries its label as dateLabel.
                String label = component.hasNonNull("label") ? component.get("label").asText()
                        : component.path("dateLabel").asText(key);
                fields.put(key, new FormField(key, label, component.path("type").asText(),
                        component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false),
                        validate.path("required").asBoolean(false), integer(validate, "minLength"), integer(validate, "maxLength"),
                        validate.hasNonNull("pattern") ? Pattern.compile(validate.get("pattern").asText()) : null, List.copyOf(options)));
            }
            collect(component, fields);
        }
    }

    private static Integer integer(JsonNode validate, String rule) {
        return validate.hasNonNull(rule) ? validate.get(rule).asInt() : null;
    }
}
