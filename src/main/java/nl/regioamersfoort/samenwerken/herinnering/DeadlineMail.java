package nl.regioamersfoort.samenwerken.herinnering;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.regioamersfoort.samenwerken.engine.EngineClock;
import nl.regioamersfoort.samenwerken.gemeente.Municipality;
import nl.regioamersfoort.samenwerken.gemeente.MunicipalityRepository;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import nl.regioamersfoort.samenwerken.programma.WorkingDays;
import nl.regioamersfoort.samenwerken.security.Roles;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The process glue of {@code taakbewaking}: when reminders are due, who gets them, and delivering
 * one mail to one person per job, so a retry after an SMTP outage never sends a mail twice.
 */
// Public: the process model calls it by bean name, and JUEL invokes only public classes' methods.
@Component("deadlineMail")
public class DeadlineMail {

    private static final Logger log = LoggerFactory.getLogger(DeadlineMail.class);

    private final ReminderSettings settings;
    private final MailComposer composer;
    private final Outbox outbox;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final MunicipalityRepository municipalities;
    private final Programmes programmes;

    DeadlineMail(ReminderSettings settings, MailComposer composer, Outbox outbox, ObjectProvider<JavaMailSender> mailSender,
            TaskService taskService, IdentityService identityService, MunicipalityRepository municipalities, Programmes programmes) {
        this.settings = settings;
        this.composer = composer;
        this.outbox = outbox;
        this.mailSender = mailSender;
        this.taskService = taskService;
        this.identityService = identityService;
        this.municipalities = municipalities;
        this.programmes = programmes;
    }

    /**
     * The reminder moments: N working days before the due date, at nine in the morning. The list
     * does not depend on the clock, because a sequential multi-instance reads it again per round.
     */
    public List<Date> reminderMoments(DelegateExecution execution) {
        LocalDate due = ((Date) execution.getVariable("deadline")).toInstant().atZone(EngineClock.ZONE).toLocalDate();
        Object programmeId = execution.getVariable("programmaId");
        List<Integer> offsets = programmeId == null ? settings.werkdagenVooraf()
                : programmes.get(programmeId.toString()).getReminderWorkingDays().orElse(settings.werkdagenVooraf());
        Set<Date> moments = new java.util.TreeSet<>();
        for (int workingDays : offsets) {
            moments.add(EngineClock.morningOf(WorkingDays.minusWorkingDays(due, workingDays)));
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
        User user = identityService.createUserQuery().userId(userId).singleResult();
        String email = user == null ? null : user.getEmail();
        String problem = addressProblem(user, email);
        if (problem != null) {
            outbox.record(task.getId(), task.getName(), kind, userId, email, null, MailStatus.OVERGESLAGEN, problem);
            return;
        }
        ComposedMail mail = composer.compose(kind, deadlineOf(task), displayName(user));
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            outbox.record(task.getId(), task.getName(), kind, userId, email, mail.subject(), MailStatus.IN_OUTBOX, null);
            return;
        }
        try {
            sender.send(mime(sender, email, mail));
        } catch (MailException | MessagingException e) {
            outbox.recordFailure(task.getId(), task.getName(), kind, userId, email, mail.subject(), e.getMessage());
            throw new MailDeliveryException("Could not deliver " + kind + " for task " + task.getId() + " to " + email, e);
        }
        outbox.record(task.getId(), task.getName(), kind, userId, email, mail.subject(), MailStatus.VERZONDEN, null);
    }

    private MimeMessage mime(JavaMailSender sender, String to, ComposedMail mail) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(new InternetAddress("samenwerken@regioamersfoort.example.org"));
        helper.setTo(to);
        helper.setSubject(mail.subject());
        helper.setText(mail.text(), mail.html());
        helper.addAttachment("deadline.ics", new ByteArrayDataSource(mail.ics(), "text/calendar; charset=UTF-8"));
        return message;
    }

    private TaskDeadline deadlineOf(Task task) {
        String municipality = null;
        Object code = taskService.getVariable(task.getId(), "gemeente");
        if (code != null) {
            municipality = municipalities.findById(code.toString()).map(Municipality::getName).orElse(null);
        }
        String programme = null;
        Object programmeId = taskService.getVariable(task.getId(), "programmaId");
        if (programmeId != null) {
            programme = programmes.get(programmeId.toString()).getName();
        }
        return new TaskDeadline(task.getId(), task.getName(), municipality,
                task.getDueDate().toInstant().atZone(EngineClock.ZONE).toLocalDate(), programme);
    }

    private Task task(DelegateExecution execution) {
        return taskService.createTaskQuery().taskId((String) execution.getVariable("taakId")).singleResult();
    }

    private static String addressProblem(User user, String email) {
        if (user == null) {
            return "Onbekende gebruiker.";
        }
        if (email == null || email.isBlank()) {
            return "Geen e-mailadres bekend.";
        }
        try {
            new InternetAddress(email, true).validate();
        } catch (AddressException e) {
            return "Ongeldig e-mailadres: " + email;
        }
        return null;
    }

    private static String displayName(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return name.isEmpty() ? user.getId() : name;
    }

    /** The SMTP server did not take the mail; the job fails and Camunda retries it. */
    static class MailDeliveryException extends RuntimeException {
        MailDeliveryException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
