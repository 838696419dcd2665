package org.msapp.application.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.msapp.application.fixtures.TestClock;
import org.msapp.application.fixtures.Users;
import org.msapp.application.port.Cache;
import org.msapp.application.port.CacheContract;
import org.msapp.application.read.CachedReads;
import org.msapp.domain.user.UserId;
import org.msapp.domain.user.UserSnapshot;

class InMemoryCacheTest extends CacheContract {
    @Override
    protected Cache cache() {
        return new InMemoryCache(Clock.systemUTC(), 1_000);
    }

    @Test
    void an_entry_lives_exactly_its_time_to_live_on_the_clock_it_was_given() {
        TestClock clock = TestClock.fixed();
        InMemoryCache cache = new InMemoryCache(clock, 10);
        UserSnapshot alice = UserSnapshot.of(Users.alice().build());
        cache.put(CachedReads.user(alice.id()), alice, Duration.ofSeconds(60));

        clock.advance(Duration.ofSeconds(60).minusMillis(1));
        assertThat(cache.get(CachedReads.user(alice.id()))).contains(alice);

        clock.advance(Duration.ofMillis(1));
        assertThat(cache.get(CachedReads.user(alice.id()))).isEmpty();
    }

    @Test
    void it_never_holds_more_than_its_bound() {
        InMemoryCache cache = new InMemoryCache(TestClock.fixed(), 3);
        for (long id = 1; id <= 4; id++) {
            cache.put(CachedReads.user(new UserId(id)), UserSnapshot.of(Users.alice().withId(id).build()), Duration.ofMinutes(1));
        }

        long held = java.util.stream.LongStream.rangeClosed(1, 4)
                .filter(id -> cache.get(CachedReads.user(new UserId(id))).isPresent()).count();

        assertThat(held).isBetween(1L, 3L);
        assertThat(cache.get(CachedReads.user(new UserId(4)))).isPresent();
    }

    @Test
    void a_full_cache_drops_values_before_the_evictions_that_refuse_a_racing_readers_stale_copy() {
        InMemoryCache cache = new InMemoryCache(TestClock.fixed(), 3);
        UserSnapshot alice = UserSnapshot.of(Users.alice().withId(1).build());
        cache.evict(CachedReads.user(alice.id()), alice.version());
        for (long id = 2; id <= 4; id++) {
            cache.put(CachedReads.user(new UserId(id)), UserSnapshot.of(Users.alice().withId(id).build()), Duration.ofMinutes(1));
        }

        cache.put(CachedReads.user(alice.id()), alice, Duration.ofMinutes(1));   // a reader that read before the write

        assertThat(cache.get(CachedReads.user(alice.id()))).isEmpty();
    }
}
