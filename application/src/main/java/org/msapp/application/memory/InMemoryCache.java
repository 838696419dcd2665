package org.msapp.application.memory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.msapp.application.port.Cache;
import org.msapp.application.port.CacheKey;

/**
 * An in-process cache (CACHE_TYPE=simple), bounded in size: when full, it drops what has expired, then
 * the values, and keeps the evictions it still remembers (they refuse the stale values of racing
 * readers) unless they alone fill it. It holds values as their codec's fields, as Redis does, so what
 * it keeps is what Redis would keep.
 */
public final class InMemoryCache implements Cache {
    /** A value (none after an eviction) until {@code expiresAt}, and the versions an eviction refuses until {@code staleUntil}. */
    private record Held(Map<String, Object> fields, long version, Instant expiresAt, long staleUpTo, Instant staleUntil) {
        boolean remembersEvictionAt(Instant now) {
            return staleUntil.isAfter(now);
        }

        boolean hasValueAt(Instant now) {
            return fields != null && expiresAt.isAfter(now);
        }

        long staleUpToAt(Instant now) {
            return staleUntil.isAfter(now) ? staleUpTo : 0;
        }
    }

    private final ConcurrentHashMap<String, Held> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxEntries;

    public InMemoryCache(Clock clock, int maxEntries) {
        this.clock = clock;
        this.maxEntries = maxEntries;
    }

    @Override
    public <T> Optional<T> get(CacheKey<T> key) {
        Instant now = clock.instant();
        Held held = entries.get(key.name());
        if (held == null || !held.hasValueAt(now)) return Optional.empty();
        return Optional.of(key.codec().decode(held.fields()));
    }

    @Override
    public <T> void put(CacheKey<T> key, T value, Duration ttl) {
        long version = key.codec().version(value);
        Map<String, Object> fields = Map.copyOf(key.codec().encode(value));
        makeRoom();
        entries.compute(key.name(), (name, held) -> {
            Instant now = clock.instant();
            if (held == null) return new Held(fields, version, now.plus(ttl), 0, now);
            if (version <= held.staleUpToAt(now)) return held;
            if (held.hasValueAt(now) && version < held.version()) return held;
            return new Held(fields, version, now.plus(ttl), held.staleUpTo(), held.staleUntil());
        });
    }

    @Override
    public void evict(CacheKey<?> key, long staleUpTo) {
        makeRoom();
        entries.compute(key.name(), (name, held) -> {
            Instant now = clock.instant();
            long stale = held == null ? staleUpTo : Math.max(staleUpTo, held.staleUpToAt(now));
            return new Held(null, 0, now, stale, now.plus(EVICTIONS_REMEMBERED));
        });
    }

    private void makeRoom() {
        if (entries.size() < maxEntries) return;
        Instant now = clock.instant();
        entries.values().removeIf(held -> !held.hasValueAt(now) && !held.remembersEvictionAt(now));
        if (entries.size() >= maxEntries) entries.values().removeIf(held -> !held.remembersEvictionAt(now));
        if (entries.size() >= maxEntries) entries.clear();
    }
}
