package org.msapp.application.authentication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msapp.application.access.Caller;
import org.msapp.application.access.InvalidCredentials;
import org.msapp.application.access.Role;
import org.msapp.application.fixtures.InMemoryServices;
import org.msapp.application.fixtures.Users;
import org.msapp.application.user.ChangePassword;
import org.msapp.application.user.DeleteUser;
import org.msapp.application.user.UpdateUser;
import org.msapp.domain.user.FullName;
import org.msapp.domain.user.NickName;
import org.msapp.domain.user.Password;
import org.msapp.domain.user.User;
import org.msapp.domain.user.UserChanges;

/** IssueToken and AuthenticateToken together: a token stands for its user until it expires or is revoked. */
class TokensTest {
    final InMemoryServices app = services();
    User alice;

    /** The service under test; {@link TokensThroughASharedCacheTest} runs every test here with the token path cached. */
    InMemoryServices services() {
        return new InMemoryServices();
    }

    @BeforeEach
    void registerAlice() {
        alice = app.register(Users.alice());
    }

    private IssueToken.IssuedToken issue(String nick, String password) {
        return app.issueToken.handle(new AuthenticateUser.Command(nick, Password.candidate(Password.FIELD, password), "198.51.100.1"));
    }

    @Test
    void a_token_is_a_bearer_token_for_15_minutes() {
        IssueToken.IssuedToken token = issue("alice", "alice-password-1");

        assertThat(token.tokenType()).isEqualTo("Bearer");
        assertThat(token.expiresIn()).isEqualTo(15 * 60);
        assertThat(token.accessToken()).isNotBlank();
    }

    @Test
    void a_token_stands_for_its_user_without_a_password_hash() {
        String token = issue("alice", "alice-password-1").accessToken();
        int hashes = app.hasher.calls();

        Caller caller = app.authenticateToken.handle(token);

        assertThat(caller.userId()).isEqualTo(alice.id());
        assertThat(caller.roles()).containsExactly(Role.USER);
        assertThat(app.hasher.calls()).as("hashes spent checking a token").isEqualTo(hashes);
    }

    @Test
    void wrong_credentials_get_no_token() {
        assertThatThrownBy(() -> issue("alice", "wrong-password")).isInstanceOf(InvalidCredentials.class);
    }

    @Test
    void a_token_expires_after_its_lifetime() {
        String token = issue("alice", "alice-password-1").accessToken();

        app.clock.advance(InMemoryServices.TOKEN_LIFETIME);

        assertThatThrownBy(() -> app.authenticateToken.handle(token)).isInstanceOf(InvalidCredentials.class);
    }

    @Test
    void a_change_of_password_revokes_the_tokens_issued_before_it() {
        String before = issue("alice", "alice-password-1").accessToken();
        app.changePassword.handle(new ChangePassword.Command(InMemoryServices.callerOf(alice), alice.id(),
                Optional.of(Password.candidate(Password.FIELD, "alice-password-1")), Password.newPassword("new_password", "a new passphrase"),
                InMemoryServices.anyVersion()));

        assertThatThrownBy(() -> app.authenticateToken.handle(before))
                .isInstanceOf(InvalidCredentials.class).hasMessageContaining("revoked");
        assertThat(app.authenticateToken.handle(issue("alice", "a new passphrase").accessToken()).userId()).isEqualTo(alice.id());
    }

    @Test
    void deleting_the_user_revokes_their_tokens() {
        String token = issue("alice", "alice-password-1").accessToken();
        app.deleteUser.handle(new DeleteUser.Command(InMemoryServices.callerOf(alice), alice.id(), InMemoryServices.anyVersion()));

        assertThatThrownBy(() -> app.authenticateToken.handle(token)).isInstanceOf(InvalidCredentials.class);
    }

    @Test
    void a_change_of_data_keeps_the_token_valid() {
        String token = issue("alice", "alice-password-1").accessToken();
        app.clock.advance(Duration.ofMinutes(1));
        app.updateUser.handle(new UpdateUser.Command(InMemoryServices.callerOf(alice), alice.id(),
                new UserChanges(Optional.empty(), Optional.of(FullName.of("Alice B")), Optional.empty(), Optional.empty()),
                InMemoryServices.anyVersion()));

        assertThat(app.authenticateToken.handle(token).userId()).isEqualTo(alice.id());
    }
}
