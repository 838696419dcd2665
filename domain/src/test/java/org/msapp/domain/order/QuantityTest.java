package org.msapp.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.msapp.domain.Fixtures.refusal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuantityTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 999_999, 1_000_000})
    void a_quantity_of_1_to_1_000_000_is_accepted(long value) {
        assertThat(Quantity.of(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, 1_000_001, Long.MAX_VALUE, Long.MIN_VALUE})
    void a_quantity_outside_1_to_1_000_000_is_refused(long value) {
        assertThat(refusal("item_quantity", () -> Quantity.of(value)).reason()).isEqualTo("must be between 1 and 1000000");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, 1_000_001, Long.MAX_VALUE, Long.MIN_VALUE})
    void a_stored_quantity_is_taken_as_it_is(long value) {
        assertThat(Quantity.stored(value).value()).isEqualTo(value);
    }
}
