package org.msapp.application.memory;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.msapp.application.port.FailedLogins;

/**
 * Failed log-ins in this process: per instance, which is what one instance needs. At most
 * {@code maxNickNames} nick names (the least recently failed are forgotten first) and
 * {@code maxPerNickName} failures each (the oldest go first).
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
    public synchronized void add(String nickNameKey, Instant at) {
        Deque<Instant> times = failures.computeIfAbsent(nickNameKey, k -> new ArrayDeque<>());
        times.addLast(at);
        while (times.size() > maxPerNickName) times.removeFirst();
    }

    @Override
    public synchronized List<Instant> after(String nickNameKey, Instant since) {
        Deque<Instant> times = failures.get(nickNameKey);
        if (times == null) return List.of();
        return times.stream().filter(t -> t.isAfter(since)).sorted().toList();
    }

    @Override
    public synchronized void clear(String nickNameKey) {
        failures.remove(nickNameKey);
    }
}
