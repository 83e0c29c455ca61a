package nl.regioamersfoort.samenwerken.platform.form;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import nl.regioamersfoort.samenwerken.platform.time.EngineClock;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads what a person submitted in a task form or start form and checks it again on the server,
 * whatever client sent it (Tasklist, the REST API, a script). Label, required, length, pattern and
 * options come from the deployed Camunda Form of the task or start event, so Tasklist and server
 * apply the same rules and the code names only the field. Bad input stops the completion with a
 * Dutch message; the REST API answers it with 400 and nothing changes.
 */
public final class FormInput {

    private final VariableScope scope;
    private DeployedForm form;

    private FormInput(VariableScope scope) {
        this.scope = scope;
    }

    public static FormInput of(VariableScope scope) {
        return new FormInput(scope);
    }

    /** Trimmed text by the form's rules; null when the form does not require it and it is empty. */
    public String text(String key) {
        FormField field = field(key);
        String value = text(scope.getVariable(key), field.label(), field.longest());
        if (value == null) {
            if (field.required()) {
                throw invalid("Vul '" + field.label() + "' in.");
            }
            return null;
        }
        if (field.minLength() != null && value.length() < field.minLength()) {
            throw invalid("'" + field.label() + "' is te kort: minimaal " + field.minLength() + " tekens (nu " + value.length() + ").");
        }
        // Camunda Forms test the pattern as JavaScript's RegExp.test does: somewhere in the value.
        if (field.pattern() != null && !field.pattern().matcher(value).find()) {
            throw invalid("'" + field.label() + "' heeft niet de vorm die het formulier vraagt.");
        }
        return value;
    }

    /** One of the form's options (compared without case), as the form spells it; null when optional and empty. */
    public String choice(String key) {
        FormField field = field(key);
        if (field.options().isEmpty()) {
            throw new IllegalStateException("The field '" + key + "' of form '" + form.id() + "' has no options");
        }
        String value = text(key);
        if (value == null) {
            return null;
        }
        return field.options().stream().filter(value::equalsIgnoreCase).findFirst()
                .orElseThrow(() -> invalid("Kies bij '" + field.label() + "' een van: " + String.join(", ", field.options()) + "."));
    }

    /** A checklist; empty when nothing is ticked, unless the form requires at least one. */
    public List<String> list(String key) {
        FormField field = field(key);
        List<String> values = asList(scope.getVariable(key));
        if (values.isEmpty() && field.required()) {
            throw invalid("Kies bij '" + field.label() + "' minstens één.");
        }
        return values;
    }

    /** A datetime field's date; null when the form does not require it and it is empty. */
    public LocalDate date(String key) {
        FormField field = field(key);
        LocalDate date = date(scope.getVariable(key), field.label());
        if (date == null && field.required()) {
            throw invalid("Vul '" + field.label() + "' in.");
        }
        return date;
    }

    /**
     * Whether the deployed form has this field. A case started before a form gained a field keeps
     * the form of its own deployment; the rule for the new field does not apply to it.
     */
    public boolean offers(String key) {
        return form(key).find(key).isPresent();
    }

    /** What the form calls the field, for a rule of the domain that speaks about it. */
    public String label(String key) {
        return field(key).label();
    }

    private FormField field(String key) {
        return form(key).field(key);
    }

    private DeployedForm form(String key) {
        if (form == null) {
            form = DeployedForms.of(scope);
            if (form == null) {
                throw new IllegalStateException("No Camunda Form is completed here, so '" + key + "' has no rules to check it by");
            }
        }
        return form;
    }

    /** The same check for a value that did not come through a form (an API body), with the rules written out. */
    public static String requiredText(Object raw, String label, int maxLength) {
        String value = text(raw, label, maxLength);
        if (value == null) {
            throw invalid("Vul '" + label + "' in.");
        }
        return value;
    }

    /** The same check for an optional value that did not come through a form: null when absent or blank. */
    public static String optionalText(Object raw, String label, int maxLength) {
        return text(raw, label, maxLength);
    }

    private static String text(Object raw, String label, Integer maxLength) {
        if (raw == null) {
            return null;
        }
        if (!(raw instanceof String text)) {
            throw invalid("'" + label + "' moet tekst zijn.");
        }
        String trimmed = text.strip();
        if (maxLength != null && trimmed.length() > maxLength) {
            throw invalid("'" + label + "' is te lang: maximaal " + maxLength + " tekens (nu " + trimmed.length() + ").");
        }
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** A date as a form (a Date) or a client (jjjj-mm-dd, or an ISO date and time) sends it; null when empty. */
    public static LocalDate date(Object value, String label) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            return null;
        }
        if (value instanceof Date date) {
            return date.toInstant().atZone(EngineClock.ZONE).toLocalDate();
        }
        String text = value.toString().strip();
        try {
            return LocalDate.parse(text.substring(0, Math.min(10, text.length())));
        } catch (DateTimeParseException e) {
            throw invalid("'" + label + "' is geen geldige datum (verwacht: jjjj-mm-dd).");
        }
    }

    /** A list submitted as a Camunda Forms checklist (a JSON array), a Java collection or comma-separated text. */
    public static List<String> asList(Object raw) {
        if (raw == null) {
            return List.of();
        }
        if (raw instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        String text = raw.toString().strip();
        if (text.startsWith("[")) {
            text = text.substring(1, text.length() - 1);
        }
        return Arrays.stream(text.split(","))
                .map(s -> s.strip().replace("\"", ""))
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /**
     * Removes what the form submitted once it is stored in the case file, so process variables keep
     * ids and outcomes only. Works whether the client wrote the values to the task or to its execution.
     */
    public void consumed(String... keys) {
        for (String key : keys) {
            scope.removeVariable(key);
        }
    }

    public static InvalidInputException invalid(String dutchMessage) {
        return new InvalidInputException(dutchMessage);
    }

    /**
     * A value someone sent, for a message about it: in quotes and cut short, so that a value of
     * 100,000 characters is not sent back (or logged) whole.
     */
    public static String quoted(Object value) {
        String text = String.valueOf(value);
        return "'" + (text.length() > 60 ? text.substring(0, 60) + "…" : text) + "'";
    }
}
