package org.msapp.application.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msapp.application.access.Caller;
import org.msapp.application.access.Forbidden;
import org.msapp.application.fixtures.InMemoryServices;
import org.msapp.application.fixtures.Orders;
import org.msapp.application.fixtures.Users;
import org.msapp.application.order.DeleteOrder;
import org.msapp.application.order.GetOrder;
import org.msapp.application.order.ListAllOrders;
import org.msapp.application.order.ListOrdersOfUser;
import org.msapp.application.order.PlaceOrder;
import org.msapp.application.order.UpdateOrder;
import org.msapp.application.user.ChangePassword;
import org.msapp.application.user.DeleteUser;
import org.msapp.application.user.FindUserByNickName;
import org.msapp.application.user.GetUser;
import org.msapp.application.user.ListUsers;
import org.msapp.application.user.UpdateUser;
import org.msapp.domain.order.ItemDescription;
import org.msapp.domain.order.ItemPrice;
import org.msapp.domain.order.Order;
import org.msapp.domain.order.OrderChanges;
import org.msapp.domain.order.Quantity;
import org.msapp.domain.user.NickName;
import org.msapp.domain.user.Password;
import org.msapp.domain.user.User;
import org.msapp.domain.user.UserChanges;

/**
 * The access rules of DESIGN section 4, on the use cases alone: a user touches their own user and
 * orders; someone else's is Forbidden; an administrator touches everything, lists included.
 */
class AccessRulesTest {
    private final InMemoryServices app = new InMemoryServices();
    private User alice;
    private User bob;
    private Order alicesOrder;
    private Caller asAlice;
    private Caller asBob;
    private final Caller asAdmin = InMemoryServices.ADMIN;

    @BeforeEach
    void aliceWithAnOrder_andBob() {
        alice = app.register(Users.alice());
        bob = app.register(Users.bob());
        alicesOrder = app.place(Orders.placedBy(alice));
        asAlice = InMemoryServices.callerOf(alice);
        asBob = InMemoryServices.callerOf(bob);
    }

    /** What each caller-taking use case does on alice's user or alice's order, for {@code who}. */
    private Consumer<Caller> readUser() {
        return who -> app.getUser.handle(new GetUser.Query(who, alice.id()));
    }

    private Consumer<Caller> changeUser() {
        return who -> app.updateUser.handle(new UpdateUser.Command(who, alice.id(), UserChanges.none(), InMemoryServices.anyVersion()));
    }

    private Consumer<Caller> changePassword() {
        return who -> app.changePassword.handle(new ChangePassword.Command(who, alice.id(),
                Optional.of(Password.candidate(Password.FIELD, "alice-password-1")), Password.newPassword("new_password", "alice-password-1"),
                InMemoryServices.anyVersion()));
    }

    private Consumer<Caller> placeOrder() {
        return who -> app.placeOrder.handle(new PlaceOrder.Command(who, alice.id(), ItemDescription.of("Pen"), Quantity.of(1),
                ItemPrice.of(100)));
    }

    private Consumer<Caller> listOrders() {
        return who -> app.listOrdersOfUser.handle(new ListOrdersOfUser.Query(who, alice.id(), 10, Optional.empty()));
    }

    private Consumer<Caller> readOrder() {
        return who -> app.getOrder.handle(new GetOrder.Query(who, alicesOrder.id()));
    }

    private Consumer<Caller> changeOrder() {
        return who -> app.updateOrder.handle(new UpdateOrder.Command(who, alicesOrder.id(), OrderChanges.none(),
                InMemoryServices.anyVersion()));
    }

    @Test
    void a_user_may_do_everything_to_their_own_user_and_orders() {
        for (Consumer<Caller> op : List.of(readUser(), changeUser(), changePassword(), placeOrder(), listOrders(),
                readOrder(), changeOrder())) {
            assertThatCode(() -> op.accept(asAlice)).doesNotThrowAnyException();
        }
    }

    @Test
    void another_user_may_do_nothing_to_them_and_changes_nothing() {
        for (Consumer<Caller> op : List.of(readUser(), changeUser(), changePassword(), placeOrder(), listOrders(),
                readOrder(), changeOrder())) {
            assertThatThrownBy(() -> op.accept(asBob)).isInstanceOf(Forbidden.class);
        }
        assertThatThrownBy(() -> app.deleteOrder.handle(new DeleteOrder.Command(asBob, alicesOrder.id(), InMemoryServices.anyVersion())))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> app.deleteUser.handle(new DeleteUser.Command(asBob, alice.id(), InMemoryServices.anyVersion())))
                .isInstanceOf(Forbidden.class);
        assertThat(app.getOrder.handle(new GetOrder.Query(asAlice, alicesOrder.id()))).isEqualTo(alicesOrder);
        assertThat(app.listOrdersOfUser.handle(new ListOrdersOfUser.Query(asAlice, alice.id(), 10, Optional.empty())).items())
                .containsExactly(alicesOrder);
    }

    @Test
    void an_administrator_may_do_everything_to_anyone() {
        for (Consumer<Caller> op : List.of(readUser(), changeUser(), changePassword(), placeOrder(), listOrders(),
                readOrder(), changeOrder())) {
            assertThatCode(() -> op.accept(asAdmin)).doesNotThrowAnyException();
        }
        app.deleteOrder.handle(new DeleteOrder.Command(asAdmin, alicesOrder.id(), InMemoryServices.anyVersion()));
        app.listOrdersOfUser.handle(new ListOrdersOfUser.Query(asAdmin, alice.id(), 10, Optional.empty())).items()
                .forEach(o -> app.deleteOrder.handle(new DeleteOrder.Command(asAdmin, o.id(), InMemoryServices.anyVersion())));
        assertThatCode(() -> app.deleteUser.handle(new DeleteUser.Command(asAdmin, alice.id(), InMemoryServices.anyVersion())))
                .doesNotThrowAnyException();
    }

    @Test
    void the_lists_of_everyone_are_for_administrators_only() {
        assertThatThrownBy(() -> app.listUsers.handle(new ListUsers.Query(asAlice, 10, Optional.empty()))).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> app.listAllOrders.handle(new ListAllOrders.Query(asAlice, 10, Optional.empty())))
                .isInstanceOf(Forbidden.class);

        assertThat(app.listUsers.handle(new ListUsers.Query(asAdmin, 10, Optional.empty())).items()).containsExactly(alice, bob);
        assertThat(app.listAllOrders.handle(new ListAllOrders.Query(asAdmin, 10, Optional.empty())).items())
                .containsExactly(alicesOrder);
    }

    @Test
    void a_user_may_look_up_their_own_nick_name_but_not_anothers() {
        assertThat(app.findUserByNickName.handle(new FindUserByNickName.Query(asAlice, alice.nickName()))).contains(alice);
        assertThatThrownBy(() -> app.findUserByNickName.handle(new FindUserByNickName.Query(asAlice, bob.nickName())))
                .isInstanceOf(Forbidden.class);
        assertThat(app.findUserByNickName.handle(new FindUserByNickName.Query(asAdmin, bob.nickName()))).contains(bob);
    }
}
