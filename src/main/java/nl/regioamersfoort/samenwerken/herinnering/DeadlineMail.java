package nl.regioamersfoort.samenwerken.herinnering;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.regioamersfoort.samenwerken.platform.engine.OwnedProcesses;
import nl.regioamersfoort.samenwerken.platform.mail.MailDelivery;
import nl.regioamersfoort.samenwerken.platform.mail.MailKind;
import nl.regioamersfoort.samenwerken.platform.time.EngineClock;
import nl.regioamersfoort.samenwerken.platform.time.WorkingDays;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import nl.regioamersfoort.samenwerken.security.Roles;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * The process glue of {@code taakbewaking}: when reminders are due, who gets them, and delivering
 * one mail to one person per job, so a retry after an SMTP outage never sends a mail twice.
 */
// Public: the process model calls it by bean name, and JUEL invokes only public classes' methods.
@Component("deadlineMail")
public class DeadlineMail {

    /** The process definitions this feature owns. */
    @Bean
    static OwnedProcesses reminderProcesses() {
        return OwnedProcesses.coordinatorsOnly(TaskWatch.PROCESS_KEY, WeeklyDigest.PROCESS_KEY);
    }

    private static final Logger log = LoggerFactory.getLogger(DeadlineMail.class);

    private final ReminderSettings settings;
    private final MailComposer composer;
    private final MailDelivery delivery;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final TaskDescriptions descriptions;
    private final Programmes programmes;

    DeadlineMail(ReminderSettings settings, MailComposer composer, MailDelivery delivery, TaskService taskService,
            IdentityService identityService, TaskDescriptions descriptions, Programmes programmes) {
        this.settings = settings;
        this.composer = composer;
        this.delivery = delivery;
        this.taskService = taskService;
        this.identityService = identityService;
        this.descriptions = descriptions;
        this.programmes = programmes;
    }

    /** The variable with the task's creation time of a watch of version 1 (those before it had none). */
    static final String CREATED = "aangemaakt";
    private static final long AT_ONCE_AFTER_MILLIS = 60_000;

    /** The transient variable with the watch's next reminder moment, or null when none is left. */
    static final String NEXT_REMINDER = "volgendeHerinnering";

    /**
     * Plans the watch's next round once, for the gateway that asks whether one is left and the timer
     * that waits for it: the watched task's first reminder moment after now (N working days before
     * its due date at nine, or the one at once for a task made inside its reminder window), or null.
     * A moment already passed is never sent late. Transient: nothing is written.
     */
    public void planNextReminder(DelegateExecution execution) {
        execution.setVariableLocal(NEXT_REMINDER, Variables.dateValue(nextReminder(execution), true));
    }

    private Date nextReminder(DelegateExecution execution) {
        Task task = task(execution);
        if (task == null || task.getDueDate() == null) {
            return null;
        }
        Date now = EngineClock.moment();
        return moments(task.getDueDate(), ((TaskEntity) task).getVariable("programmaId"), task.getCreateTime()).stream()
                .filter(moment -> moment.after(now)).findFirst().orElse(null);
    }

    /** The watched task's due date as it is now; for a task that is gone, now (the escalation then finds it gone). */
    public Date deadlineOf(DelegateExecution execution) {
        Task task = task(execution);
        return task == null || task.getDueDate() == null ? EngineClock.moment() : task.getDueDate();
    }

    /**
     * The reminder moments of a watch of version 1, from the copies of the task's due date, creation
     * time and programme it was started with. The list does not depend on the clock, because its
     * sequential multi-instance reads it again per round.
     */
    public List<Date> reminderMoments(DelegateExecution execution) {
        return moments((Date) execution.getVariable("deadline"), execution.getVariable("programmaId"),
                execution.getVariable(CREATED) instanceof Date created ? created : null);
    }

    /** In a watch of version 1: a reminder whose moment passed before the task existed is not sent late. */
    public boolean isAhead(Date moment) {
        return moment.after(EngineClock.moment());
    }

    /**
     * N working days before the due date, at nine in the morning, in order. A task created inside its
     * reminder window (a moment already passed, the due date more than a minute ahead) gets one
     * reminder at once instead of the moments it missed: a minute after it was created.
     */
    private List<Date> moments(Date deadline, Object programmeId, Date created) {
        LocalDate due = deadline.toInstant().atZone(EngineClock.ZONE).toLocalDate();
        List<Integer> offsets = programmeId == null ? settings.werkdagenVooraf()
                : programmes.get(programmeId.toString()).getReminderWorkingDays().orElse(settings.werkdagenVooraf());
        Set<Date> moments = new java.util.TreeSet<>();
        for (int workingDays : offsets) {
            moments.add(EngineClock.morningOf(WorkingDays.minusWorkingDays(due, workingDays)));
        }
        if (created != null) {
            Date atOnce = new Date(created.getTime() + AT_ONCE_AFTER_MILLIS);
            // Not when the due date is that close: the escalation waits for the reminders.
            if (moments.removeIf(m -> !m.after(created)) && atOnce.before(deadline)) {
                moments.add(atOnce);
            }
        }
        return new ArrayList<>(moments);
    }

    /** Guards the weekly escalation loop should the completion message ever have been missed. */
    public boolean isOpen(DelegateExecution execution) {
        return task(execution) != null;
    }

    public String escalationInterval() {
        return settings.escalationTimerDuration();
    }

    /**
     * Reminders go to the assignee, or else to everyone who may take the task; escalations to the
     * projectleider. Everyone is listed, also without an address: the outbox says who was skipped.
     */
    public List<String> recipients(DelegateExecution execution, String kind) {
        Set<String> users = new LinkedHashSet<>();
        if (MailKind.valueOf(kind) == MailKind.ESCALATIE) {
            identityService.createUserQuery().memberOfGroup(Roles.PROJECTLEIDER).list().forEach(u -> users.add(u.getId()));
            return new ArrayList<>(users);
        }
        Task task = task(execution);
        if (task == null) {
            return List.of();
        }
        if (task.getAssignee() != null) {
            return List.of(task.getAssignee());
        }
        for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                continue;
            }
            if (link.getUserId() != null) {
                users.add(link.getUserId());
            }
            if (link.getGroupId() != null) {
                identityService.createUserQuery().memberOfGroup(link.getGroupId()).list().forEach(u -> users.add(u.getId()));
            }
        }
        return new ArrayList<>(users);
    }

    /** One mail to one person ({@code ontvanger}); an SMTP failure fails the job, which retries. */
    public void send(DelegateExecution execution, String kindName) {
        MailKind kind = MailKind.valueOf(kindName);
        Task task = task(execution);
        String userId = (String) execution.getVariable("ontvanger");
        if (task == null) {
            log.info("Task {} is gone; no {} for {}", taskId(execution), kind, userId);
            return;
        }
        delivery.deliver(task.getId(), task.getName(), kind, userId, name -> composer.compose(kind, descriptions.of(task), name));
    }

    /**
     * The watched task, through the command's entity cache: a watch starts in the command that creates
     * its task, before that task is in the database.
     */
    private static Task task(DelegateExecution execution) {
        TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(taskId(execution));
        return task == null || task.isDeleted() ? null : task;
    }

    /** The business key; a watch without one (a benchmark's) names its task in {@code taakId}. */
    private static String taskId(DelegateExecution execution) {
        String businessKey = execution.getProcessBusinessKey();
        return businessKey != null ? businessKey : (String) execution.getVariable("taakId");
    }
}
