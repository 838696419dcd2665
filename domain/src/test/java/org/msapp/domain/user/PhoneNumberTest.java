package org.msapp.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.msapp.domain.Fixtures.refusal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {
    private static final String SYNTAX_REASON = "may hold only digits, an optional leading '+', spaces, dashes and parentheses";

    @ParameterizedTest
    @ValueSource(strings = {"1", "11912345678", "+5511912345678", "+55 (11) 91234-5678", "(11) 9-1234", "0800 123 4567",
            "+1-(202)-555-0100", "+ 55 11"})
    void digits_with_an_optional_leading_plus_spaces_dashes_and_parentheses_are_accepted(String input) {
        assertThat(PhoneNumber.of(input).value()).isEqualTo(input);
    }

    @Test
    void surrounding_white_space_is_stripped() {
        assertThat(PhoneNumber.of("  +55 11 \t").value()).isEqualTo("+55 11");
    }

    @Test
    void fifty_characters_is_the_bound() {
        String fifty = "+" + "1".repeat(49);
        assertThat(PhoneNumber.of(fifty).value()).hasSize(50);
    }

    @Test
    void fifty_one_characters_are_too_long() {
        assertThat(refusal("phone_number", () -> PhoneNumber.of("1".repeat(51))).reason()).isEqualTo("must be at most 50 characters");
        assertThat(refusal("phone_number", () -> PhoneNumber.of("+" + "1".repeat(50))).reason()).isEqualTo("must be at most 50 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+", "()", "- -", "55+11", "++5511", "abc", "11 9123 x", "phone: 123", "123#4", "123.456",
            "123/456", "\u0661\u0662\u0663", "\uff11\uff12\uff13", "12\u00a034"})
    void anything_else_is_refused(String input) {
        assertThat(refusal("phone_number", () -> PhoneNumber.of(input)).reason()).isEqualTo(SYNTAX_REASON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void a_blank_phone_number_is_refused(String input) {
        assertThat(refusal("phone_number", () -> PhoneNumber.of(input)).reason()).isEqualTo("must not be blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {"11\t912345678", "11\u0000", "11\n22"})
    void control_characters_are_refused(String input) {
        assertThat(refusal("phone_number", () -> PhoneNumber.of(input)).reason()).isEqualTo("must not contain control characters");
    }

    @Test
    void a_missing_phone_number_is_required() {
        assertThat(refusal("phone_number", () -> PhoneNumber.of(null)).reason()).isEqualTo("is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"call me", "", "ramal 22"})
    void a_stored_phone_number_is_taken_as_it_is(String stored) {
        assertThat(PhoneNumber.stored(stored).value()).isEqualTo(stored);
    }

    @Test
    void a_stored_null_phone_number_is_a_broken_store() {
        assertThatThrownBy(() -> PhoneNumber.stored(null)).isInstanceOf(IllegalStateException.class);
    }
}
