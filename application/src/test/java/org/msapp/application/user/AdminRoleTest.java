package org.msapp.application.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msapp.application.access.Caller;
import org.msapp.application.access.Forbidden;
import org.msapp.application.access.InvalidCredentials;
import org.msapp.application.authentication.AuthenticateUser;
import org.msapp.application.fixtures.InMemoryServices;
import org.msapp.application.fixtures.Users;
import org.msapp.domain.InvalidField;
import org.msapp.domain.user.NickName;
import org.msapp.domain.user.Password;
import org.msapp.domain.user.User;
import org.msapp.domain.user.UserChanges;
import org.msapp.domain.user.UserId;
import org.msapp.domain.user.UserUpdated;

/** The administrator's role: stored with the user, granted and revoked by administrators, read on every request. */
class AdminRoleTest {
    private final InMemoryServices app = new InMemoryServices();
    private User root;
    private User alice;

    @BeforeEach
    void anAdministratorAndAUser() {
        root = app.registerAdmin(Users.withNick("root"));
        alice = app.register(Users.alice());
    }

    private String tokenOf(String nick) {
        return tokenOf(nick, "alice-password-1");
    }

    private String tokenOf(String nick, String password) {
        return app.issueToken.handle(new AuthenticateUser.Command(nick, Password.candidate(Password.FIELD, password), "198.51.100.1"))
                .accessToken();
    }

    private void set(Caller by, User user, boolean admin) {
        app.setAdminRole.handle(new SetAdminRole.Command(by, user.id(), admin));
    }

    private Caller callerNow(User user) {
        return Caller.of(app.persistence.inTransaction(s -> s.users().find(user.id())).orElseThrow());
    }

    private User stored(UserId id) {
        return app.persistence.inTransaction(s -> s.users().find(id)).orElseThrow();
    }

    @Test
    void registering_never_yields_the_role_whatever_the_name() {
        User admin = app.register(Users.withNick("admin"));

        assertThat(admin.admin()).isFalse();
        assertThat(app.authenticateToken.handle(tokenOf("admin")).isAdmin()).isFalse();
    }

    @Test
    void a_rename_never_changes_the_role_either_way() {
        app.updateUser.handle(new UpdateUser.Command(Caller.of(root), root.id(), rename("chief"), InMemoryServices.anyVersion()));
        app.deleteUser.handle(new DeleteUser.Command(Caller.of(alice), alice.id(), InMemoryServices.anyVersion()));
        User bob = app.register(Users.bob());
        app.updateUser.handle(new UpdateUser.Command(Caller.of(bob), bob.id(), rename("root"), InMemoryServices.anyVersion()));

        assertThat(stored(root.id()).admin()).as("renamed away").isTrue();
        assertThat(stored(bob.id()).admin()).as("renamed into the old name").isFalse();
        assertThat(app.authenticateToken.handle(tokenOf("root", "bob-password-22")).isAdmin()).isFalse();
    }

    private static UserChanges rename(String nick) {
        return new UserChanges(Optional.of(NickName.of(nick)), Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void a_granted_role_works_at_once_in_a_token_issued_before() {
        String alicesToken = tokenOf("alice");

        set(Caller.of(root), alice, true);

        assertThat(app.authenticateToken.handle(alicesToken).isAdmin()).isTrue();
    }

    @Test
    void a_revoked_role_stops_working_at_once_in_a_token_issued_while_it_was_held() {
        set(Caller.of(root), alice, true);
        String alicesToken = tokenOf("alice");
        assertThat(app.authenticateToken.handle(alicesToken).isAdmin()).isTrue();

        set(Caller.of(root), alice, false);

        Caller formerAdmin = app.authenticateToken.handle(alicesToken);
        assertThat(formerAdmin.isAdmin()).isFalse();
        assertThatThrownBy(() -> app.getUser.handle(new GetUser.Query(formerAdmin, root.id()))).isInstanceOf(Forbidden.class);
    }

    @Test
    void only_an_administrator_grants_or_revokes_and_the_refusal_names_no_ones_role() {
        assertThatThrownBy(() -> set(Caller.of(alice), alice, true))
                .isInstanceOf(Forbidden.class).hasMessage("you may not act on the roles of users (administrators only)");
        assertThatThrownBy(() -> set(Caller.of(alice), root, false)).isInstanceOf(Forbidden.class);
        assertThat(stored(root.id()).admin()).isTrue();
    }

    @Test
    void a_change_of_role_is_a_new_version_with_its_event_and_asking_again_changes_nothing() {
        set(Caller.of(root), alice, true);
        set(Caller.of(root), alice, true);

        User granted = stored(alice.id());
        assertThat(granted.version()).isEqualTo(alice.version() + 1);
        assertThat(app.pendingEvents()).last().satisfies(e -> assertThat(e.type()).isEqualTo("user.updated"));
        assertThat(new UserUpdated(org.msapp.domain.user.UserSnapshot.of(granted)).user().admin()).isTrue();
    }

    @Test
    void the_last_administrator_keeps_the_role_and_cannot_be_deleted() {
        assertThatThrownBy(() -> set(Caller.of(root), root, false)).isInstanceOf(LastAdmin.class);
        assertThatThrownBy(() -> app.deleteUser.handle(new DeleteUser.Command(Caller.of(root), root.id(),
                InMemoryServices.anyVersion()))).isInstanceOf(LastAdmin.class);

        set(Caller.of(root), alice, true);
        set(callerNow(alice), root, false);

        assertThat(stored(root.id()).admin()).isFalse();
        assertThatThrownBy(() -> set(callerNow(alice), alice, false)).isInstanceOf(LastAdmin.class);
    }

    @Test
    void granting_to_a_user_who_is_gone_is_not_found() {
        User ghost = Users.bob().withId(424242).build();

        assertThatThrownBy(() -> set(Caller.of(root), ghost, true))
                .isInstanceOf(org.msapp.domain.user.UserNotFound.class);
    }

    @Test
    void an_administrator_sets_another_users_password_without_it_and_revokes_their_tokens() {
        String alicesToken = tokenOf("alice");

        app.changePassword.handle(new ChangePassword.Command(Caller.of(root), alice.id(), Optional.empty(),
                Password.newPassword("new_password", "set by the administrator"), InMemoryServices.anyVersion()));

        assertThatThrownBy(() -> app.authenticateToken.handle(alicesToken)).isInstanceOf(InvalidCredentials.class);
        assertThat(app.hasher.verify(Password.candidate(Password.FIELD, "set by the administrator"),
                stored(alice.id()).passwordHash())).isTrue();
    }

    @Test
    void the_owner_and_an_administrator_on_their_own_user_still_give_the_current_password() {
        assertThatThrownBy(() -> app.changePassword.handle(new ChangePassword.Command(Caller.of(alice), alice.id(),
                Optional.empty(), Password.newPassword("new_password", "a new passphrase"), InMemoryServices.anyVersion())))
                .isInstanceOf(InvalidField.class).hasMessageContaining("password");
        assertThatThrownBy(() -> app.changePassword.handle(new ChangePassword.Command(Caller.of(root), root.id(),
                Optional.empty(), Password.newPassword("new_password", "a new passphrase"), InMemoryServices.anyVersion())))
                .isInstanceOf(InvalidField.class);
    }
}
