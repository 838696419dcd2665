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
 * close that. At most {@code maxNickNames} nick names (the least recently tried are forgotten first)
 * and {@code maxPerNickName} attempts each (the oldest go first).
 */
public final class InMemoryFailedLogins implements FailedLogins {
    private final int maxPerNickName;
    private final Map<String, Deque<Instant>> failures;

    public InMemoryFailedLogins(int maxNickNames, int maxPerNickName) {
        this.maxPerNickName = maxPerNickName;
        this.failures = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
                return size() > maxNickNames;
            }
        };
    }

    @Override
    public synchronized List<Instant> countUnlessFull(String nickNameKey, Instant at, Instant since, int max) {
        Deque<Instant> times = failures.computeIfAbsent(nickNameKey, k -> new ArrayDeque<>());
        List<Instant> recent = times.stream().filter(t -> t.isAfter(since)).sorted().toList();
        if (recent.size() < max) {
            times.addLast(at);
            while (times.size() > maxPerNickName) times.removeFirst();
        }
        return recent;
    }

    @Override
    public synchronized void clear(String nickNameKey) {
        failures.remove(nickNameKey);
    }
}
