package org.msapp.application.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.msapp.application.tracing.Trace;
import org.msapp.domain.Change;
import org.msapp.domain.event.DomainEvent;
import org.msapp.domain.order.ItemDescription;
import org.msapp.domain.order.ItemPrice;
import org.msapp.domain.order.Order;
import org.msapp.domain.order.OrderChanges;
import org.msapp.domain.order.OrderEvent;
import org.msapp.domain.order.OrderId;
import org.msapp.domain.order.OrderPlaced;
import org.msapp.domain.order.Quantity;
import org.msapp.domain.user.Cpf;
import org.msapp.domain.user.Email;
import org.msapp.domain.user.FullName;
import org.msapp.domain.user.NickName;
import org.msapp.domain.user.PasswordHash;
import org.msapp.domain.user.PhoneNumber;
import org.msapp.domain.user.User;
import org.msapp.domain.user.UserChanges;
import org.msapp.domain.user.UserEvent;
import org.msapp.domain.user.UserId;
import org.msapp.domain.user.UserRegistered;

/** What consumers receive of each domain event: {@link OutboxEvent#of} writes its data. */
class OutboxEventTest {
    private static final Instant T0 = Instant.parse("2024-01-02T03:04:05Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T0.plusSeconds(120);
    private static final String HASH = "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA";
    private static final String NEW_HASH = "$argon2id$v=19$m=65536,t=3,p=4$bmV3c2FsdA$bmV3aGFzaA";
    private static final String CPF = "11144477735";
    private static final String[] USER_KEYS = {"user_id", "nick_name", "full_name", "cpf", "email", "phone_number",
            "created_at", "updated_at", "version", "roles"};
    private static final String[] ORDER_KEYS = {"order_id", "user_id", "item_description", "item_quantity", "item_price",
            "total_value", "created_at", "updated_at", "version"};

    private static User user() {
        return register(Cpf.of(CPF)).state();
    }

    private static Change<User, UserRegistered> register(Cpf cpf) {
        return User.register(new UserId(7), NickName.of("ana.silva"), new PasswordHash(HASH), FullName.of("Ana Silva"),
                cpf, Email.of("ana@example.com"), PhoneNumber.of("+55 (11) 91234-5678"), T0);
    }

    private static Order order() {
        return placed(Quantity.of(3), ItemPrice.of(1_250)).state();
    }

    private static Change<Order, OrderPlaced> placed(Quantity quantity, ItemPrice price) {
        return Order.place(new OrderId(42), new UserId(7), ItemDescription.of("A keyboard"), quantity, price, T0);
    }

    private static Map<String, Object> data(DomainEvent event) {
        return OutboxEvent.of(UUID.randomUUID(), event).data();
    }

    static Stream<DomainEvent> everyEvent() {
        return Stream.of(register(Cpf.of(CPF)).event(),
                user().update(new UserChanges(Optional.empty(), Optional.of(FullName.of("Ana S.")), Optional.empty(),
                        Optional.empty()), T1).event(),
                user().changePassword(new PasswordHash(NEW_HASH), T1).event(), user().delete(T2),
                placed(Quantity.of(3), ItemPrice.of(1_250)).event(),
                order().update(new OrderChanges(Optional.empty(), Optional.of(Quantity.of(4)), Optional.empty()), T1).event(),
                order().delete(T2));
    }

    @Test
    void every_kind_of_event_has_an_outbox_form() {
        var kinds = Stream.concat(Arrays.stream(UserEvent.class.getPermittedSubclasses()),
                Arrays.stream(OrderEvent.class.getPermittedSubclasses())).toArray(Class<?>[]::new);
        assertThat(everyEvent().map(Object::getClass)).containsExactlyInAnyOrder(kinds);
        everyEvent().forEach(event -> assertThat(data(event)).as(event.type()).isNotEmpty());
    }

    @Test
    void the_outbox_keeps_the_events_id_type_subject_and_time() {
        UUID id = UUID.randomUUID();
        OutboxEvent event = OutboxEvent.of(id, user().delete(T2));
        assertThat(event).isEqualTo(new OutboxEvent(id, "user.deleted", "users/7", T2,
                Map.of("user_id", 7L, "nick_name", "ana.silva"), 0));
    }

    @Test
    void an_event_made_while_a_request_is_served_keeps_that_requests_trace_and_one_made_outside_none() {
        Trace trace = new Trace("a1b2c3", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        OutboxEvent during;
        try (Trace.Binding ignored = Trace.bind(trace)) {
            during = OutboxEvent.of(UUID.randomUUID(), user().delete(T2));
        }
        OutboxEvent after = OutboxEvent.of(UUID.randomUUID(), user().delete(T2));

        assertThat(during.trace()).isEqualTo(trace);
        assertThat(after.trace()).isNull();
    }

    @Test
    void a_retried_event_counts_one_more_attempt_and_keeps_the_rest() {
        OutboxEvent first = new OutboxEvent(UUID.randomUUID(), "user.deleted", "users/7", T2, Map.of("user_id", 7L), 0,
                new Trace("r-1", null));

        OutboxEvent retried = first.retried();

        assertThat(retried).isEqualTo(new OutboxEvent(first.id(), "user.deleted", "users/7", T2, Map.of("user_id", 7L), 1,
                new Trace("r-1", null)));
    }

    @Test
    void user_registered() {
        assertThat(data(register(Cpf.of(CPF)).event())).containsOnlyKeys(USER_KEYS)
                .containsEntry("user_id", 7L)
                .containsEntry("nick_name", "ana.silva")
                .containsEntry("full_name", "Ana Silva")
                .containsEntry("cpf", "***.444.777-**")
                .containsEntry("email", "ana@example.com")
                .containsEntry("phone_number", "+55 (11) 91234-5678")
                .containsEntry("created_at", "2024-01-02T03:04:05Z")
                .containsEntry("updated_at", "2024-01-02T03:04:05Z")
                .containsEntry("version", 1L)
                .containsEntry("roles", List.of());
    }

    @Test
    void user_updated() {
        var event = user().update(new UserChanges(Optional.empty(), Optional.of(FullName.of("Ana S.")), Optional.empty(),
                Optional.empty()), T1).event();
        assertThat(data(event)).containsOnlyKeys(USER_KEYS)
                .containsEntry("full_name", "Ana S.")
                .containsEntry("cpf", "***.444.777-**")
                .containsEntry("created_at", T0.toString())
                .containsEntry("updated_at", T1.toString())
                .containsEntry("version", 2L);
    }

    @Test
    void a_change_of_role_is_a_user_updated_that_carries_the_roles() {
        assertThat(data(user().withAdminRole(true, T1).event())).containsEntry("roles", List.of("admin"));
        assertThat(data(user().withAdminRole(true, T1).state().withAdminRole(false, T2).event())).containsEntry("roles", List.of());
    }

    @Test
    void user_password_changed_carries_only_the_id_and_the_version() {
        assertThat(data(user().changePassword(new PasswordHash(NEW_HASH), T1).event()))
                .containsOnly(Map.entry("user_id", 7L), Map.entry("version", 2L));
    }

    @Test
    void user_deleted_carries_the_id_and_the_nick_name() {
        assertThat(data(user().delete(T2))).containsOnly(Map.entry("user_id", 7L), Map.entry("nick_name", "ana.silva"));
    }

    @Test
    void order_placed() {
        assertThat(data(placed(Quantity.of(3), ItemPrice.of(1_250)).event())).containsOnlyKeys(ORDER_KEYS)
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
        assertThat(data(placed(Quantity.of(1_000_000), ItemPrice.of(100_000_000)).event()))
                .containsEntry("total_value", 100_000_000_000_000L);
    }

    @Test
    void order_updated() {
        var event = order().update(new OrderChanges(Optional.empty(), Optional.of(Quantity.of(4)), Optional.empty()), T1).event();
        assertThat(data(event)).containsOnlyKeys(ORDER_KEYS)
                .containsEntry("user_id", 7L)
                .containsEntry("item_quantity", 4L)
                .containsEntry("total_value", 5_000L)
                .containsEntry("updated_at", T1.toString())
                .containsEntry("version", 2L);
    }

    @Test
    void order_deleted_carries_the_order_and_its_owner() {
        assertThat(data(order().delete(T2))).containsOnly(Map.entry("order_id", 42L), Map.entry("user_id", 7L));
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void data_is_json_ready_values_only(DomainEvent event) {
        assertThat(data(event).values()).allMatch(v -> v instanceof String || v instanceof Long || v instanceof Boolean
                || v instanceof List<?> l && l.stream().allMatch(String.class::isInstance));
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void no_event_carries_a_password_hash_or_the_cpf_in_clear(DomainEvent event) {
        for (Object value : data(event).values()) {
            assertThat(String.valueOf(value)).doesNotContain(HASH).doesNotContain(NEW_HASH).doesNotContain("argon2")
                    .doesNotContain(CPF).doesNotContain("111.444.777-35");
        }
    }

    @Test
    void a_stored_cpf_that_breaks_the_rules_is_still_masked_in_events() {
        for (String stored : new String[] {"111.444.777-35", "1114447773", "111444777350"}) {
            var registered = register(Cpf.stored(stored));
            assertThat(data(registered.event())).containsEntry("cpf", "***.***.***-**");
            assertThat(data(registered.state().update(UserChanges.none(), T1).event())).containsEntry("cpf", "***.***.***-**");
        }
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void data_cannot_be_changed_after_the_fact(DomainEvent event) {
        assertThatThrownBy(() -> data(event).put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void an_event_keeps_a_copy_of_the_data_it_was_given() {
        Map<String, Object> data = new HashMap<>(Map.of("user_id", 7L));
        OutboxEvent event = new OutboxEvent(UUID.randomUUID(), "user.deleted", "users/7", T0, data, 0);
        data.put("password", HASH);
        assertThat(event.data()).containsOnlyKeys("user_id");
    }
}
