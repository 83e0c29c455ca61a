package nl.regioamersfoort.samenwerken.platform.form;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One field of a Camunda Form with the rules Tasklist applies to it: the same rules the server
 * applies again, so the form is the one place they are written.
 */
public record FormField(String key, String label, String type, boolean readOnly, boolean required, Integer minLength,
        Integer maxLength, Pattern pattern, List<String> options) {

    /**
     * The longest value the field takes: the form's maxLength, or for a choice the longest of its
     * options, since nothing longer can be one of them.
     */
    public Integer longest() {
        if (maxLength != null || options.isEmpty()) {
            return maxLength;
        }
        return options.stream().mapToInt(String::length).max().getAsInt();
    }
}
