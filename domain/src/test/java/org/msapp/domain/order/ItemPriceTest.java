package org.msapp.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.msapp.domain.Fixtures.refusal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ItemPriceTest {

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 99_999_999, 100_000_000})
    void a_price_of_0_to_100_000_000_cents_is_accepted(long cents) {
        assertThat(ItemPrice.of(cents).cents()).isEqualTo(cents);
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, 100_000_001, Long.MAX_VALUE, Long.MIN_VALUE})
    void a_price_outside_0_to_100_000_000_cents_is_refused(long cents) {
        assertThat(refusal("item_price", () -> ItemPrice.of(cents)).reason()).isEqualTo("must be between 0 and 100000000 cents");
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, 100_000_001, Long.MAX_VALUE, Long.MIN_VALUE})
    void a_stored_price_is_taken_as_it_is(long cents) {
        assertThat(ItemPrice.stored(cents).cents()).isEqualTo(cents);
    }

    @ParameterizedTest
    @CsvSource({
            "1,       0,           0",
            "1,       1,           1",
            "3,       1250,        3750",
            "1000000, 1,           1000000",
            "1,       100000000,   100000000",
            "1000000, 100000000,   100000000000000",
    })
    void the_total_is_quantity_times_price_exactly(long quantity, long cents, long total) {
        assertThat(ItemPrice.of(cents).times(Quantity.of(quantity))).isEqualTo(new Money(total));
    }

    @Test
    void the_largest_total_fits_exactly() {
        assertThat(ItemPrice.of(ItemPrice.MAX).times(Quantity.of(Quantity.MAX)).cents()).isEqualTo(100_000_000_000_000L);
    }

    @Test
    void a_product_right_at_the_long_limit_is_still_exact() {
        assertThat(ItemPrice.stored(1).times(Quantity.stored(Long.MAX_VALUE)).cents()).isEqualTo(Long.MAX_VALUE);
        assertThat(ItemPrice.stored(-1).times(Quantity.stored(Long.MAX_VALUE)).cents()).isEqualTo(-Long.MAX_VALUE);
    }

    @ParameterizedTest
    @CsvSource({
            "9223372036854775807,  2",
            "2,                    9223372036854775807",
            "4611686018427387904,  2",
            "-9223372036854775808, -1",
            "-9223372036854775808, 2",
            "3037000500,           3037000500",
    })
    void a_product_that_would_overflow_is_refused_never_wrapped(long quantity, long cents) {
        assertThat(refusal("total_value", () -> ItemPrice.stored(cents).times(Quantity.stored(quantity))).reason())
                .isEqualTo("is too large");
    }

    @Test
    void money_is_equal_by_cents() {
        assertThat(new Money(750)).isEqualTo(new Money(750)).isNotEqualTo(new Money(751));
    }
}
