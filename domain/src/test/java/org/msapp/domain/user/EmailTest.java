package org.msapp.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.msapp.domain.Fixtures.EMOJI;
import static org.msapp.domain.Fixtures.refusal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailTest {
    private static final String DOMAIN = "@example.com";

    @ParameterizedTest
    @ValueSource(strings = {"a@b.co", "ana@example.com", "ana.silva+tag@mail.example.com.br", "a_b-c@x-y.io",
            "o'neil@example.org", "ANA@EXAMPLE.COM", "1@2.34"})
    void a_syntactically_valid_address_is_accepted(String input) {
        assertThat(Email.of(input).value()).isEqualTo(input);
    }

    @Test
    void surrounding_white_space_is_stripped() {
        assertThat(Email.of("  ana@example.com \t").value()).isEqualTo("ana@example.com");
    }

    @Test
    void fifty_characters_is_the_bound() {
        String fifty = "a".repeat(50 - DOMAIN.length()) + DOMAIN;
        assertThat(fifty).hasSize(50);
        assertThat(Email.of(fifty).value()).isEqualTo(fifty);
    }

    @Test
    void fifty_one_characters_are_too_long() {
        String fiftyOne = "a".repeat(51 - DOMAIN.length()) + DOMAIN;
        assertThat(refusal("email", () -> Email.of(fiftyOne)).reason()).isEqualTo("must be at most 50 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ana", "ana@", "@example.com", "ana@example", "ana silva@example.com", "ana@@example.com",
            "ana@example..com", ".ana@example.com", "ana.@example.com", "ana..silva@example.com", "ana@-example.com",
            "ana@example-.com", "ana@exa mple.com", "ana@example.com.", "ana@.example.com", "an\u00e3@example.com",
            "ana" + EMOJI + "@example.com", "ana@example_x.com", "ana(x)@example.com"})
    void an_address_that_is_not_syntactically_valid_is_refused(String input) {
        assertThat(refusal("email", () -> Email.of(input)).reason()).isEqualTo("is not a valid email address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "ab"})
    void fewer_than_three_characters_are_refused(String input) {
        assertThat(refusal("email", () -> Email.of(input)).reason()).isEqualTo("must be at least 3 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ana\u0000@example.com", "ana@exa\tmple.com", "ana@example.com\u0007x"})
    void control_characters_are_refused(String input) {
        assertThat(refusal("email", () -> Email.of(input)).reason()).isEqualTo("must not contain control characters");
    }

    @Test
    void a_missing_email_is_required() {
        assertThat(refusal("email", () -> Email.of(null)).reason()).isEqualTo("is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not an email", "", "ana@example"})
    void a_stored_email_is_taken_as_it_is(String stored) {
        assertThat(Email.stored(stored).value()).isEqualTo(stored);
    }

    @Test
    void a_long_stored_email_is_taken_as_it_is() {
        String long_ = "a".repeat(60) + DOMAIN;
        assertThat(Email.stored(long_).value()).isEqualTo(long_);
    }

    @Test
    void a_stored_null_email_is_a_broken_store() {
        assertThatThrownBy(() -> Email.stored(null)).isInstanceOf(IllegalStateException.class);
    }
}
