package nl.regioamersfoort.samenwerken.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.regioamersfoort.samenwerken.Http;
import nl.regioamersfoort.samenwerken.PostgresTestDatabase;
import nl.regioamersfoort.samenwerken.SamenwerkenApplication;

/**
 * One application node in its own JVM, started from the test classpath. In one JVM two Samenwerken
 * contexts would share Camunda's JVM-wide engine registry (the webapps and the REST API look the
 * engine up by name, "default"), so the second node's Tasklist and REST calls would be answered by
 * the first node's engine. A process per node is what production runs, and it can be stopped the
 * way production nodes stop: gracefully (SIGTERM) or killed (SIGKILL, as kill -9 or a power cut).
 */
public final class AppNode implements AutoCloseable {

    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        // A failing or aborted test run must not leave nodes behind that keep working on the database, nor the
        // database itself: a JVM that runs nodes has no SpringApplication of its own to stop the embedded PostgreSQL.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            RUNNING.forEach(Process::destroyForcibly);
            for (Process node : RUNNING) {
                try {
                    node.waitFor(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            PostgresTestDatabase.stop();
        }));
    }

    private final String name;
    private final String mainClass;
    private final List<String> jvmOptions = new ArrayList<>();
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final Path log;
    private Process process;
    private int port;
    private Duration readyAfter;
    private int starts;

    private AppNode(String name, String mainClass) {
        this.name = name;
        this.mainClass = mainClass;
        this.log = Path.of("target", "nodes", name + ".log");
    }

    /**
     * Samenwerken as the demo run (demo people, mail to the outbox) on the given PostgreSQL
     * database, on a free port, with the job executor on: the test profile, which switches it off,
     * is not active in a node. The demo starts empty: the seeded programme would move the node's
     * clock to its own demo date, and the tests work on today's.
     */
    public static AppNode samenwerken(String name, String jdbcUrl) {
        return new AppNode(name, SamenwerkenApplication.class.getName())
                .jvm("-Xmx512m")
                .with("spring.profiles.active", "demo")
                .with("samenwerken.demo.programma-in-gang", "false")
                .with("spring.datasource.url", jdbcUrl)
                .with("spring.datasource.username", "postgres")
                .with("spring.datasource.password", "")
                .with("server.port", "0")
                // The job log (ACT_HI_JOB_LOG.HOSTNAME_) then says which node ran each job.
                .with("camunda.bpm.generic-properties.properties.hostname", name);
    }

    /** Any Spring Boot main class from the test classpath. */
    public static AppNode of(String name, String mainClass) {
        return new AppNode(name, mainClass).with("server.port", "0");
    }

    public AppNode with(String property, String value) {
        properties.put(property, value);
        return this;
    }

    public AppNode jvm(String option) {
        jvmOptions.add(option);
        return this;
    }

    /** Starts the JVM and waits until the node answers health UP. */
    public AppNode start() {
        return start(node -> true);
    }

    /**
     * Starts the JVM and waits until health is UP and {@code ready} holds; {@link #readyAfter()} is
     * the wall time from launching the JVM until then.
     */
    public AppNode start(Predicate<AppNode> ready) {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(testClasspath());
        command.add(mainClass);
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            Files.createDirectories(log.getParent());
            if (starts++ == 0) {
                Files.deleteIfExists(log);
            }
            // A restarted node appends to what it said before it was stopped or killed.
            Files.writeString(log, "=== start " + starts + " of " + name + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            long launched = System.nanoTime();
            long logOffset = Files.size(log);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            RUNNING.add(process);
            port = awaitPort(logOffset, launched);
            awaitReady(launched, ready);
            readyAfter = Duration.ofNanos(System.nanoTime() - launched);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    /**
     * Surefire sets java.class.path to the test classpath in its forked JVM, with a trailing separator:
     * an empty entry, which Java reads as the working directory, and that would put the project's own
     * processes/ folder on the classpath beside target/classes (every model twice).
     */
    static String testClasspath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    private int awaitPort(long logOffset, long launched) throws IOException {
        while (true) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " stopped during start-up (exit " + process.exitValue() + "):\n" + logTail(60));
            }
            // Bytes as Latin-1: the node may be halfway through writing a multi-byte character.
            byte[] output = Files.readAllBytes(log);
            int from = (int) Math.min(logOffset, output.length);
            Matcher matcher = PORT.matcher(new String(output, from, output.length - from, StandardCharsets.ISO_8859_1));
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
            checkStartupTimeout(launched);
            pause(100);
        }
    }

    private void awaitReady(long launched, Predicate<AppNode> ready) {
        while (true) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " stopped during start-up (exit " + process.exitValue() + "):\n" + logTail(60));
            }
            try {
                HttpResponse<String> health = Http.anonymous(port).get("/actuator/health");
                if (health.statusCode() == 200 && health.body().contains("\"UP\"") && ready.test(this)) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // the port is bound a moment before the connector accepts
            }
            checkStartupTimeout(launched);
            pause(100);
        }
    }

    private void checkStartupTimeout(long launched) {
        // Generous: the build machine has two cores and other builds may run beside this one.
        if (Duration.ofNanos(System.nanoTime() - launched).toSeconds() > 240) {
            process.destroyForcibly();
            throw new AssertionError(name + " not ready within 240 s:\n" + logTail(60));
        }
    }

    /** Graceful stop (SIGTERM): Spring closes the context, the job executor stops. */
    public void stop() {
        if (!isAlive()) {
            return;
        }
        process.destroy();
        waitForExit(Duration.ofSeconds(90));
    }

    /** SIGKILL: no shutdown hook runs, open transactions are lost, locked jobs stay locked until their lock expires. */
    public void kill() {
        if (!isAlive()) {
            return;
        }
        process.destroyForcibly();
        waitForExit(Duration.ofSeconds(30));
    }

    private void waitForExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        RUNNING.remove(process);
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Duration readyAfter() {
        return readyAfter;
    }

    /** A demo person calling this node's API with HTTP Basic (password {@code demo}). */
    public Http as(String user) {
        return Http.basic(port, user, "demo");
    }

    /**
     * The id of the open task with this definition key in this case, as this person sees it over
     * REST; waits while the node's job executor is still on its way there.
     */
    public String awaitTaskId(String user, String businessKey, String taskKey) {
        String[] id = new String[1];
        // Generous: on a loaded 2-core machine a fresh node's first jobs once took longer than 2 minutes.
        Await.until(Duration.ofMinutes(5), () -> {
            try {
                JsonNode tasks = JSON.readTree(as(user).get("/engine-rest/task?processInstanceBusinessKey=" + businessKey
                        + "&taskDefinitionKey=" + taskKey).body());
                id[0] = tasks.size() == 1 ? tasks.get(0).get("id").asText() : null;
            } catch (IOException | UncheckedIOException e) {
                id[0] = null;
            }
            return id[0] != null;
        }, () -> "task " + taskKey + " in " + businessKey + " for " + user + " on " + name);
        return id[0];
    }

    /** Peak resident memory of the node's JVM so far (VmHWM), in MB; -1 when unknown. */
    public long residentPeakMb() {
        long kb = ProcStatus.kilobytes(Path.of("/proc", String.valueOf(pid()), "status"), "VmHWM");
        return kb < 0 ? -1 : kb / 1024;
    }

    public String logTail(int lines) {
        try {
            // new String(...) replaces a half-written character instead of failing on it.
            List<String> all = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return name + (isAlive() ? " (pid " + pid() + ", port " + port + ")" : " (stopped)");
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
