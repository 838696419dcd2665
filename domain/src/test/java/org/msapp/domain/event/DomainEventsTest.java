package org.msapp.domain.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.msapp.domain.Fixtures.CPF;
import static org.msapp.domain.Fixtures.HASH;
import static org.msapp.domain.Fixtures.T0;
import static org.msapp.domain.Fixtures.order;
import static org.msapp.domain.Fixtures.user;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.msapp.domain.order.ItemDescription;
import org.msapp.domain.order.ItemPrice;
import org.msapp.domain.order.Order;
import org.msapp.domain.order.OrderChanges;
import org.msapp.domain.order.OrderId;
import org.msapp.domain.order.Quantity;
import org.msapp.domain.user.Cpf;
import org.msapp.domain.user.FullName;
import org.msapp.domain.user.PasswordHash;
import org.msapp.domain.user.User;
import org.msapp.domain.user.UserChanges;
import org.msapp.domain.user.UserId;

class DomainEventsTest {
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T0.plusSeconds(120);
    private static final String NEW_HASH = "$argon2id$v=19$m=65536,t=3,p=4$bmV3c2FsdA$bmV3aGFzaA";
    private static final String[] USER_KEYS = {"user_id", "nick_name", "full_name", "cpf", "email", "phone_number",
            "created_at", "updated_at", "version"};
    private static final String[] ORDER_KEYS = {"order_id", "user_id", "item_description", "item_quantity", "item_price",
            "total_value", "created_at", "updated_at", "version"};

    private static User updatedUser() {
        return user().update(new UserChanges(Optional.empty(), Optional.of(FullName.of("Ana S.")), Optional.empty(),
                Optional.empty()), T1);
    }

    private static Order updatedOrder() {
        return order().update(new OrderChanges(Optional.empty(), Optional.of(Quantity.of(4)), Optional.empty()), T1);
    }

    /** Every kind of event, each from the fixtures. */
    static Stream<DomainEvent> everyEvent() {
        User user = user();
        Order order = order();
        return Stream.of(UserRegistered.of(user), UserUpdated.of(updatedUser()),
                UserPasswordChanged.of(user.changePassword(new PasswordHash(NEW_HASH), T1)), UserDeleted.of(user, T2),
                OrderPlaced.of(order), OrderUpdated.of(updatedOrder()), OrderDeleted.of(order, T2));
    }

    @Test
    void every_kind_of_event_is_covered_here() {
        assertThat(everyEvent().map(Object::getClass)).containsExactlyInAnyOrder(DomainEvent.class.getPermittedSubclasses());
    }

    @Test
    void user_registered() {
        User user = user();
        UserRegistered event = UserRegistered.of(user);
        assertThat(event.type()).isEqualTo("user.registered");
        assertThat(event.subject()).isEqualTo("users/7");
        assertThat(event.occurredAt()).isEqualTo(T0);
        assertThat(event.data()).containsOnlyKeys(USER_KEYS)
                .containsEntry("user_id", 7L)
                .containsEntry("nick_name", "ana.silva")
                .containsEntry("full_name", "Ana Silva")
                .containsEntry("cpf", "***.444.777-**")
                .containsEntry("email", "ana@example.com")
                .containsEntry("phone_number", "+55 (11) 91234-5678")
                .containsEntry("created_at", "2024-01-02T03:04:05Z")
                .containsEntry("updated_at", "2024-01-02T03:04:05Z")
                .containsEntry("version", 1L);
    }

    @Test
    void user_updated() {
        UserUpdated event = UserUpdated.of(updatedUser());
        assertThat(event.type()).isEqualTo("user.updated");
        assertThat(event.subject()).isEqualTo("users/7");
        assertThat(event.occurredAt()).isEqualTo(T1);
        assertThat(event.data()).containsOnlyKeys(USER_KEYS)
                .containsEntry("full_name", "Ana S.")
                .containsEntry("cpf", "***.444.777-**")
                .containsEntry("created_at", T0.toString())
                .containsEntry("updated_at", T1.toString())
                .containsEntry("version", 2L);
    }

    @Test
    void user_password_changed_carries_only_the_id_and_the_version() {
        UserPasswordChanged event = UserPasswordChanged.of(user().changePassword(new PasswordHash(NEW_HASH), T1));
        assertThat(event.type()).isEqualTo("user.password_changed");
        assertThat(event.subject()).isEqualTo("users/7");
        assertThat(event.occurredAt()).isEqualTo(T1);
        assertThat(event.data()).containsOnly(Map.entry("user_id", 7L), Map.entry("version", 2L));
    }

    @Test
    void user_deleted_carries_the_id_and_the_nick_name() {
        UserDeleted event = UserDeleted.of(user(), T2);
        assertThat(event.type()).isEqualTo("user.deleted");
        assertThat(event.subject()).isEqualTo("users/7");
        assertThat(event.occurredAt()).isEqualTo(T2);
        assertThat(event.data()).containsOnly(Map.entry("user_id", 7L), Map.entry("nick_name", "ana.silva"));
    }

    @Test
    void order_placed() {
        OrderPlaced event = OrderPlaced.of(order());
        assertThat(event.type()).isEqualTo("order.placed");
        assertThat(event.subject()).isEqualTo("orders/42");
        assertThat(event.occurredAt()).isEqualTo(T0);
        assertThat(event.data()).containsOnlyKeys(ORDER_KEYS)
                .containsEntry("order_id", 42L)
                .containsEntry("user_id", 7L)
                .containsEntry("item_description", "A keyboard")
                .containsEntry("item_quantity", 3L)
                .containsEntry("item_price", 1_250L)
                .containsEntry("total_value", 3_750L)
                .containsEntry("created_at", T0.toString())
                .containsEntry("updated_at", T0.toString())
                .containsEntry("version", 1L);
    }

    @Test
    void order_placed_carries_the_largest_total_exactly() {
        Order largest = Order.place(new OrderId(42), new UserId(7), ItemDescription.of("gold"), Quantity.of(1_000_000),
                ItemPrice.of(100_000_000), T0);
        assertThat(OrderPlaced.of(largest).data()).containsEntry("total_value", 100_000_000_000_000L);
    }

    @Test
    void order_updated() {
        OrderUpdated event = OrderUpdated.of(updatedOrder());
        assertThat(event.type()).isEqualTo("order.updated");
        assertThat(event.subject()).isEqualTo("orders/42");
        assertThat(event.occurredAt()).isEqualTo(T1);
        assertThat(event.data()).containsOnlyKeys(ORDER_KEYS)
                .containsEntry("user_id", 7L)
                .containsEntry("item_quantity", 4L)
                .containsEntry("total_value", 5_000L)
                .containsEntry("updated_at", T1.toString())
                .containsEntry("version", 2L);
    }

    @Test
    void order_deleted_carries_the_order_and_its_owner() {
        OrderDeleted event = OrderDeleted.of(order(), T2);
        assertThat(event.type()).isEqualTo("order.deleted");
        assertThat(event.subject()).isEqualTo("orders/42");
        assertThat(event.occurredAt()).isEqualTo(T2);
        assertThat(event.data()).containsOnly(Map.entry("order_id", 42L), Map.entry("user_id", 7L));
    }

    @Test
    void types_are_distinct_routing_keys() {
        assertThat(everyEvent().map(DomainEvent::type))
                .doesNotHaveDuplicates()
                .allMatch(type -> type.matches("(user|order)\\.[a-z_]+"));
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void data_is_json_ready_values_only(DomainEvent event) {
        assertThat(event.data().values()).allMatch(v -> v instanceof String || v instanceof Long || v instanceof Boolean);
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void no_event_carries_a_password_hash_or_the_cpf_in_clear(DomainEvent event) {
        for (Object value : event.data().values()) {
            assertThat(String.valueOf(value)).doesNotContain(HASH).doesNotContain(NEW_HASH).doesNotContain("argon2")
                    .doesNotContain(CPF).doesNotContain("111.444.777-35");
        }
        assertThat(event.toString()).doesNotContain(HASH).doesNotContain(NEW_HASH).doesNotContain(CPF);
    }

    @Test
    void a_stored_cpf_that_breaks_the_rules_is_still_masked_in_events() {
        User u = user();
        for (String stored : new String[] {"111.444.777-35", "1114447773", "111444777350"}) {
            User tutorial = new User(u.id(), u.nickName(), u.passwordHash(), u.fullName(), Cpf.stored(stored), u.email(),
                    u.phoneNumber(), T0, T0, 1, 1);
            assertThat(UserRegistered.of(tutorial).data()).containsEntry("cpf", "***.***.***-**");
            assertThat(UserUpdated.of(tutorial.update(UserChanges.none(), T1)).data()).containsEntry("cpf", "***.***.***-**");
        }
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void data_cannot_be_changed_after_the_fact(DomainEvent event) {
        assertThatThrownBy(() -> event.data().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void an_event_keeps_a_copy_of_the_data_it_was_given() {
        Map<String, Object> data = new HashMap<>(Map.of("user_id", 7L));
        UserDeleted event = new UserDeleted("users/7", T0, data);
        data.put("password", HASH);
        assertThat(event.data()).containsOnlyKeys("user_id");
    }
}
