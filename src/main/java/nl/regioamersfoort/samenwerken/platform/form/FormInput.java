package nl.regioamersfoort.samenwerken.platform.form;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads what a person submitted in a task form and checks it again on the server, whatever client
 * sent it (Tasklist, the REST API, a script). Bad input stops the completion with a Dutch message;
 * the REST API answers it with 400 and nothing changes.
 */
public final class FormInput {

    private final VariableScope scope;

    private FormInput(VariableScope scope) {
        this.scope = scope;
    }

    public static FormInput of(VariableScope scope) {
        return new FormInput(scope);
    }

    public String requiredText(String key, String label, int maxLength) {
        return requiredText(scope.getVariable(key), label, maxLength);
    }

    /** Trimmed text, or null when empty. */
    public String optionalText(String key, String label, int maxLength) {
        return optionalText(scope.getVariable(key), label, maxLength);
    }

    /** The same check for a value that did not come through a process variable (an API body). */
    public static String requiredText(Object raw, String label, int maxLength) {
        String value = optionalText(raw, label, maxLength);
        if (value == null) {
            throw invalid("Vul '" + label + "' in.");
        }
        return value;
    }

    private static String optionalText(Object raw, String label, int maxLength) {
        if (raw == null) {
            return null;
        }
        if (!(raw instanceof String text)) {
            throw invalid("'" + label + "' moet tekst zijn.");
        }
        String trimmed = text.strip();
        if (trimmed.length() > maxLength) {
            throw invalid("'" + label + "' is te lang: maximaal " + maxLength + " tekens (nu " + trimmed.length() + ").");
        }
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** One of the allowed values (compared without case), returned in lower case. */
    public String requiredChoice(String key, String label, String... allowed) {
        String value = requiredText(key, label, 50).toLowerCase(Locale.ROOT);
        if (!Arrays.asList(allowed).contains(value)) {
            throw invalid("Kies bij '" + label + "' een van: " + String.join(", ", allowed) + ".");
        }
        return value;
    }

    /** A list submitted as a Camunda Forms checklist (a JSON array), a Java collection or comma-separated text. */
    public List<String> list(String key) {
        Object raw = scope.getVariable(key);
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
