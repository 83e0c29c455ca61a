package nl.regioamersfoort.samenwerken.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** A benchmark's figures: printed, and written to target/bench/&lt;name&gt;.txt with the machine they were measured on. */
final class BenchReport {

    private final String name;
    private final List<String> lines = new ArrayList<>();

    BenchReport(String name, String title) {
        this.name = name;
        lines.add(title);
        lines.add(String.format("measured %s on %d cores, Java %s, default max heap of this JVM %d MB", LocalDateTime.now()
                .truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024)));
        List<String> options = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> option.startsWith("-X") || option.startsWith("-Dbench")).toList();
        lines.add("JVM options of this JVM: " + (options.isEmpty() ? "(defaults)" : String.join(" ", options)));
    }

    BenchReport line(String format, Object... arguments) {
        lines.add(String.format(java.util.Locale.ROOT, format, arguments));
        return this;
    }

    void write() {
        String text = String.join(System.lineSeparator(), lines) + System.lineSeparator();
        System.out.println();
        lines.forEach(line -> System.out.println("BENCH " + line));
        System.out.println();
        try {
            Path file = Path.of("target", "bench", name + ".txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double median(List<? extends Number> values) {
        return percentile(values, 50);
    }

    /** Nearest-rank percentile. */
    static double percentile(List<? extends Number> values, int percent) {
        List<Double> sorted = values.stream().map(Number::doubleValue).sorted().toList();
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
