package org.msapp.application.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msapp.application.Caller;
import org.msapp.application.InvalidCredentials;
import org.msapp.application.fixtures.InMemoryServices;
import org.msapp.application.fixtures.Users;
import org.msapp.domain.user.NickName;
import org.msapp.domain.user.Password;
import org.msapp.domain.user.User;
import org.msapp.domain.user.UserChanges;

class AuthenticateUserTest {
    private final InMemoryServices app = new InMemoryServices();
    private User alice;

    @BeforeEach
    void registerAlice() {
        alice = app.register(Users.alice());
        app.register(Users.bob());
    }

    private Caller logIn(String nick, String password) {
        return app.authenticateUser.handle(new AuthenticateUser.Command(nick, Password.candidate(Password.FIELD, password)));
    }

    @Test
    void the_right_password_gives_the_caller_that_user_is() {
        Caller caller = logIn("alice", "alice-password-1");

        assertThat(caller).isEqualTo(new Caller(alice.id(), alice.nickName()));
    }

    @Test
    void the_nick_name_may_be_given_in_any_case() {
        assertThat(logIn("ALICE", "alice-password-1").userId()).isEqualTo(alice.id());
    }

    @Test
    void a_wrong_password_is_invalid_credentials() {
        assertThatThrownBy(() -> logIn("alice", "alice-password-2")).isInstanceOf(InvalidCredentials.class);
        assertThatThrownBy(() -> logIn("alice", "bob-password-22")).isInstanceOf(InvalidCredentials.class);
    }

    @Test
    void an_unknown_nick_name_is_invalid_credentials() {
        assertThatThrownBy(() -> logIn("mallory", "alice-password-1")).isInstanceOf(InvalidCredentials.class);
    }

    @Test
    void an_unknown_nick_name_costs_a_password_check_as_a_known_one_does() {
        int before = app.hasher.calls();

        assertThatThrownBy(() -> logIn("mallory", "whatever-password")).isInstanceOf(InvalidCredentials.class);

        assertThat(app.hasher.calls()).isGreaterThan(before);
    }

    @Test
    void a_nick_name_that_no_user_could_hold_is_invalid_credentials() {
        assertThatThrownBy(() -> logIn("", "alice-password-1")).isInstanceOf(InvalidCredentials.class);
        assertThatThrownBy(() -> logIn("a".repeat(51), "alice-password-1")).isInstanceOf(InvalidCredentials.class);
        assertThatThrownBy(() -> logIn("alice' OR '1'='1", "alice-password-1")).isInstanceOf(InvalidCredentials.class);
    }

    @Test
    void after_a_change_of_nick_name_only_the_new_one_logs_in() {
        app.updateUser.handle(new UpdateUser.Command(InMemoryServices.callerOf(alice), alice.id(),
                new UserChanges(Optional.of(NickName.of("alicia")), Optional.empty(), Optional.empty(), Optional.empty()),
                InMemoryServices.anyVersion()));

        assertThat(logIn("alicia", "alice-password-1").userId()).isEqualTo(alice.id());
        assertThatThrownBy(() -> logIn("alice", "alice-password-1")).isInstanceOf(InvalidCredentials.class);
    }
}
