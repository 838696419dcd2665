package org.msapp.application.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msapp.application.access.Forbidden;
import org.msapp.application.concurrency.ExpectedVersion;
import org.msapp.application.fixtures.InMemoryServices;
import org.msapp.application.fixtures.Users;
import org.msapp.application.port.OutboxEvent;
import org.msapp.domain.VersionMismatch;
import org.msapp.domain.user.Email;
import org.msapp.domain.user.FullName;
import org.msapp.domain.user.NickName;
import org.msapp.domain.user.NickNameTaken;
import org.msapp.domain.user.PhoneNumber;
import org.msapp.domain.user.User;
import org.msapp.domain.user.UserChanges;
import org.msapp.domain.user.UserId;
import org.msapp.domain.user.UserNotFound;
import org.msapp.domain.user.UserSnapshot;

class UpdateUserTest {
    private final InMemoryServices app = new InMemoryServices();
    private User alice;
    private User bob;

    @BeforeEach
    void registerAliceAndBob() {
        alice = app.register(Users.alice());
        bob = app.register(Users.bob());
        app.clock.advance(Duration.ofMinutes(10));
    }

    private static UserChanges fullName(String fullName) {
        return new UserChanges(Optional.empty(), Optional.of(FullName.of(fullName)), Optional.empty(), Optional.empty());
    }

    private static UserChanges nickName(String nick) {
        return new UserChanges(Optional.of(NickName.of(nick)), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private User update(User who, UserChanges changes, ExpectedVersion expected) {
        return app.updateUser.handle(new UpdateUser.Command(InMemoryServices.callerOf(who), who.id(), changes, expected));
    }

    @Test
    void the_owner_changes_its_details_and_gets_the_next_version() {
        UserChanges changes = new UserChanges(Optional.empty(), Optional.of(FullName.of("Alice P. Liddell")),
                Optional.of(Email.of("alice@wonder.land")), Optional.of(PhoneNumber.of("+44 20 7946 0000")));

        User updated = update(alice, changes, InMemoryServices.anyVersion());

        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.fullName()).isEqualTo(FullName.of("Alice P. Liddell"));
        assertThat(updated.email()).isEqualTo(Email.of("alice@wonder.land"));
        assertThat(updated.phoneNumber()).isEqualTo(PhoneNumber.of("+44 20 7946 0000"));
        assertThat(updated.nickName()).isEqualTo(alice.nickName());
        assertThat(updated.passwordHash()).isEqualTo(alice.passwordHash());
        assertThat(updated.updatedAt()).isEqualTo(app.clock.instant());
        assertThat(updated.createdAt()).isEqualTo(alice.createdAt());
        assertThat(app.getUser.handle(new GetUser.Query(InMemoryServices.ADMIN, alice.id()))).isEqualTo(UserSnapshot.of(updated));
    }

    @Test
    void only_the_owner_may_update_a_user() {
        assertThatThrownBy(() -> app.updateUser.handle(new UpdateUser.Command(InMemoryServices.callerOf(bob), alice.id(),
                fullName("Hacked"), InMemoryServices.anyVersion()))).isInstanceOf(Forbidden.class);

        assertThat(app.getUser.handle(new GetUser.Query(InMemoryServices.ADMIN, alice.id()))).isEqualTo(UserSnapshot.of(alice));
        assertThat(app.pendingEventTypes()).doesNotContain("user.updated");
    }

    @Test
    void the_version_the_caller_saw_must_be_the_current_one() {
        update(alice, fullName("First"), ExpectedVersion.of(1));

        assertThatThrownBy(() -> update(alice, fullName("Second"), ExpectedVersion.of(1))).isInstanceOf(VersionMismatch.class);
        assertThat(app.getUser.handle(new GetUser.Query(InMemoryServices.ADMIN, alice.id())).fullName()).isEqualTo(FullName.of("First"));
        assertThat(update(alice, fullName("Second"), ExpectedVersion.of(2)).version()).isEqualTo(3);
    }

    @Test
    void taking_another_users_nick_name_in_any_case_is_a_conflict() {
        assertThatThrownBy(() -> update(alice, nickName("bob"), InMemoryServices.anyVersion()))
                .isInstanceOf(NickNameTaken.class);
        assertThatThrownBy(() -> update(alice, nickName("BOB"), InMemoryServices.anyVersion()))
                .isInstanceOf(NickNameTaken.class);

        assertThat(app.getUser.handle(new GetUser.Query(InMemoryServices.ADMIN, alice.id()))).isEqualTo(UserSnapshot.of(alice));
        assertThat(app.pendingEventTypes()).containsExactly("user.registered", "user.registered");
    }

    @Test
    void a_user_may_change_the_case_of_its_own_nick_name() {
        User updated = update(alice, nickName("ALICE"), InMemoryServices.anyVersion());

        assertThat(updated.nickName()).isEqualTo(NickName.of("ALICE"));
        assertThat(app.findUserByNickName.handle(new FindUserByNickName.Query(InMemoryServices.ADMIN, NickName.of("alice")))).contains(updated);
    }

    @Test
    void a_user_may_take_a_free_nick_name_and_frees_its_old_one() {
        update(alice, nickName("alicia"), InMemoryServices.anyVersion());

        assertThat(app.findUserByNickName.handle(new FindUserByNickName.Query(InMemoryServices.ADMIN, NickName.of("alicia"))).map(User::id)).contains(alice.id());
        assertThat(app.findUserByNickName.handle(new FindUserByNickName.Query(InMemoryServices.ADMIN, NickName.of("alice")))).isEmpty();
    }

    @Test
    void an_update_records_one_user_updated_event_with_the_new_state() {
        User updated = update(alice, fullName("Alice P. Liddell"), InMemoryServices.anyVersion());

        assertThat(app.pendingEventTypes()).containsExactly("user.registered", "user.registered", "user.updated");
        OutboxEvent event = app.pendingEvents().get(2);
        assertThat(event.subject()).isEqualTo("users/" + alice.id());
        assertThat(event.occurredAt()).isEqualTo(updated.updatedAt());
        assertThat(event.data()).containsEntry("full_name", "Alice P. Liddell").containsEntry("version", 2L)
                .containsEntry("cpf", "***.982.247-**");
    }

    @Test
    void an_update_that_changes_nothing_keeps_the_version_and_records_no_event() {
        User same = update(alice, UserChanges.none(), InMemoryServices.anyVersion());

        assertThat(same).isEqualTo(alice);
        assertThat(app.pendingEventTypes()).doesNotContain("user.updated");
    }

    @Test
    void a_read_after_an_update_shows_the_new_value_though_a_cache_is_in_front() {
        assertThat(app.getUser.handle(new GetUser.Query(InMemoryServices.ADMIN, alice.id())).fullName()).isEqualTo(alice.fullName());

        update(alice, fullName("Alice Renamed"), InMemoryServices.anyVersion());

        assertThat(app.getUser.handle(new GetUser.Query(InMemoryServices.ADMIN, alice.id())).fullName()).isEqualTo(FullName.of("Alice Renamed"));
    }

    @Test
    void updating_a_user_that_does_not_exist_is_not_found() {
        User ghost = Users.withNick("ghost").withId(999).build();

        assertThatThrownBy(() -> update(ghost, fullName("Nobody"), InMemoryServices.anyVersion()))
                .isInstanceOf(UserNotFound.class);
        assertThatThrownBy(() -> app.getUser.handle(new GetUser.Query(InMemoryServices.ADMIN, new UserId(999)))).isInstanceOf(UserNotFound.class);
    }
}
