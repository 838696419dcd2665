package org.msapp.application.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.msapp.application.fixtures.FailingCache;
import org.msapp.application.fixtures.TestClock;
import org.msapp.application.fixtures.Users;
import org.msapp.application.memory.InMemoryCache;
import org.msapp.application.port.CacheKey;
import org.msapp.application.read.CachedReads;
import org.msapp.domain.user.UserId;
import org.msapp.domain.user.UserSnapshot;

class CacheAsideTest {
    private static final Duration TTL = Duration.ofSeconds(100);

    private final TestClock clock = TestClock.fixed();
    private final FailingCache cache = new FailingCache(new InMemoryCache(clock, 1_000));
    private final CacheAside aside = new CacheAside(cache, TTL);
    private final AtomicInteger loads = new AtomicInteger();

    private Supplier<Optional<UserSnapshot>> store(Optional<UserSnapshot> answer) {
        return () -> {
            loads.incrementAndGet();
            return answer;
        };
    }

    @Test
    void a_read_loads_from_the_store_once_and_then_from_the_cache() {
        UserSnapshot alice = UserSnapshot.of(Users.alice().build());
        CacheKey<UserSnapshot> key = CachedReads.user(alice.id());

        assertThat(aside.read(key, store(Optional.of(alice)))).contains(alice);
        assertThat(aside.read(key, store(Optional.of(alice)))).contains(alice);

        assertThat(loads).hasValue(1);
    }

    @Test
    void nothing_found_is_not_cached() {
        CacheKey<UserSnapshot> key = CachedReads.user(new UserId(1));

        assertThat(aside.read(key, store(Optional.empty()))).isEmpty();
        UserSnapshot alice = UserSnapshot.of(Users.alice().build());

        assertThat(aside.read(key, store(Optional.of(alice)))).contains(alice);
        assertThat(loads).hasValue(2);
    }

    @Test
    void an_evicted_entry_is_loaded_again() {
        UserSnapshot alice = UserSnapshot.of(Users.alice().build());
        CacheKey<UserSnapshot> key = CachedReads.user(alice.id());
        aside.read(key, store(Optional.of(alice)));

        aside.evict(key, 1);
        aside.read(key, store(Optional.of(alice)));

        assertThat(loads).hasValue(2);
    }

    @Test
    void entries_live_at_least_the_time_to_live_and_at_most_a_tenth_longer() {
        for (long id = 1; id <= 20; id++) {
            aside.read(CachedReads.user(new UserId(id)), store(Optional.of(UserSnapshot.of(Users.alice().withId(id).build()))));
        }
        assertThat(loads).hasValue(20);

        clock.advance(TTL.minusMillis(1));
        for (long id = 1; id <= 20; id++) aside.read(CachedReads.user(new UserId(id)), store(Optional.empty()));
        assertThat(loads).as("all still cached just before the time to live").hasValue(20);

        clock.advance(TTL.dividedBy(10).plusMillis(2));
        for (long id = 1; id <= 20; id++) aside.read(CachedReads.user(new UserId(id)), store(Optional.empty()));
        assertThat(loads).as("all expired a tenth after it").hasValue(40);
    }

    @Test
    void while_the_cache_fails_every_read_goes_to_the_store_and_answers() {
        UserSnapshot alice = UserSnapshot.of(Users.alice().build());
        CacheKey<UserSnapshot> key = CachedReads.user(alice.id());
        cache.fail(true);

        assertThat(aside.read(key, store(Optional.of(alice)))).contains(alice);
        assertThat(aside.read(key, store(Optional.of(alice)))).contains(alice);
        aside.evict(key, 1);

        assertThat(loads).hasValue(2);
        assertThat(aside.failures()).as("get, get, evict: each counted; no put after a failed get").isEqualTo(3);
    }

    @Test
    void once_the_cache_is_back_reads_fill_it_again() {
        UserSnapshot alice = UserSnapshot.of(Users.alice().build());
        CacheKey<UserSnapshot> key = CachedReads.user(alice.id());
        cache.fail(true);
        aside.read(key, store(Optional.of(alice)));

        cache.fail(false);
        aside.read(key, store(Optional.of(alice)));
        aside.read(key, store(Optional.of(alice)));

        assertThat(loads).hasValue(2);
    }

    @Test
    void each_lookup_is_counted_as_a_hit_a_miss_or_a_failure() {
        UserSnapshot alice = UserSnapshot.of(Users.alice().build());
        CacheKey<UserSnapshot> key = CachedReads.user(alice.id());

        aside.read(key, store(Optional.of(alice)));    // miss, then filled
        aside.read(key, store(Optional.of(alice)));    // hit
        aside.read(key, store(Optional.of(alice)));    // hit
        cache.fail(true);
        aside.read(key, store(Optional.of(alice)));    // failed
        aside.evict(key, 1);                           // a failure, but no lookup

        assertThat(aside.misses()).isEqualTo(1);
        assertThat(aside.hits()).isEqualTo(2);
        assertThat(aside.failedLookups()).isEqualTo(1);
        assertThat(aside.failures()).isEqualTo(2);
    }
}
