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

    @Test
    void an_eviction_that_failed_is_done_before_the_cache_is_read_again_so_the_old_value_is_never_served() {
        UserSnapshot before = UserSnapshot.of(Users.alice().build());
        UserSnapshot after = UserSnapshot.of(Users.alice().withFullName("Alice After").withVersion(2).build());
        CacheKey<UserSnapshot> key = CachedReads.user(before.id());
        aside.read(key, store(Optional.of(before)));   // cached: version 1

        cache.fail(true);
        aside.evict(key, 1);                            // the commit of version 2 could not evict it
        assertThat(aside.unconfirmedEvictions()).isEqualTo(1);
        assertThat(aside.read(key, store(Optional.of(after)))).contains(after);

        cache.fail(false);
        assertThat(aside.read(key, store(Optional.of(after)))).as("the first read once the cache answers").contains(after);
        assertThat(aside.unconfirmedEvictions()).isZero();
        assertThat(aside.read(key, store(Optional.empty()))).as("then filled again, and served from it").contains(after);
        assertThat(loads).hasValue(3);
    }

    @Test
    void while_an_owed_eviction_still_fails_reads_go_to_the_store_and_fill_nothing() {
        UserSnapshot alice = UserSnapshot.of(Users.alice().build());
        CacheKey<UserSnapshot> key = CachedReads.user(alice.id());
        cache.fail(true);
        aside.evict(key, 1);

        aside.read(key, store(Optional.of(alice)));
        aside.read(key, store(Optional.of(alice)));

        assertThat(loads).hasValue(2);
        assertThat(aside.unconfirmedEvictions()).isEqualTo(1);
        assertThat(aside.failedLookups()).isEqualTo(2);
    }

    @Test
    void past_the_evictions_it_can_remember_the_cache_is_set_aside_until_what_it_holds_has_expired() {
        long[] now = {0};
        CacheAside small = new CacheAside(cache, TTL, 2, () -> now[0]);
        UserSnapshot alice = UserSnapshot.of(Users.alice().build());
        CacheKey<UserSnapshot> key = CachedReads.user(alice.id());
        small.read(key, store(Optional.of(alice)));
        cache.fail(true);
        for (long id = 1; id <= 3; id++) small.evict(CachedReads.user(new UserId(id)), 1);
        cache.fail(false);

        assertThat(small.unconfirmedEvictions()).as("forgotten: the cache is set aside instead").isZero();
        small.read(key, store(Optional.of(alice)));
        now[0] += TTL.toNanos() + TTL.toNanos() / 10;
        small.read(key, store(Optional.of(alice)));
        assertThat(loads).as("not read from the cache until every entry written before has expired").hasValue(3);

        now[0] += 1;
        clock.advance(TTL.plus(TTL.dividedBy(10)).plusMillis(1));   // and so has what the cache held
        small.read(key, store(Optional.of(alice)));
        small.read(key, store(Optional.of(alice)));
        assertThat(loads).as("then used again").hasValue(4);
    }
}
