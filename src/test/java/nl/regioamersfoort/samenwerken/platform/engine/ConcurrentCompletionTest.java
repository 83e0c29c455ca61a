package nl.regioamersfoort.samenwerken.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.regioamersfoort.samenwerken.DemoApplicationTest;
import nl.regioamersfoort.samenwerken.Http;
import nl.regioamersfoort.samenwerken.platform.form.InvalidInputException;
import nl.regioamersfoort.samenwerken.programma.NewProgramme;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two colleagues submit the same task at the same moment, or one a minute after the other: one
 * completes it, the other hears in Dutch that it is already done (400 on a collision, 404 once the
 * task is gone), never an engine error (500).
 * The cluster test shows the same across two nodes and against firing deadline timers.
 */
@DemoApplicationTest
class ConcurrentCompletionTest {

    @LocalServerPort
    int port;
    @Autowired
    Programmes programmes;
    @Autowired
    TaskService taskService;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void theSecondCompletionOfATaskIsAClearRefusal() throws Exception {
        String task = inventoryOf(startProgramme(2080), "leusden");
        Http ambtenaar = Http.basic(port, "ambtenaar.leusden", "demo");
        assertThat(submit(ambtenaar, task).statusCode()).isEqualTo(204);

        // Once it is done the task is gone: 404 with a Dutch hint, as for any task that does not exist.
        HttpResponse<String> again = submit(ambtenaar, task);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(json.readTree(again.body()).get("message").asText()).contains("al afgerond");
        assertThat(Http.basic(port, "ambtenaar.leusden", "demo").post("/engine-rest/task/" + task + "/complete", "application/json", "{}")
                .statusCode()).isEqualTo(404);
    }

    @Test
    void colleaguesSubmittingTheSameTaskAtOnceGetOneSuccessAndOneRefusal() throws Exception {
        String programme = startProgramme(2082);
        List<String> tasks = List.of(inventoryOf(programme, "baarn"), inventoryOf(programme, "soest"), inventoryOf(programme, "woudenberg"));
        ExecutorService colleagues = Executors.newFixedThreadPool(2 * tasks.size());
        List<List<Future<Integer>>> answers = new ArrayList<>();
        for (String task : tasks) {
            String municipality = taskService.getVariable(task, "gemeente").toString();
            CountDownLatch together = new CountDownLatch(2);
            List<Future<Integer>> pair = new ArrayList<>();
            for (String person : List.of("ambtenaar." + municipality, "adviseur")) {
                pair.add(colleagues.submit(() -> {
                    together.countDown();
                    together.await();
                    return submit(Http.basic(port, person, "demo"), task).statusCode();
                }));
            }
            answers.add(pair);
        }
        for (List<Future<Integer>> pair : answers) {
            // One completes it; the other collided (400, "al afgerond") or came just after it was gone (404): never a 500.
            List<Integer> statuses = List.of(pair.get(0).get(60, TimeUnit.SECONDS), pair.get(1).get(60, TimeUnit.SECONDS));
            assertThat(statuses).containsOnlyOnce(204).allMatch(status -> status == 204 || status == 400 || status == 404);
        }
        colleagues.shutdown();
    }

    @Test
    void aCompletionThatCollidesIsRetriedWhileTheTaskIsStillThere() {
        AtomicInteger attempts = new AtomicInteger();
        ConcurrentCompletion.Interceptor interceptor = new ConcurrentCompletion.Interceptor(taskId -> true);
        interceptor.setNext(new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                if (attempts.incrementAndGet() < 3) {
                    throw new ProcessEngineException("wrapped", new OptimisticLockingException("updated by another transaction"));
                }
                return null;
            }
        });
        interceptor.execute(new CompleteTaskCmd("task-1", null));
        assertThat(attempts).hasValue(3);

        // Something else than a collision is not hidden by retrying.
        ConcurrentCompletion.Interceptor failing = new ConcurrentCompletion.Interceptor(taskId -> true);
        failing.setNext(new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                throw new IllegalStateException("a bug in a listener");
            }
        });
        assertThatThrownBy(() -> failing.execute(new CompleteTaskCmd("task-1", null))).hasMessage("a bug in a listener");
    }

    @Test
    void aRefusalBecauseAColleagueJustCompletedTheTaskSaysItIsDone() {
        // The authorization check reads the task's candidates after the task: a colleague's completion committed in
        // between leaves none, and the engine refuses. That is the CI run's 403 in the test above.
        CommandInterceptor refusing = new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                throw new AuthorizationException("ambtenaar.baarn", "TASK_WORK", "Task", "task-1");
            }
        };
        ConcurrentCompletion.Interceptor gone = new ConcurrentCompletion.Interceptor(taskId -> false);
        gone.setNext(refusing);
        assertThatThrownBy(() -> gone.execute(new CompleteTaskCmd("task-1", null))).isInstanceOf(InvalidInputException.class)
                .hasMessage(ConcurrentCompletion.ALREADY_DONE);

        // A task that is still there and not the person's stays refused.
        ConcurrentCompletion.Interceptor there = new ConcurrentCompletion.Interceptor(taskId -> true);
        there.setNext(refusing);
        assertThatThrownBy(() -> there.execute(new CompleteTaskCmd("task-1", null))).isInstanceOf(AuthorizationException.class);
    }

    private String startProgramme(int year) {
        return programmes.start(new NewProgramme("Inclusie en diversiteit " + year + "-" + (year + 1), LocalDate.of(year, 1, 1),
                LocalDate.of(year + 1, 12, 31), List.of("baarn", "leusden", "soest", "woudenberg"), null, null, null, null, null, null),
                "projectleider").getId();
    }

    private String inventoryOf(String programme, String municipality) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(programme + "-" + municipality)
                .taskDefinitionKey("inventarisatie-opstellen").singleResult();
        return task.getId();
    }

    private static HttpResponse<String> submit(Http as, String task) {
        return as.post("/engine-rest/task/" + task + "/submit-form", "application/json",
                "{\"variables\": {\"watSpeeltLokaal\": {\"value\": \"Eenzaamheid onder ouderen\"},"
                        + " \"mogelijkeVervolgstap\": {\"value\": \"Gesprek met de bibliotheek\"}}}");
    }
}
