package org.msapp.application.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msapp.application.concurrency.ExpectedVersion;
import org.msapp.application.fixtures.InMemoryServices;
import org.msapp.application.fixtures.Orders;
import org.msapp.application.fixtures.Users;
import org.msapp.application.port.OutboxEvent;
import org.msapp.domain.VersionMismatch;
import org.msapp.domain.order.Order;
import org.msapp.domain.order.OrderChanges;
import org.msapp.domain.order.OrderNotFound;
import org.msapp.domain.order.Quantity;
import org.msapp.domain.user.User;

class DeleteOrderTest {
    private final InMemoryServices app = new InMemoryServices();
    private User alice;
    private Order order;

    @BeforeEach
    void placeAnOrder() {
        alice = app.register(Users.alice());
        order = app.place(Orders.placedBy(alice));
    }

    private void delete(ExpectedVersion expected) {
        app.deleteOrder.handle(new DeleteOrder.Command(InMemoryServices.ADMIN, order.id(), expected));
    }

    @Test
    void a_deleted_order_is_gone_though_a_cache_is_in_front() {
        assertThat(app.getOrder.handle(new GetOrder.Query(InMemoryServices.ADMIN, order.id()))).isEqualTo(order);

        delete(InMemoryServices.anyVersion());

        assertThatThrownBy(() -> app.getOrder.handle(new GetOrder.Query(InMemoryServices.ADMIN, order.id()))).isInstanceOf(OrderNotFound.class);
        assertThat(app.listOrdersOfUser.handle(new ListOrdersOfUser.Query(InMemoryServices.ADMIN, alice.id(), 10, Optional.empty())).items()).isEmpty();
    }

    @Test
    void a_deletion_records_one_order_deleted_event() {
        delete(InMemoryServices.anyVersion());

        assertThat(app.pendingEventTypes()).containsExactly("user.registered", "order.placed", "order.deleted");
        OutboxEvent event = app.pendingEvents().get(2);
        assertThat(event.subject()).isEqualTo("orders/" + order.id());
        assertThat(event.data()).containsEntry("order_id", order.id().value()).containsEntry("user_id", alice.id().value());
    }

    @Test
    void the_version_the_caller_saw_must_be_the_current_one() {
        app.updateOrder.handle(new UpdateOrder.Command(InMemoryServices.ADMIN, order.id(),
                new OrderChanges(Optional.empty(), Optional.of(Quantity.of(7)), Optional.empty()), InMemoryServices.anyVersion()));

        assertThatThrownBy(() -> delete(ExpectedVersion.of(1))).isInstanceOf(VersionMismatch.class);
        assertThat(app.getOrder.handle(new GetOrder.Query(InMemoryServices.ADMIN, order.id())).version()).isEqualTo(2);

        delete(ExpectedVersion.of(2));

        assertThatThrownBy(() -> app.getOrder.handle(new GetOrder.Query(InMemoryServices.ADMIN, order.id()))).isInstanceOf(OrderNotFound.class);
    }

    @Test
    void deleting_an_order_that_is_gone_is_not_found() {
        delete(InMemoryServices.anyVersion());

        assertThatThrownBy(() -> delete(InMemoryServices.anyVersion())).isInstanceOf(OrderNotFound.class);
    }
}
