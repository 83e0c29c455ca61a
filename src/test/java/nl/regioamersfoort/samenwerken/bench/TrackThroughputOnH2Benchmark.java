package nl.regioamersfoort.samenwerken.bench;

/** Benchmark ({@code ./mvnw -Pbench verify -Dtest=TrackThroughputOnH2Benchmark}): {@link TrackThroughput} on H2 in memory. */
class TrackThroughputOnH2Benchmark extends TrackThroughput {

    @Override
    String database() {
        return "H2";
    }
}
