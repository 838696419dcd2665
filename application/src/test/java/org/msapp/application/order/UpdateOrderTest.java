package org.msapp.application.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msapp.application.concurrency.ExpectedVersion;
import org.msapp.application.fixtures.InMemoryServices;
import org.msapp.application.fixtures.Orders;
import org.msapp.application.fixtures.Users;
import org.msapp.application.port.OutboxEvent;
import org.msapp.domain.VersionMismatch;
import org.msapp.domain.order.ItemDescription;
import org.msapp.domain.order.ItemPrice;
import org.msapp.domain.order.Order;
import org.msapp.domain.order.OrderChanges;
import org.msapp.domain.order.OrderId;
import org.msapp.domain.order.OrderNotFound;
import org.msapp.domain.order.Quantity;

class UpdateOrderTest {
    private final InMemoryServices app = new InMemoryServices();
    private Order order;

    @BeforeEach
    void placeAnOrder() {
        order = app.place(Orders.placedBy(app.register(Users.alice())).withQuantity(3).withPrice(1_250));
        app.clock.advance(Duration.ofMinutes(3));
    }

    private Order update(OrderChanges changes, ExpectedVersion expected) {
        return app.updateOrder.handle(new UpdateOrder.Command(InMemoryServices.ADMIN, order.id(), changes, expected));
    }

    private static OrderChanges quantity(long quantity) {
        return new OrderChanges(Optional.empty(), Optional.of(Quantity.of(quantity)), Optional.empty());
    }

    @Test
    void an_update_recomputes_the_total_and_gives_the_next_version() {
        Order updated = update(new OrderChanges(Optional.of(ItemDescription.of("Green notebook")), Optional.of(Quantity.of(10)),
                Optional.of(ItemPrice.of(300))), InMemoryServices.anyVersion());

        assertThat(updated.totalValue().cents()).isEqualTo(3_000);
        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.updatedAt()).isEqualTo(app.clock.instant());
        assertThat(updated.userId()).isEqualTo(order.userId());
        assertThat(app.getOrder.handle(new GetOrder.Query(InMemoryServices.ADMIN, order.id()))).isEqualTo(updated);
    }

    @Test
    void an_update_records_one_order_updated_event() {
        update(quantity(10), InMemoryServices.anyVersion());

        assertThat(app.pendingEventTypes()).containsExactly("user.registered", "order.placed", "order.updated");
        OutboxEvent event = app.pendingEvents().get(2);
        assertThat(event.subject()).isEqualTo("orders/" + order.id());
        assertThat(event.data()).containsEntry("total_value", 12_500L).containsEntry("version", 2L);
    }

    @Test
    void an_update_that_changes_nothing_keeps_the_version_and_records_no_event() {
        assertThat(update(OrderChanges.none(), InMemoryServices.anyVersion())).isEqualTo(order);
        assertThat(app.pendingEventTypes()).doesNotContain("order.updated");
    }

    @Test
    void the_version_the_caller_saw_must_be_the_current_one() {
        update(quantity(4), ExpectedVersion.of(1));

        assertThatThrownBy(() -> update(quantity(5), ExpectedVersion.of(1))).isInstanceOf(VersionMismatch.class);
        assertThat(app.getOrder.handle(new GetOrder.Query(InMemoryServices.ADMIN, order.id())).itemQuantity()).isEqualTo(Quantity.of(4));
    }

    @Test
    void updating_a_missing_order_is_not_found() {
        assertThatThrownBy(() -> app.updateOrder.handle(new UpdateOrder.Command(InMemoryServices.ADMIN, new OrderId(order.id().value() + 1),
                quantity(2), InMemoryServices.anyVersion()))).isInstanceOf(OrderNotFound.class);
    }

    @Test
    void a_read_after_an_update_shows_the_new_value_though_a_cache_is_in_front() {
        assertThat(app.getOrder.handle(new GetOrder.Query(InMemoryServices.ADMIN, order.id()))).isEqualTo(order);

        Order updated = update(quantity(8), InMemoryServices.anyVersion());

        assertThat(app.getOrder.handle(new GetOrder.Query(InMemoryServices.ADMIN, order.id()))).isEqualTo(updated);
    }
}
