package org.msapp.domain.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.msapp.domain.Fixtures.CPF;
import static org.msapp.domain.Fixtures.HASH;
import static org.msapp.domain.Fixtures.T0;
import static org.msapp.domain.Fixtures.order;
import static org.msapp.domain.Fixtures.placement;
import static org.msapp.domain.Fixtures.registration;
import static org.msapp.domain.Fixtures.user;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.msapp.domain.Change;
import org.msapp.domain.order.Order;
import org.msapp.domain.order.OrderChanges;
import org.msapp.domain.order.OrderDeleted;
import org.msapp.domain.order.OrderEvent;
import org.msapp.domain.order.OrderId;
import org.msapp.domain.order.OrderPlaced;
import org.msapp.domain.order.OrderUpdated;
import org.msapp.domain.order.Quantity;
import org.msapp.domain.user.Cpf;
import org.msapp.domain.user.FullName;
import org.msapp.domain.user.NickName;
import org.msapp.domain.user.PasswordHash;
import org.msapp.domain.user.User;
import org.msapp.domain.user.UserChanges;
import org.msapp.domain.user.UserDeleted;
import org.msapp.domain.user.UserEvent;
import org.msapp.domain.user.UserId;
import org.msapp.domain.user.UserPasswordChanged;
import org.msapp.domain.user.UserRegistered;
import org.msapp.domain.user.UserSnapshot;
import org.msapp.domain.user.UserUpdated;

/** Every change of state comes with its event, made by the aggregate's own behaviour. */
class DomainEventsTest {
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T0.plusSeconds(120);
    private static final String NEW_HASH = "$argon2id$v=19$m=65536,t=3,p=4$bmV3c2FsdA$bmV3aGFzaA";

    private static Change<User, UserUpdated> userUpdate() {
        return user().update(new UserChanges(Optional.empty(), Optional.of(FullName.of("Ana S.")), Optional.empty(),
                Optional.empty()), T1);
    }

    private static Change<Order, OrderUpdated> orderUpdate() {
        return order().update(new OrderChanges(Optional.empty(), Optional.of(Quantity.of(4)), Optional.empty()), T1);
    }

    /** Every kind of event, each from a behaviour of the fixtures. */
    static Stream<DomainEvent> everyEvent() {
        return Stream.of(registration().event(), userUpdate().event(),
                user().changePassword(new PasswordHash(NEW_HASH), T1).event(), user().delete(T2),
                placement().event(), orderUpdate().event(), order().delete(T2));
    }

    @Test
    void every_kind_of_event_is_covered_here() {
        var kinds = Stream.concat(Arrays.stream(UserEvent.class.getPermittedSubclasses()),
                Arrays.stream(OrderEvent.class.getPermittedSubclasses())).toArray(Class<?>[]::new);
        assertThat(everyEvent().map(Object::getClass)).containsExactlyInAnyOrder(kinds);
    }

    @Test
    void user_registered() {
        Change<User, UserRegistered> registered = registration();
        UserRegistered event = registered.event();
        assertThat(event.type()).isEqualTo("user.registered");
        assertThat(event.subject()).isEqualTo("users/7");
        assertThat(event.occurredAt()).isEqualTo(T0);
        assertThat(event.user()).isEqualTo(new UserSnapshot(new UserId(7), NickName.of("ana.silva"), FullName.of("Ana Silva"),
                "***.444.777-**", registered.state().email(), registered.state().phoneNumber(), T0, T0, 1, false));
    }

    @Test
    void user_updated() {
        Change<User, UserUpdated> updated = userUpdate();
        UserUpdated event = updated.event();
        assertThat(event.type()).isEqualTo("user.updated");
        assertThat(event.subject()).isEqualTo("users/7");
        assertThat(event.occurredAt()).isEqualTo(T1);
        assertThat(event.user().fullName()).isEqualTo(FullName.of("Ana S."));
        assertThat(event.user().maskedCpf()).isEqualTo("***.444.777-**");
        assertThat(event.user().createdAt()).isEqualTo(T0);
        assertThat(event.user().updatedAt()).isEqualTo(T1);
        assertThat(event.user().version()).isEqualTo(2L).isEqualTo(updated.state().version());
    }

    @Test
    void user_password_changed_carries_only_the_id_and_the_version() {
        UserPasswordChanged event = user().changePassword(new PasswordHash(NEW_HASH), T1).event();
        assertThat(event.type()).isEqualTo("user.password_changed");
        assertThat(event.subject()).isEqualTo("users/7");
        assertThat(event.occurredAt()).isEqualTo(T1);
        assertThat(event).isEqualTo(new UserPasswordChanged(new UserId(7), 2, T1));
    }

    @Test
    void user_deleted_carries_the_id_and_the_nick_name() {
        UserDeleted event = user().delete(T2);
        assertThat(event.type()).isEqualTo("user.deleted");
        assertThat(event.subject()).isEqualTo("users/7");
        assertThat(event.occurredAt()).isEqualTo(T2);
        assertThat(event).isEqualTo(new UserDeleted(new UserId(7), NickName.of("ana.silva"), T2));
    }

    @Test
    void order_placed() {
        Change<Order, OrderPlaced> placed = placement();
        OrderPlaced event = placed.event();
        assertThat(event.type()).isEqualTo("order.placed");
        assertThat(event.subject()).isEqualTo("orders/42");
        assertThat(event.occurredAt()).isEqualTo(T0);
        assertThat(event.order()).isEqualTo(placed.state());
    }

    @Test
    void order_updated() {
        Change<Order, OrderUpdated> updated = orderUpdate();
        OrderUpdated event = updated.event();
        assertThat(event.type()).isEqualTo("order.updated");
        assertThat(event.subject()).isEqualTo("orders/42");
        assertThat(event.occurredAt()).isEqualTo(T1);
        assertThat(event.order()).isEqualTo(updated.state());
        assertThat(event.order().version()).isEqualTo(2L);
    }

    @Test
    void order_deleted_carries_the_order_and_its_owner() {
        OrderDeleted event = order().delete(T2);
        assertThat(event.type()).isEqualTo("order.deleted");
        assertThat(event.subject()).isEqualTo("orders/42");
        assertThat(event.occurredAt()).isEqualTo(T2);
        assertThat(event).isEqualTo(new OrderDeleted(new OrderId(42), new UserId(7), T2));
    }

    @Test
    void types_are_distinct_routing_keys() {
        assertThat(everyEvent().map(DomainEvent::type))
                .doesNotHaveDuplicates()
                .allMatch(type -> type.matches("(user|order)\\.[a-z_]+"));
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void no_event_carries_a_password_hash_or_the_cpf_in_clear(DomainEvent event) {
        assertThat(event.toString()).doesNotContain(HASH).doesNotContain(NEW_HASH).doesNotContain("argon2")
                .doesNotContain(CPF).doesNotContain("111.444.777-35");
    }

    @Test
    void a_stored_cpf_that_breaks_the_rules_is_still_masked_in_events() {
        User u = user();
        for (String stored : new String[] {"111.444.777-35", "1114447773", "111444777350"}) {
            User tutorial = new User(u.id(), u.nickName(), u.passwordHash(), u.fullName(), Cpf.stored(stored), u.email(),
                    u.phoneNumber(), T0, T0, 1, 1, false);
            assertThat(User.register(u.id(), u.nickName(), u.passwordHash(), u.fullName(), Cpf.stored(stored), u.email(),
                    u.phoneNumber(), T0).event().user().maskedCpf()).isEqualTo("***.***.***-**");
            assertThat(tutorial.update(UserChanges.none(), T1).event().user().maskedCpf()).isEqualTo("***.***.***-**");
        }
    }
}
