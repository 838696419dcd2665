package org.msapp.application.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.msapp.application.fixtures.InMemoryServices;
import org.msapp.application.fixtures.Users;
import org.msapp.application.paging.Page;
import org.msapp.domain.InvalidField;
import org.msapp.domain.user.User;
import org.msapp.domain.user.UserId;

class ListUsersTest {
    private final InMemoryServices app = new InMemoryServices();

    private List<User> registerFive() {
        List<User> users = new ArrayList<>();
        for (String nick : List.of("ana", "bia", "caio", "duda", "enzo")) users.add(app.register(Users.withNick(nick)));
        return users;
    }

    @Test
    void five_users_in_pages_of_two_come_as_two_two_and_one_and_the_last_has_no_next() {
        List<User> all = registerFive();

        Page<User> first = app.listUsers.handle(new ListUsers.Query(InMemoryServices.ADMIN, 2, Optional.empty()));
        Page<User> second = app.listUsers.handle(new ListUsers.Query(InMemoryServices.ADMIN, 2, first.nextAfter().map(UserId::new)));
        Page<User> third = app.listUsers.handle(new ListUsers.Query(InMemoryServices.ADMIN, 2, second.nextAfter().map(UserId::new)));

        assertThat(first.items()).containsExactly(all.get(0), all.get(1));
        assertThat(first.nextAfter()).contains(all.get(1).id().value());
        assertThat(second.items()).containsExactly(all.get(2), all.get(3));
        assertThat(third.items()).containsExactly(all.get(4));
        assertThat(third.nextAfter()).isEmpty();
    }

    @Test
    void a_page_that_holds_exactly_the_rest_has_no_next() {
        List<User> all = registerFive();

        Page<User> page = app.listUsers.handle(new ListUsers.Query(InMemoryServices.ADMIN, 5, Optional.empty()));

        assertThat(page.items()).containsExactlyElementsOf(all);
        assertThat(page.nextAfter()).isEmpty();
    }

    @Test
    void no_users_is_one_empty_page() {
        Page<User> page = app.listUsers.handle(new ListUsers.Query(InMemoryServices.ADMIN, Page.DEFAULT_LIMIT, Optional.empty()));

        assertThat(page.items()).isEmpty();
        assertThat(page.nextAfter()).isEmpty();
    }

    @Test
    void a_limit_outside_1_to_200_is_refused() {
        assertThatThrownBy(() -> new ListUsers.Query(InMemoryServices.ADMIN, 0, Optional.empty())).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> new ListUsers.Query(InMemoryServices.ADMIN, 201, Optional.empty())).isInstanceOf(InvalidField.class);
        assertThat(new ListUsers.Query(InMemoryServices.ADMIN, 200, Optional.empty()).limit()).isEqualTo(200);
    }
}
