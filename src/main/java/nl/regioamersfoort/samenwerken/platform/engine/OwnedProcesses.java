package nl.regioamersfoort.samenwerken.platform.engine;

import java.util.Collection;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The process definitions (by key) a feature owns, declared by that feature as a bean: local ones
 * run for one municipality, regional ones for the whole region (the regional bodies follow them), the others only the
 * coordinators follow (watches, signals, the cap on the adviser's hours). Security grants by them without knowing the features, and the
 * module test checks that each model calls only beans its owner may use. Declared from a static
 * {@code @Bean} method, so the declaration exists before the engine (and any glue) does.
 */
public record OwnedProcesses(Set<String> local, Set<String> regional, Set<String> coordinatorsOnly) {

    public static OwnedProcesses local(String... keys) {
        return new OwnedProcesses(Set.of(keys), Set.of(), Set.of());
    }

    public static OwnedProcesses regional(String... keys) {
        return new OwnedProcesses(Set.of(), Set.of(keys), Set.of());
    }

    public static OwnedProcesses coordinatorsOnly(String... keys) {
        return new OwnedProcesses(Set.of(), Set.of(), Set.of(keys));
    }

    /** The keys of all local processes, whoever owns them, in order. */
    public static SortedSet<String> localOf(Collection<OwnedProcesses> features) {
        return features.stream().flatMap(owned -> owned.local().stream()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The keys of all regional processes, whoever owns them, in order. */
    public static SortedSet<String> regionalOf(Collection<OwnedProcesses> features) {
        return features.stream().flatMap(owned -> owned.regional().stream()).collect(Collectors.toCollection(TreeSet::new));
    }

    public boolean owns(String key) {
        return local.contains(key) || regional.contains(key) || coordinatorsOnly.contains(key);
    }
}
