package org.msapp.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NumeralsTest {
    @Test
    void ascii_digits_with_an_optional_minus_are_whole_numbers() {
        assertThat(Numerals.parseLong("0")).isZero();
        assertThat(Numerals.parseLong("42")).isEqualTo(42);
        assertThat(Numerals.parseLong("-7")).isEqualTo(-7);
        assertThat(Numerals.parseLong("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(Numerals.parseInt("2147483647")).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void what_long_parse_long_also_takes_is_not_a_number_here() {
        for (String text : new String[] {"１", "٣", "+1", "", "-", " 1", "1 ", "0x10", "1e3", "9223372036854775808", "12345678901234567890"}) {
            assertThatThrownBy(() -> Numerals.parseLong(text)).as("'%s'", text).isInstanceOf(NumberFormatException.class);
        }
        assertThatThrownBy(() -> Numerals.parseInt("2147483648")).isInstanceOf(NumberFormatException.class);
    }
}
