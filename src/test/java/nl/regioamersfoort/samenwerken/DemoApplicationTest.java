package nl.regioamersfoort.samenwerken;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The demo run (demo users) on a random port, shared by all tests that use it; on H2, or on
 * PostgreSQL in the build's second pass ({@link TestDatabase}), which runs the tests tagged
 * {@value #DATABASE}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@ContextConfiguration(initializers = TestDatabase.class)
@Tag(DemoApplicationTest.DATABASE)
public @interface DemoApplicationTest {

    String DATABASE = "database";
}
