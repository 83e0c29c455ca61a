package nl.regioamersfoort.samenwerken.herinnering;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.regioamersfoort.samenwerken.platform.mail.MailDelivery;
import nl.regioamersfoort.samenwerken.platform.mail.MailKind;
import nl.regioamersfoort.samenwerken.platform.text.Dutch;
import nl.regioamersfoort.samenwerken.platform.time.EngineClock;
import nl.regioamersfoort.samenwerken.platform.time.WorkingDays;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The process glue of {@code weekoverzicht}: whether today is the day, who has open tasks and wants
 * to hear of them, and one mail to one person per job, so a retry after an SMTP outage never sends a
 * digest twice. A person's open tasks are those Tasklist offers them: assigned to them, or unassigned
 * with them or one of their groups as candidate.
 */
// Public: the process model calls it by bean name, and JUEL invokes only public classes' methods.
@Component("weeklyDigest")
public class WeeklyDigest {

    static final String PROCESS_KEY = "weekoverzicht";

    private static final Logger log = LoggerFactory.getLogger(WeeklyDigest.class);

    private final ReminderSettings settings;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final DigestOptOutRepository optOuts;
    private final TaskDescriptions descriptions;
    private final WeeklyDigestMail composer;
    private final MailDelivery delivery;

    WeeklyDigest(ReminderSettings settings, TaskService taskService, IdentityService identityService, DigestOptOutRepository optOuts,
            TaskDescriptions descriptions, WeeklyDigestMail composer, MailDelivery delivery) {
        this.settings = settings;
        this.taskService = taskService;
        this.identityService = identityService;
        this.optOuts = optOuts;
        this.descriptions = descriptions;
        this.composer = composer;
        this.delivery = delivery;
    }

    /** The timer fires every weekday morning; the digest goes out on the week's first working day only. */
    public boolean isDueToday() {
        return settings.weekoverzicht() && isFirstWorkingDayOfItsWeek(EngineClock.today());
    }

    /** Monday, or Tuesday after Paasmaandag or Pinkstermaandag; no day of a week without working days. */
    static boolean isFirstWorkingDayOfItsWeek(LocalDate day) {
        if (!WorkingDays.isWorkingDay(day)) {
            return false;
        }
        for (LocalDate earlier = day.with(DayOfWeek.MONDAY); earlier.isBefore(day); earlier = earlier.plusDays(1)) {
            if (WorkingDays.isWorkingDay(earlier)) {
                return false;
            }
        }
        return true;
    }

    /** Everyone with at least one open task who did not switch the digest off. */
    public List<String> recipients() {
        Set<String> optedOut = optOuts.findAll().stream().map(DigestOptOut::getUserId).collect(Collectors.toSet());
        return identityService.createUserQuery().orderByUserId().asc().list().stream()
                .map(User::getId)
                .filter(userId -> !optedOut.contains(userId))
                .filter(userId -> taskService.createTaskQuery().or().taskAssignee(userId).taskCandidateUser(userId).endOr().active().count() > 0)
                .toList();
    }

    /** One digest to one person ({@code ontvanger}), with their tasks as they stand now. */
    public void send(DelegateExecution execution) {
        String userId = (String) execution.getVariable("ontvanger");
        if (!wantsDigest(userId)) {
            log.info("{} switched the weekly digest off after this morning's list was made", userId);
            return;
        }
        List<TaskDeadline> tasks = openTasksOf(userId);
        if (tasks.isEmpty()) {
            return;
        }
        LocalDate today = EngineClock.today();
        delivery.deliver(execution.getProcessInstanceId(), "Weekoverzicht " + Dutch.date(today), MailKind.WEEKOVERZICHT, userId,
                name -> composer.compose(name, today, tasks));
    }

    /** A person's open tasks, the earliest due date first and those without one last. */
    List<TaskDeadline> openTasksOf(String userId) {
        List<Task> tasks = taskService.createTaskQuery().or().taskAssignee(userId).taskCandidateUser(userId).endOr().active().list();
        return tasks.stream()
                .sorted(Comparator.comparing(Task::getDueDate, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Task::getCreateTime).thenComparing(Task::getId))
                .map(descriptions::of)
                .toList();
    }

    boolean wantsDigest(String userId) {
        return !optOuts.existsById(userId);
    }

    @Transactional
    void switchOff(String userId) {
        if (wantsDigest(userId)) {
            optOuts.save(new DigestOptOut(userId, EngineClock.now()));
        }
    }

    @Transactional
    void switchOn(String userId) {
        optOuts.deleteById(userId);
    }

    boolean sentAtAll() {
        return settings.weekoverzicht();
    }
}
