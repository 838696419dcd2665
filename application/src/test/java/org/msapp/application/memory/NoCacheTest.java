package org.msapp.application.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.msapp.application.fixtures.Orders;
import org.msapp.application.fixtures.Users;
import org.msapp.application.read.CachedReads;
import org.msapp.domain.order.Order;
import org.msapp.domain.user.UserSnapshot;

class NoCacheTest {
    private final NoCache cache = new NoCache();

    @Test
    void get_is_always_empty_even_right_after_a_put() {
        UserSnapshot alice = UserSnapshot.of(Users.alice().build());
        Order order = Orders.placedBy(alice.id()).build();

        cache.put(CachedReads.user(alice.id()), alice, Duration.ofMinutes(5));
        cache.put(CachedReads.order(order.id()), order, Duration.ofMinutes(5));

        assertThat(cache.get(CachedReads.user(alice.id()))).isEmpty();
        assertThat(cache.get(CachedReads.order(order.id()))).isEmpty();
    }

    @Test
    void evict_is_harmless() {
        cache.evict(CachedReads.user(Users.alice().build().id()), 1);

        assertThat(cache.get(CachedReads.user(Users.alice().build().id()))).isEmpty();
    }
}
