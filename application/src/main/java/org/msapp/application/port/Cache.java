package org.msapp.application.port;

import java.time.Duration;
import java.util.Optional;

/**
 * A cache of what single reads return. Any call may fail with {@link CacheUnavailable} (and with
 * nothing else); callers carry on without it then. Entries are versioned by their key's codec, so a
 * reader that raced a write cannot bring an old value back:
 * <ul>
 * <li>a put never replaces a newer version of the same entry;</li>
 * <li>{@link #evict} removes the entry and, for {@link #EVICTIONS_REMEMBERED} at least, ignores any put of a
 *     version it names stale, so a reader that read the row before the write's commit and puts it after
 *     the eviction puts nothing.</li>
 * </ul>
 * Otherwise a value put is returned by {@link #get} until its time to live ends.
 */
public interface Cache {
    /** How long an eviction keeps refusing the versions it made stale: far longer than a read of the database lasts. */
    Duration EVICTIONS_REMEMBERED = Duration.ofMinutes(5);

    <T> Optional<T> get(CacheKey<T> key);

    /** Holds {@code value} for {@code ttl}, unless the entry holds a newer version or an eviction made this one stale. */
    <T> void put(CacheKey<T> key, T value, Duration ttl);

    /** Removes the entry, and refuses puts of versions up to {@code staleUpTo} (inclusive) for a while. */
    void evict(CacheKey<?> key, long staleUpTo);
}
