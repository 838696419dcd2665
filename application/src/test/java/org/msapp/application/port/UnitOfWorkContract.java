package org.msapp.application.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msapp.application.fixtures.Orders;
import org.msapp.application.fixtures.OutboxEvents;
import org.msapp.application.fixtures.TestClock;
import org.msapp.application.fixtures.Users;
import org.msapp.domain.order.Order;
import org.msapp.domain.order.OrderChanges;
import org.msapp.domain.order.Quantity;
import org.msapp.domain.user.FullName;
import org.msapp.domain.user.NickName;
import org.msapp.domain.user.NickNameTaken;
import org.msapp.domain.user.User;
import org.msapp.domain.user.UserChanges;
import org.msapp.domain.user.UserId;

/**
 * The unit of work of {@link Persistence#inTransaction}, across all four stores: everything commits
 * together or nothing is kept, the failure comes back as it was thrown, and a nested call joins the
 * outer one; {@link Persistence#read} sees what committed, and joins a unit of work it is called in;
 * {@link Persistence#inRedoableTransaction} is as atomic as any. For every persistence adapter, beside the contracts of each store.
 */
public abstract class UnitOfWorkContract {
    private static final Instant LATER = TestClock.START.plus(Duration.ofMinutes(5));

    /** A fresh, empty store; called once before each test. */
    protected abstract Persistence persistence();

    private Persistence db;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofMinutes(1));

    @BeforeEach
    void openTheStore() {
        db = persistence();
    }

    private static final class GiveUp extends RuntimeException {
        GiveUp() {
            super("give up");
        }
    }

    private long userCount() {
        return db.inTransaction(s -> s.users().list(Optional.empty(), 100)).size();
    }

    private List<Order> allOrders() {
        return db.inTransaction(s -> s.orders().list(Optional.empty(), 100));
    }

    private long pendingEvents() {
        return db.inTransaction(s -> s.outbox().pending());
    }

    private List<User> allUsers() {
        return db.inTransaction(s -> s.users().list(Optional.empty(), 100));
    }

    private Optional<User> user(UserId id) {
        return db.inTransaction(s -> s.users().find(id));
    }

    private Optional<User> userNamed(String nick) {
        return db.inTransaction(s -> s.users().findByNickName(NickName.of(nick)));
    }

    private List<UUID> claimable() {
        return db.inTransaction(s -> s.outbox().claimDue(now, 10, now.plusSeconds(30))).stream().map(OutboxEvent::id).toList();
    }

    private Optional<IdempotencyRecord> idempotencyRecord(String key) {
        return db.inTransaction(s -> s.idempotency().find(key, TestClock.START));
    }

    private static IdempotencyRecord record(String key) {
        return new IdempotencyRecord(key, "hash", 201, Map.of(), "{}", TestClock.START.plus(Duration.ofDays(1)));
    }

    @Test
    void a_unit_of_work_returns_what_its_work_returns_and_commits_it() {
        User alice = db.inTransaction(s -> {
            User user = Users.alice().withId(s.users().nextId().value()).build();
            s.users().add(user);
            s.outbox().append(OutboxEvents.numbered(1, now.minusSeconds(10)));
            return user;
        });

        assertThat(user(alice.id())).contains(alice);
        assertThat(pendingEvents()).isEqualTo(1);
    }

    @Test
    void a_unit_of_work_that_throws_keeps_nothing_it_did_in_any_store() {
        User alice = Users.alice().storedIn(db);
        User bob = Users.bob().storedIn(db);
        Order kept = Orders.placedBy(alice).storedIn(db);
        Order doomed = Orders.placedBy(bob).storedIn(db);
        db.inTransaction(s -> {
            s.outbox().append(OutboxEvents.numbered(1, now.minusSeconds(10)));
            return null;
        });

        Throwable thrown = catchThrowable(() -> db.inTransaction(s -> {
            User carol = Users.carol().withId(s.users().nextId().value()).build();
            s.users().add(carol);
            s.users().update(alice.update(new UserChanges(Optional.of(NickName.of("alicia")), Optional.of(FullName.of("A")),
                    Optional.empty(), Optional.empty()), LATER).state());
            s.orders().add(Orders.placedBy(carol).withId(s.orders().nextId().value()).build());
            s.orders().update(kept.update(new OrderChanges(Optional.empty(), Optional.of(Quantity.of(99)), Optional.empty()), LATER).state());
            s.orders().remove(doomed);
            s.outbox().append(OutboxEvents.numbered(2, now.minusSeconds(5)));
            s.outbox().markPublished(List.of(OutboxEvents.numbered(1, now).id()), now);
            s.idempotency().save(record("key-1"), TestClock.START);
            throw new GiveUp();
        }));

        assertThat(thrown).isInstanceOf(GiveUp.class);
        assertThat(allUsers()).containsExactly(alice, bob);
        assertThat(userNamed("carol")).isEmpty();
        assertThat(userNamed("alicia")).isEmpty();
        assertThat(allOrders()).containsExactly(kept, doomed);
        assertThat(pendingEvents()).isEqualTo(1);
        assertThat(claimable()).containsExactly(OutboxEvents.numbered(1, now).id());
        assertThat(idempotencyRecord("key-1")).isEmpty();
    }

    @Test
    void the_exception_of_a_failed_unit_of_work_is_rethrown_as_it_was() {
        GiveUp giveUp = new GiveUp();
        IllegalArgumentException illegal = new IllegalArgumentException("bad argument");

        Throwable first = catchThrowable(() -> db.inTransaction(s -> {
            throw giveUp;
        }));
        Throwable second = catchThrowable(() -> db.inTransaction(s -> {
            s.users().nextId();
            throw illegal;
        }));

        assertThat(first).isSameAs(giveUp);
        assertThat(second).isSameAs(illegal);
    }

    @Test
    void a_refusal_of_a_store_comes_out_of_the_unit_of_work_as_that_refusal() {
        Users.alice().storedIn(db);

        assertThatThrownBy(() -> db.inTransaction(s -> {
            s.users().add(Users.withNick("ALICE").withId(s.users().nextId().value()).build());
            return null;
        })).isInstanceOf(NickNameTaken.class);
        assertThat(userCount()).isEqualTo(1);
    }

    @Test
    void a_nested_unit_of_work_joins_the_outer_one() {
        User alice = db.inTransaction(outer -> {
            User user = Users.alice().withId(outer.users().nextId().value()).build();
            outer.users().add(user);
            Order order = db.inTransaction(inner -> {
                assertThat(inner.users().find(user.id())).contains(user);
                Order placed = Orders.placedBy(user).withId(inner.orders().nextId().value()).build();
                inner.orders().add(placed);
                return placed;
            });
            assertThat(outer.orders().find(order.id())).contains(order);
            return user;
        });

        assertThat(allOrders()).extracting(Order::userId).containsExactly(alice.id());
    }

    @Test
    void a_redoable_unit_of_work_keeps_all_it_did_or_nothing_as_any_other() {
        User alice = db.inRedoableTransaction(s -> {
            User user = Users.alice().withId(s.users().nextId().value()).build();
            s.users().add(user);
            return user;
        });
        Throwable thrown = catchThrowable(() -> db.inRedoableTransaction(s -> {
            s.users().add(Users.bob().withId(s.users().nextId().value()).build());
            throw new GiveUp();
        }));

        assertThat(thrown).isInstanceOf(GiveUp.class);
        assertThat(allUsers()).containsExactly(alice);
    }

    @Test
    void a_read_sees_what_committed_and_inside_a_unit_of_work_joins_it() {
        User alice = Users.alice().storedIn(db);
        Optional<User> read = db.read(s -> s.users().find(alice.id()));
        assertThat(read).contains(alice);

        Throwable thrown = catchThrowable(() -> db.inTransaction(outer -> {
            User bob = Users.bob().withId(outer.users().nextId().value()).build();
            outer.users().add(bob);
            Optional<User> joined = db.read(inner -> inner.users().find(bob.id()));
            assertThat(joined).contains(bob);
            throw new GiveUp();
        }));

        assertThat(thrown).isInstanceOf(GiveUp.class);
        List<User> committed = db.read(s -> s.users().list(Optional.empty(), 10));
        assertThat(committed).containsExactly(alice);
    }

    @Test
    void a_failure_in_the_outer_unit_of_work_rolls_back_what_the_inner_one_did() {
        Throwable thrown = catchThrowable(() -> db.inTransaction(outer -> {
            db.inTransaction(inner -> {
                User user = Users.alice().withId(inner.users().nextId().value()).build();
                inner.users().add(user);
                inner.orders().add(Orders.placedBy(user).withId(inner.orders().nextId().value()).build());
                inner.outbox().append(OutboxEvents.numbered(1, now.minusSeconds(10)));
                return null;
            });
            throw new GiveUp();
        }));

        assertThat(thrown).isInstanceOf(GiveUp.class);
        assertThat(userCount()).isZero();
        assertThat(allOrders()).isEmpty();
        assertThat(pendingEvents()).isZero();
    }

    @Test
    void a_failure_in_the_inner_unit_of_work_rolls_back_the_outer_one_too() {
        GiveUp giveUp = new GiveUp();

        Throwable thrown = catchThrowable(() -> db.inTransaction(outer -> {
            outer.users().add(Users.alice().withId(outer.users().nextId().value()).build());
            return db.inTransaction(inner -> {
                inner.users().add(Users.bob().withId(inner.users().nextId().value()).build());
                throw giveUp;
            });
        }));

        assertThat(thrown).isSameAs(giveUp);
        assertThat(userCount()).isZero();
    }
}
