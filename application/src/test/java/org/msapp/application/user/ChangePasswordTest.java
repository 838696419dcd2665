package org.msapp.application.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msapp.application.access.Forbidden;
import org.msapp.application.access.InvalidCredentials;
import org.msapp.application.authentication.AuthenticateUser;
import org.msapp.application.authentication.LoginThrottled;
import org.msapp.application.concurrency.ExpectedVersion;
import org.msapp.application.fixtures.InMemoryServices;
import org.msapp.application.fixtures.Users;
import org.msapp.application.port.OutboxEvent;
import org.msapp.domain.InvalidField;
import org.msapp.domain.VersionMismatch;
import org.msapp.domain.user.Password;
import org.msapp.domain.user.User;

class ChangePasswordTest {
    private static final String OLD = "alice-password-1";
    private static final String NEW = "a much better passphrase";

    private final InMemoryServices app = new InMemoryServices();
    private User alice;
    private User bob;

    @BeforeEach
    void registerAliceAndBob() {
        alice = app.register(Users.alice());
        bob = app.register(Users.bob());
    }

    private void change(User caller, User target, String current, String replacement, ExpectedVersion expected) {
        app.changePassword.handle(new ChangePassword.Command(InMemoryServices.callerOf(caller), target.id(),
                Optional.of(Password.candidate(Password.FIELD, current)), Password.newPassword("new_password", replacement), expected));
    }

    @Test
    void guesses_at_the_current_password_are_throttled_like_log_ins() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> change(alice, alice, "a wrong guess", "a new passphrase", InMemoryServices.anyVersion()))
                    .isInstanceOf(InvalidField.class);
        }

        assertThatThrownBy(() -> change(alice, alice, OLD, "a new passphrase", InMemoryServices.anyVersion()))
                .isInstanceOf(LoginThrottled.class);
        assertThat(logsIn("alice", OLD)).as("a log-in, whose address the guesses did not come from").isTrue();
        app.clock.advance(Duration.ofMinutes(1));
        change(alice, alice, OLD, "a new passphrase", InMemoryServices.anyVersion());
        assertThat(logsIn("alice", "a new passphrase")).isTrue();
    }

    private boolean logsIn(String nick, String password) {
        try {
            app.authenticateUser.handle(new AuthenticateUser.Command(nick, Password.candidate(Password.FIELD, password), "198.51.100.1"));
            return true;
        } catch (InvalidCredentials refused) {
            return false;
        }
    }

    @Test
    void after_a_change_the_old_password_stops_working_and_the_new_one_works() {
        change(alice, alice, OLD, NEW, InMemoryServices.anyVersion());

        assertThat(logsIn("alice", NEW)).isTrue();
        assertThat(logsIn("alice", OLD)).isFalse();
    }

    @Test
    void a_wrong_current_password_is_invalid_on_the_password_field_and_changes_nothing() {
        assertThatThrownBy(() -> change(alice, alice, "not-the-password", NEW, InMemoryServices.anyVersion()))
                .isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.field()).isEqualTo("password"));

        assertThat(logsIn("alice", OLD)).isTrue();
        assertThat(logsIn("alice", NEW)).isFalse();
        assertThat(app.getUser.handle(new GetUser.Query(InMemoryServices.ADMIN, alice.id())).version()).isEqualTo(1);
    }

    @Test
    void only_the_owner_may_change_a_password() {
        assertThatThrownBy(() -> change(bob, alice, OLD, NEW, InMemoryServices.anyVersion())).isInstanceOf(Forbidden.class);

        assertThat(logsIn("alice", OLD)).isTrue();
    }

    @Test
    void the_version_the_caller_saw_must_be_the_current_one() {
        change(alice, alice, OLD, NEW, ExpectedVersion.of(1));

        assertThatThrownBy(() -> change(alice, alice, NEW, "a third passphrase", ExpectedVersion.of(1)))
                .isInstanceOf(VersionMismatch.class);
        assertThat(logsIn("alice", NEW)).isTrue();
    }

    @Test
    void a_change_records_a_password_changed_event_that_carries_no_hash() {
        change(alice, alice, OLD, NEW, InMemoryServices.anyVersion());

        User changed = app.persistence.inTransaction(stores -> stores.users().find(alice.id())).orElseThrow();
        OutboxEvent event = app.pendingEvents().get(2);
        assertThat(event.type()).isEqualTo("user.password_changed");
        assertThat(event.subject()).isEqualTo("users/" + alice.id());
        assertThat(event.data()).containsOnlyKeys("user_id", "version").containsEntry("version", 2L);
        assertThat(event.data().values()).extracting(String::valueOf)
                .noneMatch(v -> v.contains(changed.passwordHash().phc()) || v.contains(NEW));
    }

    @Test
    void a_read_after_the_change_shows_the_new_version_though_a_cache_is_in_front() {
        assertThat(app.getUser.handle(new GetUser.Query(InMemoryServices.ADMIN, alice.id())).version()).isEqualTo(1);

        change(alice, alice, OLD, NEW, InMemoryServices.anyVersion());

        assertThat(app.getUser.handle(new GetUser.Query(InMemoryServices.ADMIN, alice.id())).version()).isEqualTo(2);
        User stored = app.persistence.inTransaction(stores -> stores.users().find(alice.id())).orElseThrow();
        assertThat(app.hasher.verify(Password.candidate(Password.FIELD, NEW), stored.passwordHash())).isTrue();
    }
}
