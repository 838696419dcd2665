package org.msapp.application.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
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
import org.msapp.domain.user.Email;
import org.msapp.domain.user.FullName;
import org.msapp.domain.user.NickName;
import org.msapp.domain.user.NickNameTaken;
import org.msapp.domain.user.User;
import org.msapp.domain.user.UserChanges;
import org.msapp.domain.user.UserHasOrders;
import org.msapp.domain.user.UserId;
import org.msapp.domain.user.UserNotFound;

/**
 * The contract of {@link Persistence.Stores#users()}, for every persistence adapter. Only the port is
 * used, so ids come from the store and no test assumes where they start.
 */
public abstract class UserStoreContract {
    private static final java.time.Instant LATER = TestClock.START.plus(Duration.ofMinutes(5));

    /** A fresh, empty store; called once before each test. */
    protected abstract Persistence persistence();

    private Persistence db;

    @BeforeEach
    void openTheStore() {
        db = persistence();
    }

    private <T> T tx(Function<Persistence.Stores, T> work) {
        return db.inTransaction(work);
    }

    private Optional<User> find(UserId id) {
        return tx(s -> s.users().find(id));
    }

    private List<User> list(Optional<UserId> after, int limit) {
        return tx(s -> s.users().list(after, limit));
    }

    private List<UserId> admins() {
        return tx(s -> s.users().admins());
    }

    private Optional<User> findByNick(String nick) {
        return tx(s -> s.users().findByNickName(NickName.of(nick)));
    }

    private void update(User next) {
        tx(s -> {
            s.users().update(next);
            return null;
        });
    }

    private void remove(User user) {
        tx(s -> {
            s.users().remove(user);
            return null;
        });
    }

    private static User renamed(User user, String nick) {
        return user.update(new UserChanges(Optional.of(NickName.of(nick)), Optional.empty(), Optional.empty(),
                Optional.empty()), LATER).state();
    }

    private static User withFullName(User user, String fullName) {
        return user.update(new UserChanges(Optional.empty(), Optional.of(FullName.of(fullName)), Optional.empty(),
                Optional.empty()), LATER).state();
    }

    // adding and finding

    @Test
    void an_added_user_is_found_by_its_id_as_it_was_added() {
        User alice = Users.alice().storedIn(db);

        assertThat(find(alice.id())).contains(alice);
    }

    @Test
    void the_admin_role_is_stored_with_the_user_and_admins_lists_its_holders_by_id() {
        Users.alice().storedIn(db);
        User root = Users.withNick("root").asAdmin().storedIn(db);
        User bob = Users.bob().storedIn(db);
        assertThat(find(root.id()).orElseThrow().admin()).isTrue();
        assertThat(admins()).containsExactly(root.id());

        update(bob.withAdminRole(true, LATER).state());
        update(find(root.id()).orElseThrow().withAdminRole(false, LATER).state());

        assertThat(find(root.id()).orElseThrow().admin()).isFalse();
        assertThat(admins()).containsExactly(bob.id());
    }

    @Test
    void a_user_that_was_never_added_is_not_found() {
        UserId unused = tx(s -> s.users().nextId());

        assertThat(find(unused)).isEmpty();
    }

    @Test
    void a_nick_name_is_unique_whatever_its_case_when_adding() {
        Users.alice().storedIn(db);

        assertThatThrownBy(() -> Users.withNick("ALICE").storedIn(db)).isInstanceOf(NickNameTaken.class);
        assertThatThrownBy(() -> Users.withNick("alice").storedIn(db)).isInstanceOf(NickNameTaken.class);
        assertThat(list(Optional.empty(), 10)).hasSize(1);
    }

    @Test
    void find_by_nick_name_ignores_case() {
        User alice = Users.withNick("Alice.M").storedIn(db);

        assertThat(findByNick("alice.m")).contains(alice);
        assertThat(findByNick("ALICE.M")).contains(alice);
        assertThat(findByNick("Alice.M")).contains(alice);
    }

    @Test
    void find_by_a_nick_name_nobody_holds_is_empty() {
        Users.alice().storedIn(db);

        assertThat(findByNick("alicia")).isEmpty();
    }

    @Test
    void find_by_any_string_a_client_may_send_is_empty_rather_than_a_failure() {
        Users.alice().storedIn(db);

        for (String odd : new String[] {"\0", "alice\0", "%", "_lice", "' OR '1'='1", "\uD83D\uDE00", "a".repeat(50)}) {
            Optional<User> found = tx(s -> s.users().findByNickName(NickName.stored(odd)));
            assertThat(found).as(odd).isEmpty();
        }
    }

    // updating

    @Test
    void an_update_replaces_the_stored_user() {
        User alice = Users.alice().storedIn(db);
        User next = alice.update(new UserChanges(Optional.empty(), Optional.of(FullName.of("Alice Pleasance")),
                Optional.of(Email.of("alice@wonder.land")), Optional.empty()), LATER).state();

        update(next);

        assertThat(find(alice.id())).contains(next);
        assertThat(find(alice.id()).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void a_nick_name_is_unique_whatever_its_case_when_updating() {
        Users.alice().storedIn(db);
        User bob = Users.bob().storedIn(db);

        assertThatThrownBy(() -> update(renamed(bob, "Alice"))).isInstanceOf(NickNameTaken.class);
        assertThat(find(bob.id())).contains(bob);
    }

    @Test
    void a_user_may_change_the_case_of_its_own_nick_name() {
        User alice = Users.alice().storedIn(db);
        User shouting = renamed(alice, "ALICE");

        update(shouting);

        assertThat(find(alice.id()).orElseThrow().nickName()).isEqualTo(NickName.of("ALICE"));
        assertThat(findByNick("alice")).contains(shouting);
    }

    @Test
    void a_new_nick_name_frees_the_old_one() {
        User alice = Users.alice().storedIn(db);

        update(renamed(alice, "alicia"));

        assertThat(findByNick("alice")).isEmpty();
        assertThat(findByNick("ALICIA").map(User::id)).contains(alice.id());
        User another = Users.withNick("Alice").storedIn(db);
        assertThat(findByNick("alice")).contains(another);
    }

    @Test
    void an_update_from_a_stale_version_is_refused() {
        User alice = Users.alice().storedIn(db);
        update(withFullName(alice, "First Writer"));

        assertThatThrownBy(() -> update(withFullName(alice, "Second Writer"))).isInstanceOf(VersionMismatch.class);
        assertThat(find(alice.id()).orElseThrow().fullName()).isEqualTo(FullName.of("First Writer"));
    }

    @Test
    void an_update_that_skips_a_version_is_refused() {
        User alice = Users.alice().storedIn(db);

        assertThatThrownBy(() -> update(withFullName(withFullName(alice, "One"), "Two")))
                .isInstanceOf(VersionMismatch.class);
        assertThat(find(alice.id())).contains(alice);
    }

    @Test
    void updating_a_user_that_is_gone_is_not_found() {
        User ghost = Users.alice().withId(tx(s -> s.users().nextId()).value()).build();

        assertThatThrownBy(() -> update(withFullName(ghost, "Nobody"))).isInstanceOf(UserNotFound.class);
    }

    // removing

    @Test
    void a_removed_user_is_gone_and_its_nick_name_is_free_again() {
        User alice = Users.alice().storedIn(db);

        remove(alice);

        assertThat(find(alice.id())).isEmpty();
        assertThat(findByNick("alice")).isEmpty();
        User again = Users.withNick("ALICE").storedIn(db);
        assertThat(findByNick("alice")).contains(again);
    }

    @Test
    void removing_a_user_from_a_stale_version_is_refused() {
        User alice = Users.alice().storedIn(db);
        update(withFullName(alice, "Changed Meanwhile"));

        assertThatThrownBy(() -> remove(alice)).isInstanceOf(VersionMismatch.class);
        assertThat(find(alice.id())).isPresent();
    }

    @Test
    void removing_a_user_that_is_gone_is_not_found() {
        User alice = Users.alice().storedIn(db);
        remove(alice);

        assertThatThrownBy(() -> remove(alice)).isInstanceOf(UserNotFound.class);
    }

    @Test
    void removing_a_user_with_orders_is_a_conflict() {
        User alice = Users.alice().storedIn(db);
        Orders.placedBy(alice).storedIn(db);

        assertThatThrownBy(() -> remove(alice)).isInstanceOf(UserHasOrders.class);
        assertThat(find(alice.id())).contains(alice);
    }

    @Test
    void a_user_whose_orders_are_all_removed_can_be_removed() {
        User alice = Users.alice().storedIn(db);
        var order = Orders.placedBy(alice).storedIn(db);
        tx(s -> {
            s.orders().remove(order);
            return null;
        });

        remove(alice);

        assertThat(find(alice.id())).isEmpty();
    }

    // listing

    @Test
    void the_list_of_an_empty_store_is_empty() {
        assertThat(list(Optional.empty(), 10)).isEmpty();
    }

    @Test
    void the_list_is_ordered_by_id_whatever_the_order_of_adding() {
        List<UserId> ids = tx(s -> List.of(s.users().nextId(), s.users().nextId(), s.users().nextId()));
        tx(s -> {
            s.users().add(Users.carol().withId(ids.get(2).value()).build());
            s.users().add(Users.alice().withId(ids.get(0).value()).build());
            s.users().add(Users.bob().withId(ids.get(1).value()).build());
            return null;
        });

        assertThat(list(Optional.empty(), 10)).extracting(User::id).containsExactlyElementsOf(ids);
    }

    @Test
    void the_list_stops_at_the_limit() {
        User alice = Users.alice().storedIn(db);
        User bob = Users.bob().storedIn(db);
        Users.carol().storedIn(db);

        assertThat(list(Optional.empty(), 2)).containsExactly(alice, bob);
        assertThat(list(Optional.empty(), 1)).containsExactly(alice);
    }

    @Test
    void the_list_after_a_key_holds_only_greater_ids() {
        Users.alice().storedIn(db);
        User bob = Users.bob().storedIn(db);
        User carol = Users.carol().storedIn(db);
        User dave = Users.withNick("dave").storedIn(db);

        assertThat(list(Optional.of(bob.id()), 10)).containsExactly(carol, dave);
        assertThat(list(Optional.of(bob.id()), 1)).containsExactly(carol);
    }

    @Test
    void the_list_after_the_last_user_is_empty() {
        Users.alice().storedIn(db);
        User bob = Users.bob().storedIn(db);

        assertThat(list(Optional.of(bob.id()), 10)).isEmpty();
    }

    @Test
    void the_list_after_a_removed_user_goes_on_from_the_next_one() {
        Users.alice().storedIn(db);
        User bob = Users.bob().storedIn(db);
        User carol = Users.carol().storedIn(db);
        remove(bob);

        assertThat(list(Optional.of(bob.id()), 10)).containsExactly(carol);
    }

    // ids and units of work

    @Test
    void next_ids_never_repeat() {
        Set<UserId> seen = new HashSet<>();
        for (int i = 0; i < 20; i++) seen.add(tx(s -> s.users().nextId()));
        seen.addAll(tx(s -> List.of(s.users().nextId(), s.users().nextId())));

        assertThat(seen).hasSize(22);
    }

    @Test
    void next_ids_are_not_handed_out_again_after_a_rollback() {
        Set<UserId> takenInFailedWork = new HashSet<>();
        assertThatThrownBy(() -> tx(s -> {
            takenInFailedWork.add(s.users().nextId());
            takenInFailedWork.add(s.users().nextId());
            throw new IllegalStateException("give up");
        })).isInstanceOf(IllegalStateException.class);

        UserId next = tx(s -> s.users().nextId());

        assertThat(takenInFailedWork).hasSize(2).doesNotContain(next);
    }

    @Test
    void a_failed_unit_of_work_keeps_none_of_its_user_writes() {
        User alice = Users.alice().storedIn(db);
        User bob = Users.bob().storedIn(db);

        assertThatThrownBy(() -> tx(s -> {
            s.users().add(Users.carol().withId(s.users().nextId().value()).build());
            s.users().update(renamed(alice, "alicia"));
            s.users().remove(bob);
            throw new IllegalStateException("give up");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(list(Optional.empty(), 10)).containsExactly(alice, bob);
        assertThat(findByNick("alice")).contains(alice);
        assertThat(findByNick("alicia")).isEmpty();
        assertThat(findByNick("carol")).isEmpty();
    }

    @Test
    void a_refused_add_inside_a_unit_of_work_leaves_its_earlier_writes_undone() {
        Users.alice().storedIn(db);

        assertThatThrownBy(() -> tx(s -> {
            s.users().add(Users.bob().withId(s.users().nextId().value()).build());
            s.users().add(Users.withNick("Alice").withId(s.users().nextId().value()).build());
            return null;
        })).isInstanceOf(NickNameTaken.class);

        assertThat(findByNick("bob")).isEmpty();
    }
}
