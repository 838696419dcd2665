package org.msapp.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.msapp.adapters.http.Api;
import org.msapp.application.fixtures.InMemoryServices;
import org.msapp.application.fixtures.Users;
import org.msapp.domain.user.NickName;

class FirstAdminTest {
    private final InMemoryServices app = new InMemoryServices();
    private final List<String> reported = new ArrayList<>();
    private final List<String> warned = new ArrayList<>();

    private void ensure(boolean configured) {
        FirstAdmin.ensure(app.bootstrapAdmin, configured ? Optional.of(Api.bootstrapAdmin()) : Optional.empty(),
                reported::add, warned::add);
    }

    private boolean rootIsAdmin() {
        return app.persistence.inTransaction(s -> s.users().findByNickName(NickName.of(Api.ADMIN))).orElseThrow().admin();
    }

    @Test
    void it_makes_the_administrator_and_says_so_without_the_password() {
        ensure(true);

        assertThat(reported).singleElement().asString().startsWith("[✓] administrators: made 'root' (user ");
        assertThat(warned).isEmpty();
        assertThat(rootIsAdmin()).isTrue();
        assertThat(String.join("\n", reported)).doesNotContain(Api.ADMIN_PASSWORD);
    }

    @Test
    void a_later_start_finds_the_administrator_with_or_without_the_settings() {
        ensure(true);
        reported.clear();

        ensure(true);
        ensure(false);

        assertThat(reported).containsExactly("[✓] administrators: present (ADMIN_BOOTSTRAP_* is not needed)",
                "[✓] administrators: present");
        assertThat(warned).isEmpty();
    }

    @Test
    void a_user_who_took_the_name_first_is_given_nothing_and_the_warning_says_why() {
        app.register(Users.withNick("Root"));

        ensure(true);

        assertThat(rootIsAdmin()).isFalse();
        assertThat(reported).isEmpty();
        assertThat(warned).singleElement().asString().contains("'root' (ADMIN_BOOTSTRAP_NICK_NAME) is a user without the role")
                .contains("nothing was granted").doesNotContain(Api.ADMIN_PASSWORD);
    }

    @Test
    void with_no_administrator_and_no_settings_it_warns_how_to_make_one() {
        ensure(false);

        assertThat(warned).singleElement().asString().contains("ADMIN_BOOTSTRAP_NICK_NAME").contains("ADMIN_BOOTSTRAP_PASSWORD");
    }
}
