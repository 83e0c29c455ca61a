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
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
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

    /** The watch's variable with the task's creation time (watches started before it existed have none). */
    static final String CREATED = "aangemaakt";
    private static final long AT_ONCE_AFTER_MILLIS = 60_000;

    /**
     * The reminder moments: N working days before the due date, at nine in the morning. A task
     * created inside its reminder window (a moment already passed, the due date more than a minute
     * ahead) gets one reminder at once instead of the moments it missed: a minute after it was created;
     * the moments it missed are never sent late. The list does
     * not depend on the clock, because a sequential multi-instance reads it again per round.
     */
    public List<Date> reminderMoments(DelegateExecution execution) {
        Date deadline = (Date) execution.getVariable("deadline");
        LocalDate due = deadline.toInstant().atZone(EngineClock.ZONE).toLocalDate();
        Object programmeId = execution.getVariable("programmaId");
        List<Integer> offsets = programmeId == null ? settings.werkdagenVooraf()
                : programmes.get(programmeId.toString()).getReminderWorkingDays().orElse(settings.werkdagenVooraf());
        Set<Date> moments = new java.util.TreeSet<>();
        for (int workingDays : offsets) {
            moments.add(EngineClock.morningOf(WorkingDays.minusWorkingDays(due, workingDays)));
        }
        if (execution.getVariable(CREATED) instanceof Date created) {
            Date atOnce = new Date(created.getTime() + AT_ONCE_AFTER_MILLIS);
            // Not when the due date is that close: the escalation waits for the reminders.
            if (moments.removeIf(m -> !m.after(created)) && atOnce.before(deadline)) {
                moments.add(atOnce);
            }
        }
        return new ArrayList<>(moments);
    }

    /** A reminder whose moment passed before the task existed is not sent late. */
    public boolean isAhead(Date moment) {
        return moment.toInstant().isAfter(EngineClock.now().atZone(EngineClock.ZONE).toInstant());
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
            log.info("Task {} is gone; no {} for {}", execution.getVariable("taakId"), kind, userId);
            return;
        }
        delivery.deliver(task.getId(), task.getName(), kind, userId, name -> composer.compose(kind, descriptions.of(task), name));
    }

    private Task task(DelegateExecution execution) {
        return taskService.createTaskQuery().taskId((String) execution.getVariable("taakId")).singleResult();
    }
}
