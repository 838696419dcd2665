package org.msapp.application.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msapp.application.fixtures.InMemoryServices;
import org.msapp.application.fixtures.Orders;
import org.msapp.application.fixtures.TestClock;
import org.msapp.application.fixtures.Users;
import org.msapp.application.port.OutboxEvent;
import org.msapp.domain.order.Order;
import org.msapp.domain.user.User;
import org.msapp.domain.user.UserId;
import org.msapp.domain.user.UserNotFound;

class PlaceOrderTest {
    private final InMemoryServices app = new InMemoryServices();
    private User alice;

    @BeforeEach
    void registerAlice() {
        alice = app.register(Users.alice());
    }

    @Test
    void an_order_for_a_missing_user_is_not_found_and_nothing_is_recorded() {
        UserId nobody = new UserId(alice.id().value() + 100);

        assertThatThrownBy(() -> app.place(Orders.placedBy(nobody))).isInstanceOf(UserNotFound.class);

        assertThat(app.listAllOrders.handle(new ListAllOrders.Query(InMemoryServices.ADMIN, 10, Optional.empty())).items()).isEmpty();
        assertThat(app.pendingEventTypes()).containsExactly("user.registered");
    }

    @Test
    void the_total_is_quantity_times_price() {
        Order order = app.place(Orders.placedBy(alice).withQuantity(3).withPrice(1_250));
        Order largest = app.place(Orders.placedBy(alice).withQuantity(1_000_000).withPrice(100_000_000));

        assertThat(order.totalValue().cents()).isEqualTo(3_750);
        assertThat(largest.totalValue().cents()).isEqualTo(100_000_000_000_000L);
    }

    @Test
    void a_placed_order_is_stored_for_its_user_at_version_1() {
        Order order = app.place(Orders.placedBy(alice));

        assertThat(app.getOrder.handle(new GetOrder.Query(InMemoryServices.ADMIN, order.id()))).isEqualTo(order);
        assertThat(order.userId()).isEqualTo(alice.id());
        assertThat(order.version()).isEqualTo(1);
        assertThat(order.createdAt()).isEqualTo(TestClock.START);
    }

    @Test
    void placing_records_one_order_placed_event_with_the_total() {
        Order order = app.place(Orders.placedBy(alice).withQuantity(4).withPrice(500));

        assertThat(app.pendingEventTypes()).containsExactly("user.registered", "order.placed");
        OutboxEvent event = app.pendingEvents().get(1);
        assertThat(event.subject()).isEqualTo("orders/" + order.id());
        assertThat(event.data()).containsEntry("order_id", order.id().value()).containsEntry("user_id", alice.id().value())
                .containsEntry("item_quantity", 4L).containsEntry("item_price", 500L).containsEntry("total_value", 2_000L);
    }
}
