package nl.regioamersfoort.samenwerken.herinnering;

import java.time.LocalDate;
import java.time.temporal.WeekFields;
import java.util.List;
import nl.regioamersfoort.samenwerken.platform.mail.ComposedMail;
import nl.regioamersfoort.samenwerken.platform.mail.MailTemplates;
import nl.regioamersfoort.samenwerken.platform.text.Dutch;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;

/**
 * The weekly digest: a person's open tasks with their due dates, overdue ones marked in words, each
 * with its own link into Tasklist, and where to switch the digest off. No agenda item: the
 * reminders before each due date bring their own.
 */
@Component
class WeeklyDigestMail {

    /** A long list helps nobody; Tasklist shows the rest. */
    static final int MOST_TASKS_LISTED = 50;
    static final String SETTINGS_PATH = "/dashboard/weekoverzicht";
    private static final String TEMPLATE = "weekoverzicht";

    private final MailTemplates templates;

    WeeklyDigestMail(MailTemplates templates) {
        this.templates = templates;
    }

    ComposedMail compose(String recipientName, LocalDate today, List<TaskDeadline> tasks) {
        List<Line> lines = lines(today, tasks);
        long overdue = lines.stream().filter(Line::overdue).count();
        int week = today.get(WeekFields.ISO.weekOfWeekBasedYear());
        String subject = "Weekoverzicht week " + week + ": " + tasks.size() + (tasks.size() == 1 ? " open taak" : " open taken")
                + (overdue == 0 ? "" : ", " + overdue + " over de deadline");
        Context context = MailTemplates.context();
        context.setVariable("subject", subject);
        context.setVariable("recipientName", recipientName);
        context.setVariable("today", Dutch.dayAndDate(today));
        context.setVariable("count", tasks.size());
        context.setVariable("lines", lines.subList(0, Math.min(lines.size(), MOST_TASKS_LISTED)));
        context.setVariable("notListed", Math.max(0, lines.size() - MOST_TASKS_LISTED));
        context.setVariable("tasklistLink", templates.link(MailComposer.TASKLIST_PATH));
        context.setVariable("settingsLink", templates.link(SETTINGS_PATH));
        return templates.compose(subject, TEMPLATE, context, null);
    }

    List<Line> lines(LocalDate today, List<TaskDeadline> tasks) {
        return tasks.stream().map(task -> new Line(MailComposer.oneLine(task.taskName()), where(task),
                task.dueDate() == null ? "geen deadline" : Dutch.dayAndDate(task.dueDate()),
                task.dueDate() != null && task.dueDate().isBefore(today),
                templates.link(MailComposer.TASK_PATH + task.taskId()))).toList();
    }

    private static String where(TaskDeadline task) {
        String municipality = MailComposer.oneLine(task.municipalityName());
        String programme = MailComposer.oneLine(task.programmeName());
        if (municipality.isEmpty()) {
            return programme;
        }
        return programme.isEmpty() ? "gemeente " + municipality : "gemeente " + municipality + " · " + programme;
    }

    /** One task as the digest lists it; {@code where} is empty for a task outside any programme. */
    record Line(String name, String where, String due, boolean overdue, String link) {
    }
}
