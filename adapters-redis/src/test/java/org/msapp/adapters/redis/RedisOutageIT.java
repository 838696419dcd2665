package org.msapp.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msapp.application.fixtures.TcpProxy;
import org.msapp.application.fixtures.Users;
import org.msapp.application.memory.InMemoryFailedLogins;
import org.msapp.application.port.CacheUnavailable;
import org.msapp.application.read.CachedReads;
import org.msapp.domain.user.UserSnapshot;

/** Redis behind a TCP proxy that the test cuts, stalls and restores. */
class RedisOutageIT {
    private static final Duration TTL = Duration.ofMinutes(1);
    private final UserSnapshot alice = UserSnapshot.of(Users.alice().withId(41).build());
    private TcpProxy proxy;
    private RedisConnection redis;
    private RedisCache cache;
    private String prefix;

    @BeforeEach
    void connectThroughTheProxy() {
        TestRedis.requireServer();
        prefix = TestRedis.prefix();
        proxy = TcpProxy.to(TestRedis.HOST, TestRedis.PORT);
        redis = RedisConnection.open(TestRedis.settings(proxy.port()), RedisConnection.Settings.defaults());
        cache = new RedisCache(redis, prefix);
        cache.put(CachedReads.user(alice.id()), alice, TTL);
        assertThat(cache.get(CachedReads.user(alice.id()))).contains(alice);
    }

    @AfterEach
    void closeAll() {
        if (redis != null) redis.close();
        if (proxy != null) proxy.close();
        if (prefix != null) TestRedis.deleteKeys(prefix);
    }

    @Test
    void while_redis_is_cut_every_call_fails_at_once_then_the_cache_is_used_again_within_seconds() throws Exception {
        proxy.cut();

        long slowest = 0;
        for (int i = 0; i < 200; i++) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> cache.get(CachedReads.user(alice.id()))).isInstanceOf(CacheUnavailable.class);
            slowest = Math.max(slowest, System.nanoTime() - start);
        }
        assertThat(Duration.ofNanos(slowest)).isLessThan(Duration.ofMillis(100));
        assertThat(redis.failures()).isGreaterThanOrEqualTo(200);

        proxy.restore();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        boolean back = false;
        while (!back && System.nanoTime() < deadline) {
            try {
                back = cache.get(CachedReads.user(alice.id())).isPresent();
            } catch (CacheUnavailable e) {
                Thread.sleep(50);
            }
        }
        assertThat(back).as("the cache answers again within 5 s of Redis coming back").isTrue();
    }

    @Test
    void while_redis_hangs_a_call_fails_within_tens_of_milliseconds() {
        proxy.stall();

        long start = System.nanoTime();
        assertThatThrownBy(() -> cache.get(CachedReads.user(alice.id()))).isInstanceOf(CacheUnavailable.class);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(200));
        proxy.restore();
    }

    @Test
    void after_repeated_failures_the_breaker_refuses_without_calling_redis() {
        proxy.stall();
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> cache.get(CachedReads.user(alice.id()))).isInstanceOf(CacheUnavailable.class);
        }

        long start = System.nanoTime();
        assertThatThrownBy(() -> cache.get(CachedReads.user(alice.id()))).isInstanceOf(CacheUnavailable.class)
                .hasMessageContaining("resting");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("less than the 50 ms a call to a hung Redis takes")
                .isLessThan(Duration.ofMillis(40));
        assertThat(redis.resting()).isTrue();
        proxy.restore();
    }

    @Test
    void while_redis_is_cut_failed_log_ins_are_counted_in_this_process_never_not_at_all() {
        var logins = new RedisFailedLogins(redis, prefix, 10, new InMemoryFailedLogins(100, 10));
        Instant t0 = Instant.parse("2024-05-01T12:00:00Z");
        proxy.cut();

        for (int i = 0; i < 5; i++) logins.countUnlessFull("alice", t0.plusSeconds(i), t0.minusSeconds(60), 5);

        assertThat(logins.countUnlessFull("alice", t0.plusSeconds(10), t0.minusSeconds(60), 5)).hasSize(5);
        logins.forget("alice", t0.plusSeconds(4));
        assertThat(logins.countUnlessFull("alice", t0.plusSeconds(11), t0.minusSeconds(60), 5)).as("one taken back, in this process too")
                .hasSize(4);
        assertThat(new RedisProbe("failed log-ins", redis, "counting in this process").check().up()).isFalse();
    }

    @Test
    void a_redis_that_is_not_there_at_start_is_connected_to_once_it_comes() throws Exception {
        proxy.cut();
        try (RedisConnection late = RedisConnection.open(TestRedis.settings(proxy.port()), RedisConnection.Settings.defaults())) {
            assertThat(late.connected()).isFalse();
            assertThatThrownBy(() -> new RedisCache(late, prefix).get(CachedReads.user(alice.id()))).isInstanceOf(CacheUnavailable.class);

            proxy.restore();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!late.connected() && System.nanoTime() < deadline) Thread.sleep(50);

            assertThat(new RedisCache(late, prefix).get(CachedReads.user(alice.id()))).contains(alice);
        }
    }
}
