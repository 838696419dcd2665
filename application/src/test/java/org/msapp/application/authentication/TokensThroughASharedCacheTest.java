package org.msapp.application.authentication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msapp.application.access.InvalidCredentials;
import org.msapp.application.availability.ServiceUnavailable;
import org.msapp.application.fixtures.InMemoryServices;
import org.msapp.application.fixtures.Users;
import org.msapp.application.user.ChangePassword;
import org.msapp.application.user.DeleteUser;
import org.msapp.application.user.SetAdminRole;
import org.msapp.application.user.UpdateUser;
import org.msapp.domain.user.NickName;
import org.msapp.domain.user.Password;
import org.msapp.domain.user.User;
import org.msapp.domain.user.UserChanges;

/**
 * Every test of {@link TokensTest} with the token path reading credentials through a shared cache, and
 * what that cache adds: a revoking change evicts before it commits, or does not commit.
 */
class TokensThroughASharedCacheTest extends TokensTest {
    @Override
    InMemoryServices services() {
        return new InMemoryServices(true);
    }

    @BeforeEach
    void registerAnAdministrator() {   // after TokensTest has registered alice
        app.registerAdmin(Users.bob());
    }

    private String tokenOf(String nick, String password) {
        return app.issueToken.handle(new AuthenticateUser.Command(nick, Password.candidate(Password.FIELD, password), "198.51.100.1"))
                .accessToken();
    }

    private void changeAlicesPassword() {
        app.changePassword.handle(new ChangePassword.Command(InMemoryServices.callerOf(alice), alice.id(),
                Optional.of(Password.candidate(Password.FIELD, "alice-password-1")), Password.newPassword("new_password", "a new passphrase"),
                InMemoryServices.anyVersion()));
    }

    @Test
    void a_known_token_is_checked_against_the_cached_credentials_not_the_store() {
        String token = tokenOf("alice", "alice-password-1");
        app.authenticateToken.handle(token);
        long hits = app.useCases.cacheAside().hits();

        app.persistence.inTransaction(stores -> {   // behind the use cases' back: only a cached read still finds her
            stores.users().remove(stores.users().find(alice.id()).orElseThrow());
            return null;
        });

        assertThat(app.authenticateToken.handle(token).userId()).isEqualTo(alice.id());
        assertThat(app.useCases.cacheAside().hits()).isEqualTo(hits + 1);
    }

    @Test
    void a_change_of_password_revokes_at_once_the_tokens_whose_credentials_were_cached() {
        String token = tokenOf("alice", "alice-password-1");
        app.authenticateToken.handle(token);

        changeAlicesPassword();

        assertThatThrownBy(() -> app.authenticateToken.handle(token)).isInstanceOf(InvalidCredentials.class).hasMessageContaining("revoked");
    }

    @Test
    void a_deletion_revokes_at_once_the_tokens_whose_credentials_were_cached() {
        String token = tokenOf("alice", "alice-password-1");
        app.authenticateToken.handle(token);

        app.deleteUser.handle(new DeleteUser.Command(InMemoryServices.callerOf(alice), alice.id(), InMemoryServices.anyVersion()));

        assertThatThrownBy(() -> app.authenticateToken.handle(token)).isInstanceOf(InvalidCredentials.class);
    }

    @Test
    void a_role_given_or_taken_works_at_once_in_a_token_whose_credentials_were_cached() {
        String token = tokenOf("alice", "alice-password-1");
        assertThat(app.authenticateToken.handle(token).isAdmin()).isFalse();

        app.setAdminRole.handle(new SetAdminRole.Command(app.authenticateToken.handle(tokenOf("bob", "bob-password-22")), alice.id(), true));
        assertThat(app.authenticateToken.handle(token).isAdmin()).isTrue();

        app.setAdminRole.handle(new SetAdminRole.Command(app.authenticateToken.handle(tokenOf("bob", "bob-password-22")), alice.id(), false));
        assertThat(app.authenticateToken.handle(token).isAdmin()).isFalse();
    }

    @Test
    void a_new_nick_name_is_the_callers_at_once_so_the_old_one_gives_no_access_to_whoever_takes_it() {
        String token = tokenOf("alice", "alice-password-1");
        app.authenticateToken.handle(token);

        app.updateUser.handle(new UpdateUser.Command(InMemoryServices.callerOf(alice), alice.id(),
                new UserChanges(Optional.of(NickName.of("alicia")), Optional.empty(), Optional.empty(), Optional.empty()),
                InMemoryServices.anyVersion()));

        assertThat(app.authenticateToken.handle(token).nickName()).isEqualTo(NickName.of("alicia"));
    }

    @Test
    void when_the_cache_cannot_forget_the_old_credentials_the_change_is_refused_and_nothing_changes() {
        String token = tokenOf("alice", "alice-password-1");
        app.authenticateToken.handle(token);

        app.cache.fail(true);
        assertThatThrownBy(this::changeAlicesPassword).isInstanceOf(ServiceUnavailable.class);
        assertThatThrownBy(() -> app.deleteUser.handle(new DeleteUser.Command(InMemoryServices.callerOf(alice), alice.id(),
                InMemoryServices.anyVersion()))).isInstanceOf(ServiceUnavailable.class);
        app.cache.fail(false);

        assertThat(app.authenticateToken.handle(token).userId()).as("the old token, still valid").isEqualTo(alice.id());
        assertThat(tokenOf("alice", "alice-password-1")).as("the old password, still the password").isNotBlank();
        Optional<User> stored = app.persistence.read(stores -> stores.users().find(alice.id()));
        assertThat(stored).as("not deleted").isPresent();
    }

    @Test
    void when_the_cache_fails_a_token_is_checked_against_the_store() {
        String token = tokenOf("alice", "alice-password-1");
        app.cache.fail(true);

        assertThat(app.authenticateToken.handle(token).userId()).isEqualTo(alice.id());
    }
}
