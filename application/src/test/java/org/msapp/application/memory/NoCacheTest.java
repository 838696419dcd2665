package org.msapp.application.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.msapp.application.fixtures.Orders;
import org.msapp.application.fixtures.Users;
import org.msapp.application.port.CacheKey;
import org.msapp.domain.order.Order;
import org.msapp.domain.user.User;

class NoCacheTest {
    private final NoCache cache = new NoCache();

    @Test
    void get_is_always_empty_even_right_after_a_put() {
        User alice = Users.alice().build();
        Order order = Orders.placedBy(alice).build();

        cache.put(CacheKey.user(alice.id()), alice, Duration.ofMinutes(5));
        cache.put(CacheKey.order(order.id()), order, Duration.ofMinutes(5));

        assertThat(cache.get(CacheKey.user(alice.id()))).isEmpty();
        assertThat(cache.get(CacheKey.order(order.id()))).isEmpty();
    }

    @Test
    void evict_is_harmless() {
        cache.evict(CacheKey.user(Users.alice().build().id()));

        assertThat(cache.get(CacheKey.user(Users.alice().build().id()))).isEmpty();
    }
}
