package org.msapp.application.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.msapp.application.authentication.AuthenticateUser;
import org.msapp.application.fixtures.InMemoryServices;
import org.msapp.application.fixtures.Users;
import org.msapp.application.user.BootstrapAdmin.Outcome;
import org.msapp.domain.user.Cpf;
import org.msapp.domain.user.Email;
import org.msapp.domain.user.FullName;
import org.msapp.domain.user.NickName;
import org.msapp.domain.user.Password;
import org.msapp.domain.user.PhoneNumber;
import org.msapp.domain.user.User;

class BootstrapAdminTest {
    private final InMemoryServices app = new InMemoryServices();

    private static RegisterUser.Command root() {
        return new RegisterUser.Command(NickName.of("root"), Password.newPassword(Password.FIELD, "bootstrap-secret"),
                FullName.of("Administrator"), Cpf.of("529.982.247-25"), Email.of("admin@example.invalid"), PhoneNumber.of("0"));
    }

    private User stored(String nick) {
        return app.persistence.inTransaction(s -> s.users().findByNickName(NickName.of(nick))).orElseThrow();
    }

    private int userCount() {
        return app.persistence.inTransaction(s -> s.users().list(Optional.empty(), 10)).size();
    }

    @Test
    void with_no_administrator_it_makes_one_who_logs_in_with_the_role() {
        assertThat(app.bootstrapAdmin.anyAdmin()).isFalse();

        Outcome outcome = app.bootstrapAdmin.handle(root());

        assertThat(outcome.kind()).isEqualTo(Outcome.Kind.CREATED);
        assertThat(outcome.user()).contains(stored("root").id());
        assertThat(app.bootstrapAdmin.anyAdmin()).isTrue();
        assertThat(app.authenticateUser.handle(new AuthenticateUser.Command("root",
                Password.candidate(Password.FIELD, "bootstrap-secret"), "198.51.100.1")).caller().isAdmin()).isTrue();
        assertThat(app.pendingEvents()).singleElement().satisfies(e -> assertThat(e.type()).isEqualTo("user.registered"));
    }

    @Test
    void with_an_administrator_already_it_does_nothing_even_on_a_later_start() {
        app.bootstrapAdmin.handle(root());
        int users = userCount();

        assertThat(app.bootstrapAdmin.handle(root()).kind()).isEqualTo(Outcome.Kind.ADMIN_EXISTS);
        assertThat(userCount()).isEqualTo(users);
    }

    @Test
    void a_user_who_registered_the_name_first_gets_no_role() {
        User squatter = app.register(Users.withNick("ROOT"));

        Outcome outcome = app.bootstrapAdmin.handle(root());

        assertThat(outcome.kind()).isEqualTo(Outcome.Kind.NAME_TAKEN);
        assertThat(stored("root")).isEqualTo(squatter);
        assertThat(app.bootstrapAdmin.anyAdmin()).isFalse();
    }

    @Test
    void registering_the_bootstrap_name_after_it_was_made_is_refused_and_gives_no_role() {
        app.bootstrapAdmin.handle(root());
        User root = stored("root");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> app.register(Users.withNick("Root")))
                .isInstanceOf(org.msapp.domain.user.NickNameTaken.class);
        assertThat(stored("root")).isEqualTo(root);
    }
}
