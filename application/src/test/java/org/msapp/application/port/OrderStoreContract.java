package org.msapp.application.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msapp.application.fixtures.Orders;
import org.msapp.application.fixtures.TestClock;
import org.msapp.application.fixtures.Users;
import org.msapp.domain.VersionMismatch;
import org.msapp.domain.order.Order;
import org.msapp.domain.order.OrderChanges;
import org.msapp.domain.order.OrderId;
import org.msapp.domain.order.OrderNotFound;
import org.msapp.domain.order.Quantity;
import org.msapp.domain.user.User;
import org.msapp.domain.user.UserId;
import org.msapp.domain.user.UserNotFound;

/**
 * The contract of {@link Persistence.Stores#orders()}, for every persistence adapter. Only the port is
 * used, so ids come from the store and no test assumes where they start.
 */
public abstract class OrderStoreContract {
    private static final Instant LATER = TestClock.START.plus(Duration.ofMinutes(5));

    /** A fresh, empty store; called once before each test. */
    protected abstract Persistence persistence();

    private Persistence db;
    private User alice;
    private User bob;

    @BeforeEach
    void openTheStoreWithTwoUsers() {
        db = persistence();
        alice = Users.alice().storedIn(db);
        bob = Users.bob().storedIn(db);
    }

    private <T> T tx(Function<Persistence.Stores, T> work) {
        return db.inTransaction(work);
    }

    private Optional<Order> find(OrderId id) {
        return tx(s -> s.orders().find(id));
    }

    private List<Order> list(Optional<OrderId> after, int limit) {
        return tx(s -> s.orders().list(after, limit));
    }

    private List<Order> listOfUser(UserId user, Optional<OrderId> after, int limit) {
        return tx(s -> s.orders().listOfUser(user, after, limit));
    }

    private boolean anyOfUser(UserId user) {
        return tx(s -> s.orders().anyOfUser(user));
    }

    private void update(Order next) {
        tx(s -> {
            s.orders().update(next);
            return null;
        });
    }

    private void remove(Order order) {
        tx(s -> {
            s.orders().remove(order);
            return null;
        });
    }

    private static Order withQuantity(Order order, long quantity) {
        return order.update(new OrderChanges(Optional.empty(), Optional.of(Quantity.of(quantity)), Optional.empty()), LATER).state();
    }

    // adding and finding

    @Test
    void an_added_order_is_found_by_its_id_as_it_was_added() {
        Order order = Orders.placedBy(alice).withQuantity(4).withPrice(999).storedIn(db);

        Order found = find(order.id()).orElseThrow();

        assertThat(found).isEqualTo(order);
        assertThat(found.userId()).isEqualTo(alice.id());
        assertThat(found.totalValue().cents()).isEqualTo(3_996);
    }

    @Test
    void an_order_that_was_never_added_is_not_found() {
        OrderId unused = tx(s -> s.orders().nextId());

        assertThat(find(unused)).isEmpty();
    }

    @Test
    void an_order_for_a_missing_user_is_refused() {
        UserId nobody = tx(s -> s.users().nextId());

        assertThatThrownBy(() -> Orders.placedBy(nobody).storedIn(db)).isInstanceOf(UserNotFound.class);
        assertThat(list(Optional.empty(), 10)).isEmpty();
    }

    @Test
    void an_order_for_a_removed_user_is_refused() {
        User carol = Users.carol().storedIn(db);
        tx(s -> {
            s.users().remove(carol);
            return null;
        });

        assertThatThrownBy(() -> Orders.placedBy(carol).storedIn(db)).isInstanceOf(UserNotFound.class);
    }

    // the orders of one user

    @Test
    void the_orders_of_a_user_are_only_that_users() {
        Order a1 = Orders.placedBy(alice).storedIn(db);
        Order b1 = Orders.placedBy(bob).storedIn(db);
        Order a2 = Orders.placedBy(alice).withDescription("Red pen").storedIn(db);
        Order b2 = Orders.placedBy(bob).withDescription("Green pen").storedIn(db);

        assertThat(listOfUser(alice.id(), Optional.empty(), 10)).containsExactly(a1, a2);
        assertThat(listOfUser(bob.id(), Optional.empty(), 10)).containsExactly(b1, b2);
    }

    @Test
    void the_orders_of_a_user_are_paged_by_id_over_that_users_orders_alone() {
        Order a1 = Orders.placedBy(alice).storedIn(db);
        Orders.placedBy(bob).storedIn(db);
        Order a2 = Orders.placedBy(alice).storedIn(db);
        Orders.placedBy(bob).storedIn(db);
        Order a3 = Orders.placedBy(alice).storedIn(db);

        assertThat(listOfUser(alice.id(), Optional.empty(), 2)).containsExactly(a1, a2);
        assertThat(listOfUser(alice.id(), Optional.of(a2.id()), 2)).containsExactly(a3);
        assertThat(listOfUser(alice.id(), Optional.of(a3.id()), 2)).isEmpty();
    }

    @Test
    void a_user_without_orders_has_an_empty_list() {
        Orders.placedBy(bob).storedIn(db);

        assertThat(listOfUser(alice.id(), Optional.empty(), 10)).isEmpty();
        assertThat(anyOfUser(alice.id())).isFalse();
    }

    @Test
    void any_of_user_says_whether_that_user_has_orders() {
        Order order = Orders.placedBy(alice).storedIn(db);

        assertThat(anyOfUser(alice.id())).isTrue();
        assertThat(anyOfUser(bob.id())).isFalse();

        remove(order);

        assertThat(anyOfUser(alice.id())).isFalse();
    }

    // listing all

    @Test
    void the_list_of_a_store_without_orders_is_empty() {
        assertThat(list(Optional.empty(), 10)).isEmpty();
    }

    @Test
    void the_list_is_ordered_by_id_whatever_the_order_of_adding() {
        List<OrderId> ids = tx(s -> List.of(s.orders().nextId(), s.orders().nextId(), s.orders().nextId()));
        tx(s -> {
            s.orders().add(Orders.placedBy(bob).withId(ids.get(2).value()).build());
            s.orders().add(Orders.placedBy(alice).withId(ids.get(0).value()).build());
            s.orders().add(Orders.placedBy(alice).withId(ids.get(1).value()).build());
            return null;
        });

        assertThat(list(Optional.empty(), 10)).extracting(Order::id).containsExactlyElementsOf(ids);
    }

    @Test
    void the_list_stops_at_the_limit_and_goes_on_after_a_key() {
        Order o1 = Orders.placedBy(alice).storedIn(db);
        Order o2 = Orders.placedBy(bob).storedIn(db);
        Order o3 = Orders.placedBy(alice).storedIn(db);
        Order o4 = Orders.placedBy(bob).storedIn(db);

        assertThat(list(Optional.empty(), 3)).containsExactly(o1, o2, o3);
        assertThat(list(Optional.of(o1.id()), 2)).containsExactly(o2, o3);
        assertThat(list(Optional.of(o3.id()), 10)).containsExactly(o4);
        assertThat(list(Optional.of(o4.id()), 10)).isEmpty();
    }

    // updating

    @Test
    void an_update_replaces_the_stored_order() {
        Order order = Orders.placedBy(alice).storedIn(db);
        Order next = withQuantity(order, 10);

        update(next);

        Order found = find(order.id()).orElseThrow();
        assertThat(found).isEqualTo(next);
        assertThat(found.version()).isEqualTo(2);
        assertThat(found.totalValue().cents()).isEqualTo(12_500);
    }

    @Test
    void an_update_from_a_stale_version_is_refused() {
        Order order = Orders.placedBy(alice).storedIn(db);
        update(withQuantity(order, 5));

        assertThatThrownBy(() -> update(withQuantity(order, 7))).isInstanceOf(VersionMismatch.class);
        assertThat(find(order.id()).orElseThrow().itemQuantity()).isEqualTo(Quantity.of(5));
    }

    @Test
    void an_update_that_skips_a_version_is_refused() {
        Order order = Orders.placedBy(alice).storedIn(db);

        assertThatThrownBy(() -> update(withQuantity(withQuantity(order, 5), 6))).isInstanceOf(VersionMismatch.class);
        assertThat(find(order.id())).contains(order);
    }

    @Test
    void updating_an_order_that_is_gone_is_not_found() {
        Order order = Orders.placedBy(alice).storedIn(db);
        remove(order);

        assertThatThrownBy(() -> update(withQuantity(order, 2))).isInstanceOf(OrderNotFound.class);
    }

    // removing

    @Test
    void a_removed_order_is_gone() {
        Order order = Orders.placedBy(alice).storedIn(db);
        Order kept = Orders.placedBy(alice).storedIn(db);

        remove(order);

        assertThat(find(order.id())).isEmpty();
        assertThat(listOfUser(alice.id(), Optional.empty(), 10)).containsExactly(kept);
    }

    @Test
    void removing_an_order_from_a_stale_version_is_refused() {
        Order order = Orders.placedBy(alice).storedIn(db);
        update(withQuantity(order, 9));

        assertThatThrownBy(() -> remove(order)).isInstanceOf(VersionMismatch.class);
        assertThat(find(order.id())).isPresent();
    }

    @Test
    void removing_an_order_that_is_gone_is_not_found() {
        Order order = Orders.placedBy(alice).storedIn(db);
        remove(order);

        assertThatThrownBy(() -> remove(order)).isInstanceOf(OrderNotFound.class);
    }

    // ids and units of work

    @Test
    void next_ids_never_repeat() {
        Set<OrderId> seen = new HashSet<>();
        for (int i = 0; i < 20; i++) seen.add(tx(s -> s.orders().nextId()));
        seen.addAll(tx(s -> List.of(s.orders().nextId(), s.orders().nextId())));

        assertThat(seen).hasSize(22);
    }

    @Test
    void next_ids_are_not_handed_out_again_after_a_rollback() {
        Set<OrderId> takenInFailedWork = new HashSet<>();
        assertThatThrownBy(() -> tx(s -> {
            takenInFailedWork.add(s.orders().nextId());
            throw new IllegalStateException("give up");
        })).isInstanceOf(IllegalStateException.class);

        OrderId next = tx(s -> s.orders().nextId());

        assertThat(takenInFailedWork).hasSize(1).doesNotContain(next);
    }

    @Test
    void a_failed_unit_of_work_keeps_none_of_its_order_writes() {
        Order changed = Orders.placedBy(alice).storedIn(db);
        Order removed = Orders.placedBy(bob).storedIn(db);

        assertThatThrownBy(() -> tx(s -> {
            s.orders().add(Orders.placedBy(alice).withId(s.orders().nextId().value()).build());
            s.orders().update(withQuantity(changed, 50));
            s.orders().remove(removed);
            throw new IllegalStateException("give up");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(list(Optional.empty(), 10)).containsExactly(changed, removed);
    }
}
