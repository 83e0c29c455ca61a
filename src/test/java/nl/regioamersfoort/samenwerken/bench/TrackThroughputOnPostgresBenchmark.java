package nl.regioamersfoort.samenwerken.bench;

import nl.regioamersfoort.samenwerken.PostgresTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Benchmark ({@code ./mvnw -Pbench verify -Dtest=TrackThroughputOnPostgresBenchmark}): {@link TrackThroughput} on PostgreSQL 17 (embedded, same machine). */
class TrackThroughputOnPostgresBenchmark extends TrackThroughput {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }

    @Override
    String database() {
        return "PostgreSQL";
    }
}
