package nl.regioamersfoort.samenwerken.platform.engine;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import nl.regioamersfoort.samenwerken.platform.form.InvalidInputException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Completing a task while something else changes the same process instance: a deadline timer
 * firing in the task's taakbewaking (which the completion stops), or a colleague completing the
 * same task at the same moment, on this node or another. The engine then throws an
 * OptimisticLockingException, or a NullValueException when the other transaction already removed
 * the task or the executions it read, and the REST API answers 500: an engine error in front of a
 * person who did nothing wrong. This interceptor retries the completion while the task is still
 * there (the other transaction has committed by then), and answers 400 with a Dutch message once
 * it is gone; the same goes for completing a task that someone else completed a minute ago.
 *
 * <p>Only for commands that start their own transaction (REST, Tasklist, a service call without
 * {@code @Transactional}): inside a caller's transaction a retry cannot undo what the caller already
 * did, so the error goes to the caller.
 */
@Component
class ConcurrentCompletion extends AbstractProcessEnginePlugin {

    static final String ALREADY_DONE = "Deze taak is al afgerond, door u of door een collega. Vernieuw de takenlijst.";
    static final int ATTEMPTS = 3;

    private static final Logger log = LoggerFactory.getLogger(ConcurrentCompletion.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = new ArrayList<>();
        if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
            interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
        }
        // Last of the "pre" interceptors: still outside the transaction, so each attempt gets a new one. Whether
        // the task is still there is the server's question, asked without the person's login (and so not judged
        // by EngineCommandGuard): a task the person cannot see is still a task.
        interceptors.add(new Interceptor(taskId -> {
            IdentityService identity = configuration.getIdentityService();
            Authentication person = identity.getCurrentAuthentication();
            identity.clearAuthentication();
            try {
                return configuration.getCommandExecutorTxRequired().execute(context -> context.getTaskManager().findTaskById(taskId) != null);
            } finally {
                if (person != null) {
                    identity.setAuthentication(person);
                }
            }
        }));
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    static class Interceptor extends CommandInterceptor {

        private final Predicate<String> taskExists;

        Interceptor(Predicate<String> taskExists) {
            this.taskExists = taskExists;
        }

        @Override
        public <T> T execute(Command<T> command) {
            String taskId = completedTask(command);
            if (taskId == null || TransactionSynchronizationManager.isActualTransactionActive()) {
                return next.execute(command);
            }
            for (int attempt = 1; ; attempt++) {
                try {
                    return next.execute(command);
                } catch (InvalidInputException refused) {
                    throw refused;
                } catch (RuntimeException e) {
                    // An unknown or long completed task is not a collision: the REST layer answers 404.
                    if (isUnknownTask(e)) {
                        throw e;
                    }
                    if (!isCollision(e)) {
                        // Another node may have completed the task between our reading it and its process: the
                        // engine then trips over what it no longer finds (executions, the task watch's message
                        // subscription) instead of a lock. The same goes for the authorization check, which reads
                        // the task's candidates after the task: a colleague's completion that commits in between
                        // leaves none, and the refusal would blame the person. A refusal of a task that is still
                        // there stays a refusal.
                        if (!taskExists.test(taskId)) {
                            log.info("Task {} was completed concurrently; the later completion is refused ({})", taskId, e.toString());
                            throw new InvalidInputException(ALREADY_DONE);
                        }
                        throw e;
                    }
                    if (!taskExists.test(taskId)) {
                        log.info("Task {} was completed concurrently; the later completion is refused ({})", taskId, e.getMessage());
                        throw new InvalidInputException(ALREADY_DONE);
                    }
                    if (attempt == ATTEMPTS) {
                        throw e;
                    }
                    log.info("Completing task {} collided with a concurrent change; attempt {} of {}", taskId, attempt + 1, ATTEMPTS);
                    pause(25L * attempt);
                }
            }
        }

        /**
         * The signs of another transaction having changed or removed what this one read: a stale
         * revision, or the executions of the task's process instance gone between reading the task
         * and loading its process (the engine reports that as a NullValueException "Cannot restore
         * state of process instance"). Other null values are faults, and retrying would not help.
         */
        private static boolean isCollision(Throwable e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                if (cause instanceof OptimisticLockingException || cause instanceof NullValueException
                        && String.valueOf(cause.getMessage()).startsWith("Cannot restore state of process instance")) {
                    return true;
                }
            }
            return false;
        }

        private static boolean isUnknownTask(Throwable e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                if (cause instanceof NullValueException && String.valueOf(cause.getMessage()).startsWith("Cannot find task")) {
                    return true;
                }
            }
            return false;
        }

        private static void pause(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The task a person completes with this command, or null for any other command. */
    static String completedTask(Command<?> command) {
        // The engine keeps the id in a protected field of both commands and offers no getter.
        if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
            try {
                Class<?> type = command instanceof CompleteTaskCmd ? CompleteTaskCmd.class : SubmitTaskFormCmd.class;
                Field field = type.getDeclaredField("taskId");
                field.setAccessible(true);
                return (String) field.get(command);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
        return null;
    }
}
