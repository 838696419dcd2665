package org.msapp.application.cache;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
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
 *
 * <p>An eviction that fails leaves a value that a commit made stale, which the cache would serve once it
 * answers again (and for its whole time to live). So a failed eviction is remembered, and done again
 * before the cache is read or filled: until every remembered one has been done, reads go to the store.
 * Past {@link #MOST_UNCONFIRMED} remembered, the cache is not used at all until every entry written before
 * has expired (the time to live and its jitter).
 */
public final class CacheAside {
    private static final System.Logger LOG = System.getLogger(CacheAside.class.getName());
    private static final Duration WARN_EVERY = Duration.ofSeconds(10);
    static final int MOST_UNCONFIRMED = 100_000;
    /** Owed evictions one read does again at most; the reads meanwhile go to the store. */
    private static final int MOST_REDONE_PER_READ = 1_000;
    private final Cache cache;
    private final Duration ttl;
    private final int mostUnconfirmed;
    private final LongSupplier nanoTime;
    /** Evictions the cache did not confirm: the key, and the highest version they made stale. */
    private final Map<CacheKey<?>, Long> unconfirmed = new ConcurrentHashMap<>();
    /** Until this {@code nanoTime} (when not 0) the cache is not used: more evictions failed than could be remembered. */
    private final AtomicLong unusedUntil = new AtomicLong();
    /** Held by the one read that does owed evictions again. */
    private final AtomicBoolean redoing = new AtomicBoolean();
    private final AtomicLong failures = new AtomicLong();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder failedLookups = new LongAdder();
    private final AtomicLong lastWarned = new AtomicLong(System.nanoTime() - WARN_EVERY.toNanos());

    public CacheAside(Cache cache, Duration ttl) {
        this(cache, ttl, MOST_UNCONFIRMED, System::nanoTime);
    }

    CacheAside(Cache cache, Duration ttl, int mostUnconfirmed, LongSupplier nanoTime) {
        this.cache = cache;
        this.ttl = ttl;
        this.mostUnconfirmed = mostUnconfirmed;
        this.nanoTime = nanoTime;
    }

    public <T> Optional<T> read(CacheKey<T> key, Supplier<Optional<T>> load) {
        if (!trusted()) return load.get();
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
            remember(key, staleUpTo);   // counted and logged by evictOrFail
        }
    }

    private void remember(CacheKey<?> key, long staleUpTo) {
        if (unconfirmed.size() >= mostUnconfirmed) {
            unusedUntil.set(nanoTime.getAsLong() + ttl.toNanos() + ttl.toNanos() / 10 + 1);
            unconfirmed.clear();
            LOG.log(System.Logger.Level.WARNING, "cache: more than {0} evictions failed; not used for {1} s, until what it holds has expired",
                    mostUnconfirmed, ttl.toSeconds() * 11 / 10);
            return;
        }
        unconfirmed.merge(key, staleUpTo, Math::max);
    }

    /**
     * Whether the cache may be used: it is not set aside, and no eviction is owed to it. Owed ones are done
     * again by one read at a time, a bounded number each; reads go to the store until all are done.
     */
    private boolean trusted() {
        long until = unusedUntil.get();
        if (until != 0 && nanoTime.getAsLong() - until < 0) return false;
        if (unconfirmed.isEmpty()) return true;
        if (!redoing.compareAndSet(false, true)) return false;
        try {
            int redone = 0;
            for (Map.Entry<CacheKey<?>, Long> owed : unconfirmed.entrySet()) {
                if (redone++ == MOST_REDONE_PER_READ) return false;
                cache.evict(owed.getKey(), owed.getValue());
                unconfirmed.remove(owed.getKey(), owed.getValue());
            }
            return unconfirmed.isEmpty();
        } catch (CacheUnavailable e) {
            failedLookups.increment();
            warn("evict", e);
            return false;
        } finally {
            redoing.set(false);
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

    /** Evictions that failed and are still to be done again. */
    public int unconfirmedEvictions() {
        return unconfirmed.size();
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
