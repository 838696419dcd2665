package org.msapp.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.msapp.domain.Fixtures.EMOJI;
import static org.msapp.domain.Fixtures.refusal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FullNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"A", "Ana Silva", "Jo\u00e3o da Concei\u00e7\u00e3o", "O'Neil-Smith Jr.", "\u674e\u5c0f\u9f99"})
    void a_name_of_one_to_fifty_characters_is_accepted(String input) {
        assertThat(FullName.of(input).value()).isEqualTo(input);
    }

    @Test
    void surrounding_white_space_is_stripped_before_measuring() {
        assertThat(FullName.of("   Ana Silva \t\n").value()).isEqualTo("Ana Silva");
        String fifty = "a".repeat(50);
        assertThat(FullName.of("  " + fifty + "  ").value()).isEqualTo(fifty);
    }

    @Test
    void fifty_characters_is_the_bound() {
        assertThat(FullName.of("a".repeat(50)).value()).hasSize(50);
    }

    @Test
    void fifty_one_characters_are_too_long() {
        assertThat(refusal("full_name", () -> FullName.of("a".repeat(51))).reason()).isEqualTo("must be at most 50 characters");
    }

    @Test
    void an_emoji_counts_as_one_character() {
        String fifty = EMOJI.repeat(50);
        assertThat(fifty.length()).isEqualTo(100);
        assertThat(FullName.of(fifty).value()).isEqualTo(fifty);
        assertThat(refusal("full_name", () -> FullName.of(EMOJI.repeat(51))).reason()).isEqualTo("must be at most 50 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", " \t\n "})
    void a_blank_name_is_refused(String input) {
        assertThat(refusal("full_name", () -> FullName.of(input)).reason()).isEqualTo("must not be blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ana\u0000Silva", "Ana\nSilva", "Ana\tSilva", "Ana\u007f", "Ana\u0085Silva", "\u0000"})
    void control_characters_are_refused(String input) {
        assertThat(refusal("full_name", () -> FullName.of(input)).reason()).isEqualTo("must not contain control characters");
    }

    @Test
    void a_missing_name_is_required() {
        assertThat(refusal("full_name", () -> FullName.of(null)).reason()).isEqualTo("is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", " padded ", "Ana\u0000Silva"})
    void a_stored_name_is_taken_as_it_is(String stored) {
        assertThat(FullName.stored(stored).value()).isEqualTo(stored);
    }

    @Test
    void a_long_stored_name_is_taken_as_it_is() {
        assertThat(FullName.stored("a".repeat(200)).value()).hasSize(200);
    }

    @Test
    void a_stored_null_name_is_a_broken_store() {
        assertThatThrownBy(() -> FullName.stored(null)).isInstanceOf(IllegalStateException.class);
    }
}
