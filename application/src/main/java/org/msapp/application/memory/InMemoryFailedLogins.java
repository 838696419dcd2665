package org.msapp.application.memory;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.msapp.application.port.FailedLogins;

/**
 * Log-in attempts in this process. Several instances each keep their own, so behind a load balancer
 * a guesser gets the allowance once per instance: a store shared by all (PostgreSQL, Redis) would
 * close that. At most {@code maxKeys} keys (the least recently tried are forgotten first) and
 * {@code maxPerKey} attempts each (the oldest go first).
 */
public final class InMemoryFailedLogins implements FailedLogins {
    private final int maxPerKey;
    private final Map<String, Deque<Instant>> failures;

    public InMemoryFailedLogins(int maxKeys, int maxPerKey) {
        this.maxPerKey = maxPerKey;
        this.failures = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
                return size() > maxKeys;
            }
        };
    }

    @Override
    public synchronized List<Instant> countUnlessFull(String key, Instant at, Instant since, int max) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        List<Instant> recent = times.stream().filter(t -> t.isAfter(since)).sorted().toList();
        if (recent.size() < max) {
            times.addLast(at);
            while (times.size() > maxPerKey) times.removeFirst();
        }
        return recent;
    }

    @Override
    public synchronized void clear(String key) {
        failures.remove(key);
    }

    @Override
    public synchronized void forget(String key, Instant at) {
        Deque<Instant> times = failures.get(key);
        if (times != null) times.removeLastOccurrence(at);
    }
}
