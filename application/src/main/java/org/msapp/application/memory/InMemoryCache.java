package org.msapp.application.memory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.msapp.application.port.Cache;
import org.msapp.application.port.CacheKey;

/** An in-process cache (CACHE_TYPE=simple), bounded in size: when full, it starts again empty. */
public final class InMemoryCache implements Cache {
    private record Held(Object value, Instant expiresAt) {
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
        Held held = entries.get(key.name());
        if (held == null) return Optional.empty();
        if (!held.expiresAt().isAfter(clock.instant())) {
            entries.remove(key.name(), held);
            return Optional.empty();
        }
        return Optional.of(key.type().cast(held.value()));
    }

    @Override
    public <T> void put(CacheKey<T> key, T value, Duration ttl) {
        if (entries.size() >= maxEntries) entries.clear();
        entries.put(key.name(), new Held(key.type().cast(value), clock.instant().plus(ttl)));
    }

    @Override
    public void evict(CacheKey<?> key) {
        entries.remove(key.name());
    }
}
