package org.msapp.bootstrap.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.msapp.bootstrap.reliability.SteadyLoad.Outcome;

/**
 * The counts of one scenario, in one line: printed, and appended to {@code target/reliability.txt}
 * (the suite's record of a run): requests sent, outcomes by status, the longest request, and
 * whatever else the scenario counted (writes acknowledged and found, events expected and received).
 */
final class Report {
    private static final Path FILE = Path.of("target", "reliability.txt");

    private Report() {
    }

    /** Statuses and how many answered each, in order; 0 is "no answer". */
    static Map<Integer, Long> byStatus(Collection<Outcome> outcomes) {
        return outcomes.stream().collect(Collectors.groupingBy(Outcome::status, TreeMap::new, Collectors.counting()));
    }

    static long longestMillis(Collection<Outcome> outcomes) {
        return outcomes.stream().mapToLong(Outcome::tookMillis).max().orElse(0);
    }

    static void print(String scenario, Collection<Outcome> outcomes, String counted) {
        print(scenario, "%d requests; by status %s; longest %d ms; %s".formatted(outcomes.size(), byStatus(outcomes),
                longestMillis(outcomes), counted));
    }

    static void print(String scenario, String counted) {
        String line = "RELIABILITY %s: %s".formatted(scenario, counted);
        System.out.println(line);
        try {
            Files.writeString(FILE, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
