package org.msapp.application.port;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msapp.application.fixtures.Orders;
import org.msapp.application.fixtures.Users;
import org.msapp.application.read.CachedReads;
import org.msapp.domain.order.Order;
import org.msapp.domain.order.OrderId;
import org.msapp.domain.user.UserId;
import org.msapp.domain.user.UserSnapshot;

/**
 * The contract of {@link Cache}, for every cache adapter, with its backing service up. One test waits
 * for a short time to live to run out ({@link #shortTtl()}, a second by default).
 */
public abstract class CacheContract {
    private static final Duration LONG = Duration.ofMinutes(5);

    /** An empty cache; called once before each test. */
    protected abstract Cache cache();

    /** A time to live the cache honours to within a fraction of a second. */
    protected Duration shortTtl() {
        return Duration.ofSeconds(1);
    }

    private Cache cache;

    @BeforeEach
    void openTheCache() {
        cache = cache();
    }

    private static UserSnapshot alice(long version) {
        return UserSnapshot.of(Users.alice().withId(41).withFullName("Alice v" + version).withVersion(version).build());
    }

    @Test
    void a_user_put_is_got_back_equal() {
        UserSnapshot alice = UserSnapshot.of(Users.alice().withId(41).build());

        cache.put(CachedReads.user(alice.id()), alice, LONG);

        assertThat(cache.get(CachedReads.user(alice.id()))).contains(alice);
    }

    @Test
    void a_user_with_values_that_predate_the_rules_is_got_back_equal() {
        UserSnapshot old = UserSnapshot.of(Users.bob().withId(42).withStoredCpf("12345678900").withStoredEmail("bob@localhost").build());

        cache.put(CachedReads.user(old.id()), old, LONG);

        Optional<UserSnapshot> got = cache.get(CachedReads.user(old.id()));
        assertThat(got).contains(old);
        assertThat(got.orElseThrow().maskedCpf()).isEqualTo("***.456.789-**");
    }

    @Test
    void an_order_put_is_got_back_equal() {
        Order order = Orders.placedBy(new UserId(41)).withId(43).withQuantity(7).withPrice(1_999).build();

        cache.put(CachedReads.order(order.id()), order, LONG);

        Optional<Order> got = cache.get(CachedReads.order(order.id()));
        assertThat(got).contains(order);
        assertThat(got.orElseThrow().totalValue().cents()).isEqualTo(13_993);
    }

    @Test
    void a_key_never_put_is_empty() {
        cache.put(CachedReads.user(new UserId(1)), UserSnapshot.of(Users.alice().withId(1).build()), LONG);

        assertThat(cache.get(CachedReads.user(new UserId(2)))).isEmpty();
        assertThat(cache.get(CachedReads.order(new OrderId(2)))).isEmpty();
    }

    @Test
    void a_put_of_a_newer_version_replaces_the_older() {
        cache.put(CachedReads.user(new UserId(41)), alice(1), LONG);
        cache.put(CachedReads.user(new UserId(41)), alice(2), LONG);

        assertThat(cache.get(CachedReads.user(new UserId(41)))).contains(alice(2));
    }

    @Test
    void a_put_never_replaces_a_newer_version() {
        cache.put(CachedReads.user(new UserId(41)), alice(3), LONG);
        cache.put(CachedReads.user(new UserId(41)), alice(2), LONG);

        assertThat(cache.get(CachedReads.user(new UserId(41)))).contains(alice(3));
    }

    @Test
    void an_evicted_entry_is_gone_and_the_others_stay() {
        UserSnapshot alice = UserSnapshot.of(Users.alice().build());
        UserSnapshot bob = UserSnapshot.of(Users.bob().build());
        cache.put(CachedReads.user(alice.id()), alice, LONG);
        cache.put(CachedReads.user(bob.id()), bob, LONG);

        cache.evict(CachedReads.user(alice.id()), alice.version());

        assertThat(cache.get(CachedReads.user(alice.id()))).isEmpty();
        assertThat(cache.get(CachedReads.user(bob.id()))).contains(bob);
    }

    /**
     * The race of cache-aside: a reader misses, reads version 1 from the store; a writer commits version
     * 2 and evicts; the reader then puts what it read. The old value must not come back: the next reader
     * misses, reads version 2 and puts it.
     */
    @Test
    void a_reader_that_raced_a_write_cannot_put_the_old_value_back_after_the_eviction() {
        CacheKey<UserSnapshot> key = CachedReads.user(new UserId(41));
        assertThat(cache.get(key)).isEmpty();
        UserSnapshot readBeforeTheWrite = alice(1);

        cache.evict(key, 1);                              // the writer, after committing version 2
        cache.put(key, readBeforeTheWrite, LONG);         // the slow reader, after the eviction

        assertThat(cache.get(key)).isEmpty();
        cache.put(key, alice(2), LONG);                   // the next reader
        assertThat(cache.get(key)).contains(alice(2));
    }

    @Test
    void after_a_deletion_no_version_up_to_the_deleted_one_comes_back() {
        Order order = Orders.placedBy(new UserId(41)).withId(43).build();
        cache.put(CachedReads.order(order.id()), order, LONG);

        cache.evict(CachedReads.order(order.id()), order.version());
        cache.put(CachedReads.order(order.id()), order, LONG);

        assertThat(cache.get(CachedReads.order(order.id()))).isEmpty();
    }

    @Test
    void an_eviction_keeps_the_highest_stale_version_it_was_told() {
        CacheKey<UserSnapshot> key = CachedReads.user(new UserId(41));

        cache.evict(key, 3);
        cache.evict(key, 1);                              // a slower writer of an older version
        cache.put(key, alice(2), LONG);

        assertThat(cache.get(key)).isEmpty();
    }

    @Test
    void evicting_a_key_never_put_is_harmless() {
        cache.evict(CachedReads.order(new OrderId(99)), 1);

        assertThat(cache.get(CachedReads.order(new OrderId(99)))).isEmpty();
    }

    @Test
    void an_entry_expires_after_its_time_to_live() throws InterruptedException {
        UserSnapshot alice = UserSnapshot.of(Users.alice().build());
        UserSnapshot bob = UserSnapshot.of(Users.bob().build());
        cache.put(CachedReads.user(alice.id()), alice, shortTtl());
        cache.put(CachedReads.user(bob.id()), bob, LONG);
        assertThat(cache.get(CachedReads.user(alice.id()))).contains(alice);

        Thread.sleep(shortTtl().toMillis());
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (cache.get(CachedReads.user(alice.id())).isPresent() && System.nanoTime() < deadline) Thread.sleep(50);

        assertThat(cache.get(CachedReads.user(alice.id()))).isEmpty();
        assertThat(cache.get(CachedReads.user(bob.id()))).contains(bob);
    }

    @Test
    void a_value_under_a_user_key_never_answers_for_an_order_key() {
        UserSnapshot alice = UserSnapshot.of(Users.alice().withId(7).build());
        Order order = Orders.placedBy(alice.id()).withId(7).build();

        cache.put(CachedReads.user(new UserId(7)), alice, LONG);

        assertThat(cache.get(CachedReads.order(new OrderId(7)))).isEmpty();

        cache.put(CachedReads.order(new OrderId(7)), order, LONG);

        assertThat(cache.get(CachedReads.user(new UserId(7)))).contains(alice);
        assertThat(cache.get(CachedReads.order(new OrderId(7)))).contains(order);
    }
}
