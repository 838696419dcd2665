package org.msapp.application.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msapp.application.fixtures.InMemoryServices;
import org.msapp.application.fixtures.Orders;
import org.msapp.application.fixtures.Users;
import org.msapp.domain.order.Order;
import org.msapp.domain.order.OrderChanges;
import org.msapp.domain.order.OrderId;
import org.msapp.domain.order.OrderNotFound;
import org.msapp.domain.order.Quantity;

class GetOrderTest {
    private final InMemoryServices app = new InMemoryServices();
    private Order order;

    @BeforeEach
    void placeAnOrder() {
        order = app.place(Orders.placedBy(app.register(Users.alice())));
    }

    private Order changeBehindTheCache(long quantity) {
        Order next = order.update(new OrderChanges(Optional.empty(), Optional.of(Quantity.of(quantity)), Optional.empty()),
                app.clock.instant()).state();
        app.persistence.inTransaction(stores -> {
            stores.orders().update(next);
            return null;
        });
        return next;
    }

    @Test
    void an_order_is_read_by_its_id() {
        assertThat(app.getOrder.handle(new GetOrder.Query(InMemoryServices.ADMIN, order.id()))).isEqualTo(order);
    }

    @Test
    void a_missing_order_is_not_found() {
        assertThatThrownBy(() -> app.getOrder.handle(new GetOrder.Query(InMemoryServices.ADMIN, new OrderId(order.id().value() + 1)))).isInstanceOf(OrderNotFound.class);
    }

    @Test
    void once_read_an_order_is_served_from_the_cache() {
        app.getOrder.handle(new GetOrder.Query(InMemoryServices.ADMIN, order.id()));

        changeBehindTheCache(9);

        assertThat(app.getOrder.handle(new GetOrder.Query(InMemoryServices.ADMIN, order.id()))).isEqualTo(order);
    }

    @Test
    void reads_keep_working_from_the_store_while_the_cache_fails() {
        app.cache.fail(true);

        assertThat(app.getOrder.handle(new GetOrder.Query(InMemoryServices.ADMIN, order.id()))).isEqualTo(order);
        Order changed = changeBehindTheCache(9);
        assertThat(app.getOrder.handle(new GetOrder.Query(InMemoryServices.ADMIN, order.id()))).isEqualTo(changed);
    }
}
