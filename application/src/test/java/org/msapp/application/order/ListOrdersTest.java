package org.msapp.application.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msapp.application.fixtures.InMemoryServices;
import org.msapp.application.fixtures.Orders;
import org.msapp.application.fixtures.Users;
import org.msapp.application.paging.Page;
import org.msapp.domain.InvalidField;
import org.msapp.domain.order.Order;
import org.msapp.domain.order.OrderId;
import org.msapp.domain.user.User;
import org.msapp.domain.user.UserId;
import org.msapp.domain.user.UserNotFound;

class ListOrdersTest {
    private final InMemoryServices app = new InMemoryServices();
    private User alice;
    private User bob;

    @BeforeEach
    void registerAliceAndBob() {
        alice = app.register(Users.alice());
        bob = app.register(Users.bob());
    }

    private Page<Order> ofUser(User user, int limit, Optional<Long> after) {
        return app.listOrdersOfUser.handle(new ListOrdersOfUser.Query(InMemoryServices.ADMIN, user.id(), limit, after.map(OrderId::new)));
    }

    @Test
    void the_orders_of_a_missing_user_are_not_found() {
        UserId nobody = new UserId(bob.id().value() + 1);

        assertThatThrownBy(() -> app.listOrdersOfUser.handle(new ListOrdersOfUser.Query(InMemoryServices.ADMIN, nobody, 10, Optional.empty())))
                .isInstanceOf(UserNotFound.class);
    }

    @Test
    void a_user_without_orders_has_one_empty_page() {
        app.place(Orders.placedBy(bob));

        Page<Order> page = ofUser(alice, 10, Optional.empty());

        assertThat(page.items()).isEmpty();
        assertThat(page.nextAfter()).isEmpty();
    }

    @Test
    void five_orders_of_a_user_in_pages_of_two_come_as_two_two_and_one_and_never_include_anothers() {
        List<Order> alices = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            alices.add(app.place(Orders.placedBy(alice).withQuantity(i)));
            app.place(Orders.placedBy(bob).withQuantity(i));
        }

        Page<Order> first = ofUser(alice, 2, Optional.empty());
        Page<Order> second = ofUser(alice, 2, first.nextAfter());
        Page<Order> third = ofUser(alice, 2, second.nextAfter());

        assertThat(first.items()).containsExactly(alices.get(0), alices.get(1));
        assertThat(second.items()).containsExactly(alices.get(2), alices.get(3));
        assertThat(third.items()).containsExactly(alices.get(4));
        assertThat(third.nextAfter()).isEmpty();
    }

    @Test
    void all_orders_of_everyone_are_paged_by_id() {
        List<Order> all = new ArrayList<>();
        for (int i = 1; i <= 5; i++) all.add(app.place(Orders.placedBy(i % 2 == 0 ? bob : alice).withQuantity(i)));

        Page<Order> first = app.listAllOrders.handle(new ListAllOrders.Query(InMemoryServices.ADMIN, 2, Optional.empty()));
        Page<Order> second = app.listAllOrders.handle(new ListAllOrders.Query(InMemoryServices.ADMIN, 2, first.nextAfter().map(OrderId::new)));
        Page<Order> third = app.listAllOrders.handle(new ListAllOrders.Query(InMemoryServices.ADMIN, 2, second.nextAfter().map(OrderId::new)));

        assertThat(first.items()).containsExactly(all.get(0), all.get(1));
        assertThat(second.items()).containsExactly(all.get(2), all.get(3));
        assertThat(third.items()).containsExactly(all.get(4));
        assertThat(third.nextAfter()).isEmpty();
    }

    @Test
    void a_limit_outside_1_to_200_is_refused() {
        assertThatThrownBy(() -> new ListOrdersOfUser.Query(InMemoryServices.ADMIN, alice.id(), 0, Optional.empty())).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> new ListOrdersOfUser.Query(InMemoryServices.ADMIN, alice.id(), 201, Optional.empty())).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> new ListAllOrders.Query(InMemoryServices.ADMIN, 0, Optional.empty())).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> new ListAllOrders.Query(InMemoryServices.ADMIN, 201, Optional.empty())).isInstanceOf(InvalidField.class);
    }
}
