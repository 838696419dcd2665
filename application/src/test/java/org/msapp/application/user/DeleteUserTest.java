package org.msapp.application.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msapp.application.access.Forbidden;
import org.msapp.application.concurrency.ExpectedVersion;
import org.msapp.application.fixtures.InMemoryServices;
import org.msapp.application.fixtures.Orders;
import org.msapp.application.fixtures.Users;
import org.msapp.application.order.DeleteOrder;
import org.msapp.application.port.OutboxEvent;
import org.msapp.domain.VersionMismatch;
import org.msapp.domain.order.Order;
import org.msapp.domain.user.User;
import org.msapp.domain.user.UserHasOrders;
import org.msapp.domain.user.UserNotFound;
import org.msapp.domain.user.UserSnapshot;

class DeleteUserTest {
    private final InMemoryServices app = new InMemoryServices();
    private User alice;
    private User bob;

    @BeforeEach
    void registerAliceAndBob() {
        alice = app.register(Users.alice());
        bob = app.register(Users.bob());
    }

    private void delete(User caller, User target, ExpectedVersion expected) {
        app.deleteUser.handle(new DeleteUser.Command(InMemoryServices.callerOf(caller), target.id(), expected));
    }

    @Test
    void deleting_a_user_with_orders_is_a_conflict() {
        app.place(Orders.placedBy(alice));

        assertThatThrownBy(() -> delete(alice, alice, InMemoryServices.anyVersion())).isInstanceOf(UserHasOrders.class);

        assertThat(app.getUser.handle(new GetUser.Query(InMemoryServices.ADMIN, alice.id()))).isEqualTo(UserSnapshot.of(alice));
        assertThat(app.pendingEventTypes()).doesNotContain("user.deleted");
    }

    @Test
    void once_its_orders_are_deleted_the_user_can_be_deleted() {
        Order first = app.place(Orders.placedBy(alice));
        Order second = app.place(Orders.placedBy(alice).withDescription("Red pen"));
        app.deleteOrder.handle(new DeleteOrder.Command(InMemoryServices.ADMIN, first.id(), InMemoryServices.anyVersion()));
        assertThatThrownBy(() -> delete(alice, alice, InMemoryServices.anyVersion())).isInstanceOf(UserHasOrders.class);
        app.deleteOrder.handle(new DeleteOrder.Command(InMemoryServices.ADMIN, second.id(), InMemoryServices.anyVersion()));

        delete(alice, alice, InMemoryServices.anyVersion());

        assertThatThrownBy(() -> app.getUser.handle(new GetUser.Query(InMemoryServices.ADMIN, alice.id()))).isInstanceOf(UserNotFound.class);
    }

    @Test
    void a_deletion_records_one_user_deleted_event() {
        delete(alice, alice, InMemoryServices.anyVersion());

        assertThat(app.pendingEventTypes()).containsExactly("user.registered", "user.registered", "user.deleted");
        OutboxEvent event = app.pendingEvents().get(2);
        assertThat(event.subject()).isEqualTo("users/" + alice.id());
        assertThat(event.data()).containsEntry("user_id", alice.id().value());
    }

    @Test
    void only_the_owner_may_delete_a_user() {
        assertThatThrownBy(() -> delete(bob, alice, InMemoryServices.anyVersion())).isInstanceOf(Forbidden.class);

        assertThat(app.getUser.handle(new GetUser.Query(InMemoryServices.ADMIN, alice.id()))).isEqualTo(UserSnapshot.of(alice));
    }

    @Test
    void the_version_the_caller_saw_must_be_the_current_one() {
        assertThatThrownBy(() -> delete(alice, alice, ExpectedVersion.of(2))).isInstanceOf(VersionMismatch.class);
        assertThat(app.getUser.handle(new GetUser.Query(InMemoryServices.ADMIN, alice.id()))).isEqualTo(UserSnapshot.of(alice));

        delete(alice, alice, ExpectedVersion.of(1));

        assertThatThrownBy(() -> app.getUser.handle(new GetUser.Query(InMemoryServices.ADMIN, alice.id()))).isInstanceOf(UserNotFound.class);
    }

    @Test
    void a_deleted_user_is_gone_though_a_cache_is_in_front_and_its_nick_name_is_free() {
        assertThat(app.getUser.handle(new GetUser.Query(InMemoryServices.ADMIN, alice.id()))).isEqualTo(UserSnapshot.of(alice));

        delete(alice, alice, InMemoryServices.anyVersion());

        assertThatThrownBy(() -> app.getUser.handle(new GetUser.Query(InMemoryServices.ADMIN, alice.id()))).isInstanceOf(UserNotFound.class);
        User again = app.register(Users.withNick("Alice"));
        assertThat(again.id()).isNotEqualTo(alice.id());
    }

    @Test
    void deleting_a_user_that_is_gone_is_not_found() {
        delete(alice, alice, InMemoryServices.anyVersion());

        assertThatThrownBy(() -> delete(alice, alice, InMemoryServices.anyVersion())).isInstanceOf(UserNotFound.class);
    }
}
