package org.msapp.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.msapp.domain.Fixtures.T0;
import static org.msapp.domain.Fixtures.order;
import static org.msapp.domain.Fixtures.refusal;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.msapp.domain.Fixtures;
import org.msapp.domain.user.UserId;

class OrderTest {
    private static final Instant T1 = T0.plus(Duration.ofMinutes(5));

    private static OrderChanges price(long cents) {
        return new OrderChanges(Optional.empty(), Optional.empty(), Optional.of(ItemPrice.of(cents)));
    }

    @Test
    void a_placed_order_is_at_version_1_created_and_updated_at_the_same_instant() {
        Order order = order();
        assertThat(order.version()).isEqualTo(1);
        assertThat(order.createdAt()).isEqualTo(T0);
        assertThat(order.updatedAt()).isEqualTo(order.createdAt());
        assertThat(order.id()).isEqualTo(new OrderId(42));
        assertThat(order.userId()).isEqualTo(new UserId(7));
    }

    @Test
    void the_total_is_derived_from_quantity_and_price() {
        assertThat(order().totalValue()).isEqualTo(new Money(3 * 1_250));
    }

    @Test
    void the_largest_order_totals_100_000_000_000_000_cents_exactly() {
        Order order = Order.place(new OrderId(1), new UserId(1), ItemDescription.of("gold"), Quantity.of(1_000_000),
                ItemPrice.of(100_000_000), T0).state();
        assertThat(order.totalValue().cents()).isEqualTo(100_000_000_000_000L);
    }

    @Test
    void a_free_item_totals_zero() {
        Order order = Order.place(new OrderId(1), new UserId(1), ItemDescription.of("gift"), Quantity.of(5), ItemPrice.of(0), T0).state();
        assertThat(order.totalValue().cents()).isZero();
    }

    @Test
    void an_update_returns_the_next_version_with_the_changes_and_leaves_the_original_alone() {
        Order order = order();
        OrderChanges changes = new OrderChanges(Optional.of(ItemDescription.of("A mouse")), Optional.of(Quantity.of(10)),
                Optional.of(ItemPrice.of(99)));

        Order updated = order.update(changes, T1).state();

        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.updatedAt()).isEqualTo(T1);
        assertThat(updated.createdAt()).isEqualTo(T0);
        assertThat(updated.itemDescription().value()).isEqualTo("A mouse");
        assertThat(updated.itemQuantity()).isEqualTo(Quantity.of(10));
        assertThat(updated.itemPrice()).isEqualTo(ItemPrice.of(99));
        assertThat(updated.totalValue()).isEqualTo(new Money(990));
        assertThat(updated.id()).isEqualTo(order.id());

        assertThat(order).isEqualTo(order());
        assertThat(order.version()).isEqualTo(1);
        assertThat(order.totalValue()).isEqualTo(new Money(3_750));
    }

    @Test
    void an_update_changes_only_what_it_names() {
        Order updated = order().update(price(2_000), T1).state();
        assertThat(updated.itemPrice().cents()).isEqualTo(2_000);
        assertThat(updated.itemQuantity()).isEqualTo(order().itemQuantity());
        assertThat(updated.itemDescription()).isEqualTo(order().itemDescription());
        assertThat(updated.totalValue().cents()).isEqualTo(6_000);
    }

    @Test
    void an_order_keeps_its_owner_across_every_update() {
        Order order = order();
        Order updated = order.update(OrderChanges.none(), T1).state()
                .update(price(1), T1.plusSeconds(1)).state()
                .update(new OrderChanges(Optional.of(ItemDescription.of("x")), Optional.of(Quantity.of(1)), Optional.empty()),
                        T1.plusSeconds(2)).state();
        assertThat(updated.userId()).isEqualTo(new UserId(7));
        assertThat(updated.version()).isEqualTo(4);
    }

    @Test
    void an_order_holds_its_owners_id_and_changes_cannot_name_another() {
        assertThat(Arrays.stream(Order.class.getRecordComponents()).filter(c -> c.getType() == UserId.class)
                .map(RecordComponent::getName)).containsExactly("userId");
        assertThat(Arrays.stream(OrderChanges.class.getRecordComponents()).map(RecordComponent::getName))
                .containsExactly("itemDescription", "itemQuantity", "itemPrice");
    }

    @Test
    void a_clock_that_steps_back_does_not_move_updated_at_back() {
        Order later = order().update(OrderChanges.none(), T1).state();
        Order updated = later.update(price(1), T1.minusSeconds(30)).state();
        assertThat(updated.updatedAt()).isEqualTo(T1);
        assertThat(updated.version()).isEqualTo(3);
        assertThat(order().update(OrderChanges.none(), T0.minusSeconds(3600)).state().updatedAt()).isEqualTo(T0);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void the_canonical_constructor_refuses_a_version_below_1(long version) {
        Order o = order();
        assertThatThrownBy(() -> new Order(o.id(), o.userId(), o.itemDescription(), o.itemQuantity(), o.itemPrice(),
                o.createdAt(), o.updatedAt(), version))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version");
    }

    @Test
    void the_canonical_constructor_refuses_an_update_before_the_creation() {
        Order o = order();
        assertThatThrownBy(() -> new Order(o.id(), o.userId(), o.itemDescription(), o.itemQuantity(), o.itemPrice(),
                T0, T0.minusNanos(1), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("updated before");
    }

    static Stream<String> references() {
        return Arrays.stream(Order.class.getRecordComponents()).filter(c -> !c.getType().isPrimitive()).map(RecordComponent::getName);
    }

    @ParameterizedTest
    @MethodSource("references")
    void the_canonical_constructor_requires_every_component(String component) throws Exception {
        assertThat(Fixtures.constructedWithNull(order(), component))
                .isInstanceOf(NullPointerException.class).hasMessage(component);
    }

    @Test
    void the_canonical_constructor_rehydrates_stored_values_that_predate_the_rules() {
        Order tutorial = new Order(new OrderId(1), new UserId(1), ItemDescription.stored(""), Quantity.stored(0),
                ItemPrice.stored(-5), T0, T1, 9);
        assertThat(tutorial.totalValue().cents()).isZero();
        Order big = new Order(new OrderId(2), new UserId(1), ItemDescription.stored("x"), Quantity.stored(Long.MAX_VALUE),
                ItemPrice.stored(1), T0, T0, 1);
        assertThat(big.totalValue().cents()).isEqualTo(Long.MAX_VALUE);
    }

    @ParameterizedTest
    @ValueSource(longs = {2, 100_000_000, -2})
    void stored_values_whose_total_would_overflow_are_refused_on_rehydration(long cents) {
        assertThat(refusal("total_value", () -> new Order(new OrderId(1), new UserId(1), ItemDescription.stored("x"),
                Quantity.stored(Long.MAX_VALUE), ItemPrice.stored(cents), T0, T0, 1)).reason()).isEqualTo("is too large");
    }

    @Test
    void an_update_whose_total_would_overflow_is_refused_and_the_order_is_unchanged() {
        Order stored = new Order(new OrderId(1), new UserId(1), ItemDescription.stored("x"),
                Quantity.stored(Long.MAX_VALUE / 2), ItemPrice.stored(1), T0, T0, 1);

        refusal("total_value", () -> stored.update(price(3), T1));

        assertThat(stored.itemPrice().cents()).isEqualTo(1);
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.update(price(2), T1).state().totalValue().cents()).isEqualTo(Long.MAX_VALUE - 1);
    }

    @Test
    void order_changes_know_when_they_are_empty() {
        assertThat(OrderChanges.none().isEmpty()).isTrue();
        assertThat(price(1).isEmpty()).isFalse();
        assertThat(new OrderChanges(Optional.of(ItemDescription.of("x")), Optional.empty(), Optional.empty()).isEmpty()).isFalse();
        assertThat(new OrderChanges(Optional.empty(), Optional.of(Quantity.of(1)), Optional.empty()).isEmpty()).isFalse();
    }
}
