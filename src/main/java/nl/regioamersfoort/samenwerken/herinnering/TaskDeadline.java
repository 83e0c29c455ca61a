package nl.regioamersfoort.samenwerken.herinnering;

import java.time.LocalDate;

/**
 * What a deadline mail says about one open task. The municipality is null for regional tasks,
 * which belong to the region as a whole rather than to one municipality.
 */
public record TaskDeadline(String taskId, String taskName, String municipalityName, LocalDate dueDate,
        String programmeName) {
}
