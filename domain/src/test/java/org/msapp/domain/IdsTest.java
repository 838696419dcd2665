package org.msapp.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.msapp.domain.Fixtures.refusal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.msapp.domain.order.OrderId;
import org.msapp.domain.user.UserId;

class IdsTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 7, Long.MAX_VALUE})
    void a_positive_id_is_accepted_and_prints_as_its_number(long value) {
        assertThat(new UserId(value).value()).isEqualTo(value);
        assertThat(new OrderId(value).value()).isEqualTo(value);
        assertThat(new UserId(value)).hasToString(Long.toString(value));
        assertThat(new OrderId(value)).hasToString(Long.toString(value));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void a_user_id_that_is_not_positive_is_refused(long value) {
        assertThat(refusal("user_id", () -> new UserId(value)).reason()).isEqualTo("must be a positive integer");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void an_order_id_that_is_not_positive_is_refused(long value) {
        assertThat(refusal("order_id", () -> new OrderId(value)).reason()).isEqualTo("must be a positive integer");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 42})
    void ids_are_equal_by_value(long value) {
        assertThat(new UserId(value)).isEqualTo(new UserId(value));
        assertThat(new OrderId(value)).isEqualTo(new OrderId(value));
        assertThat(new UserId(value)).isNotEqualTo(new UserId(value + 1));
    }
}
