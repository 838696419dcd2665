package org.msapp.application.port;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msapp.application.fixtures.Orders;
import org.msapp.application.fixtures.Users;
import org.msapp.domain.order.Order;
import org.msapp.domain.order.OrderId;
import org.msapp.domain.user.User;
import org.msapp.domain.user.UserId;

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

    @Test
    void a_user_put_is_got_back_equal() {
        User alice = Users.alice().withId(41).build();

        cache.put(CacheKey.user(alice.id()), alice, LONG);

        assertThat(cache.get(CacheKey.user(alice.id()))).contains(alice);
    }

    @Test
    void a_user_with_values_that_predate_the_rules_is_got_back_equal() {
        User old = Users.bob().withId(42).withStoredCpf("12345678900").withStoredEmail("bob@localhost").build();

        cache.put(CacheKey.user(old.id()), old, LONG);

        Optional<User> got = cache.get(CacheKey.user(old.id()));
        assertThat(got).contains(old);
        assertThat(got.orElseThrow().cpf().digits()).isEqualTo("12345678900");
    }

    @Test
    void an_order_put_is_got_back_equal() {
        Order order = Orders.placedBy(new UserId(41)).withId(43).withQuantity(7).withPrice(1_999).build();

        cache.put(CacheKey.order(order.id()), order, LONG);

        Optional<Order> got = cache.get(CacheKey.order(order.id()));
        assertThat(got).contains(order);
        assertThat(got.orElseThrow().totalValue().cents()).isEqualTo(13_993);
    }

    @Test
    void a_key_never_put_is_empty() {
        cache.put(CacheKey.user(new UserId(1)), Users.alice().build(), LONG);

        assertThat(cache.get(CacheKey.user(new UserId(2)))).isEmpty();
        assertThat(cache.get(CacheKey.order(new OrderId(2)))).isEmpty();
    }

    @Test
    void a_second_put_replaces_the_first() {
        User alice = Users.alice().build();
        User renamed = Users.alice().withFullName("Alice Renamed").withVersion(2).build();

        cache.put(CacheKey.user(alice.id()), alice, LONG);
        cache.put(CacheKey.user(alice.id()), renamed, LONG);

        assertThat(cache.get(CacheKey.user(alice.id()))).contains(renamed);
    }

    @Test
    void an_evicted_entry_is_gone_and_the_others_stay() {
        User alice = Users.alice().build();
        User bob = Users.bob().build();
        cache.put(CacheKey.user(alice.id()), alice, LONG);
        cache.put(CacheKey.user(bob.id()), bob, LONG);

        cache.evict(CacheKey.user(alice.id()));

        assertThat(cache.get(CacheKey.user(alice.id()))).isEmpty();
        assertThat(cache.get(CacheKey.user(bob.id()))).contains(bob);
    }

    @Test
    void evicting_a_key_never_put_is_harmless() {
        cache.evict(CacheKey.order(new OrderId(99)));

        assertThat(cache.get(CacheKey.order(new OrderId(99)))).isEmpty();
    }

    @Test
    void an_entry_expires_after_its_time_to_live() throws InterruptedException {
        User alice = Users.alice().build();
        User bob = Users.bob().build();
        cache.put(CacheKey.user(alice.id()), alice, shortTtl());
        cache.put(CacheKey.user(bob.id()), bob, LONG);
        assertThat(cache.get(CacheKey.user(alice.id()))).contains(alice);

        Thread.sleep(shortTtl().toMillis());
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (cache.get(CacheKey.user(alice.id())).isPresent() && System.nanoTime() < deadline) Thread.sleep(50);

        assertThat(cache.get(CacheKey.user(alice.id()))).isEmpty();
        assertThat(cache.get(CacheKey.user(bob.id()))).contains(bob);
    }

    @Test
    void a_value_under_a_user_key_never_answers_for_an_order_key() {
        User alice = Users.alice().withId(7).build();
        Order order = Orders.placedBy(alice).withId(7).build();

        cache.put(CacheKey.user(new UserId(7)), alice, LONG);

        assertThat(cache.get(CacheKey.order(new OrderId(7)))).isEmpty();

        cache.put(CacheKey.order(new OrderId(7)), order, LONG);

        assertThat(cache.get(CacheKey.user(new UserId(7)))).contains(alice);
        assertThat(cache.get(CacheKey.order(new OrderId(7)))).contains(order);
    }
}
