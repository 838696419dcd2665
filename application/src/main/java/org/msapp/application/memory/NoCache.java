package org.msapp.application.memory;

import java.time.Duration;
import java.util.Optional;
import org.msapp.application.port.Cache;
import org.msapp.application.port.CacheKey;

/** No cache at all (CACHE_TYPE=null): every read goes to the store. */
public final class NoCache implements Cache {
    @Override
    public <T> Optional<T> get(CacheKey<T> key) {
        return Optional.empty();
    }

    @Override
    public <T> void put(CacheKey<T> key, T value, Duration ttl) {
    }

    @Override
    public void evict(CacheKey<?> key, long staleUpTo) {
    }
}
