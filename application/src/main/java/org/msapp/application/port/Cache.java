package org.msapp.application.port;

import java.time.Duration;
import java.util.Optional;

/**
 * A cache of single users and orders. Any call may fail with {@link CacheUnavailable} (and with
 * nothing else); callers carry on without the cache then. A value put is returned by {@link #get}
 * until its time to live ends or it is evicted.
 */
public interface Cache {
    <T> Optional<T> get(CacheKey<T> key);

    <T> void put(CacheKey<T> key, T value, Duration ttl);

    void evict(CacheKey<?> key);
}
