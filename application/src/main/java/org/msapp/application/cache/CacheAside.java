package org.msapp.application.cache;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.msapp.application.port.Cache;
import org.msapp.application.port.CacheKey;
import org.msapp.application.port.CacheUnavailable;

/**
 * Cache-aside, fail-open: a read tries the cache, then the store, then fills the cache; a write
 * evicts after its commit, naming the versions it made stale, so that a read that raced it cannot put
 * an old value back (the cache refuses it). When the cache fails the call goes on without it; failures
 * are counted, and logged at most once every ten seconds. Times to live get up to 10% jitter so entries
 * written together do not expire together. Lookups are counted by outcome (hit, miss, failed), for
 * monitoring to read.
 */
public final class CacheAside {
    private static final System.Logger LOG = System.getLogger(CacheAside.class.getName());
    private static final Duration WARN_EVERY = Duration.ofSeconds(10);
    private final Cache cache;
    private final Duration ttl;
    private final AtomicLong failures = new AtomicLong();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder failedLookups = new LongAdder();
    private final AtomicLong lastWarned = new AtomicLong(System.nanoTime() - WARN_EVERY.toNanos());

    public CacheAside(Cache cache, Duration ttl) {
        this.cache = cache;
        this.ttl = ttl;
    }

    public <T> Optional<T> read(CacheKey<T> key, Supplier<Optional<T>> load) {
        boolean cacheAnswered = true;
        try {
            Optional<T> hit = cache.get(key);
            if (hit.isPresent()) {
                hits.increment();
                return hit;
            }
            misses.increment();
        } catch (CacheUnavailable e) {
            failedLookups.increment();
            warn("get", e);
            cacheAnswered = false;
        }
        Optional<T> loaded = load.get();
        if (cacheAnswered) {   // a cache that just failed is not asked again within the same read: one timeout at most
            loaded.ifPresent(value -> {
                try {
                    cache.put(key, value, jittered());
                } catch (CacheUnavailable e) {
                    warn("put", e);
                }
            });
        }
        return loaded;
    }

    /** After a commit that changed the entity: versions up to {@code staleUpTo} must not be served again. */
    public void evict(CacheKey<?> key, long staleUpTo) {
        try {
            evictOrFail(key, staleUpTo);
        } catch (CacheUnavailable counted) {
            // counted and logged by evictOrFail; the entry ends with its time to live
        }
    }

    /**
     * As {@link #evict}, for a caller that must not go on unless the eviction happened.
     *
     * @throws CacheUnavailable when the cache did not confirm it (counted and logged as any failure)
     */
    public void evictOrFail(CacheKey<?> key, long staleUpTo) {
        try {
            cache.evict(key, staleUpTo);
        } catch (CacheUnavailable e) {
            warn("evict", e);
            throw e;
        }
    }

    private Duration jittered() {
        long millis = ttl.toMillis();
        return Duration.ofMillis(millis + ThreadLocalRandom.current().nextLong(millis / 10 + 1));
    }

    /** Failures of the cache since the start, every one counted: lookups, fills and evictions. */
    public long failures() {
        return failures.get();
    }

    /** Lookups the cache answered with a value, since the start. */
    public long hits() {
        return hits.sum();
    }

    /** Lookups the cache answered without a value (the read went to the store), since the start. */
    public long misses() {
        return misses.sum();
    }

    /** Lookups the cache failed to answer (the read went to the store), since the start. */
    public long failedLookups() {
        return failedLookups.sum();
    }

    /** At most one line per {@link #WARN_EVERY}, saying how many failed: an outage must not flood the log. */
    private void warn(String operation, CacheUnavailable e) {
        long count = failures.incrementAndGet();
        long last = lastWarned.get();
        long now = System.nanoTime();
        if (now - last >= WARN_EVERY.toNanos() && lastWarned.compareAndSet(last, now)) {
            LOG.log(System.Logger.Level.WARNING, "cache {0} failed, going on without it ({1} failures so far): {2}", operation,
                    count, e.getMessage());
        }
    }
}
