package org.msapp.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.msapp.domain.Fixtures.EMOJI;
import static org.msapp.domain.Fixtures.refusal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ItemDescriptionTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 255, 256})
    void a_description_of_1_to_256_characters_is_accepted(int length) {
        assertThat(ItemDescription.of("d".repeat(length)).value()).hasSize(length);
    }

    @Test
    void a_description_of_257_characters_is_too_long() {
        assertThat(refusal("item_description", () -> ItemDescription.of("d".repeat(257))).reason())
                .isEqualTo("must be at most 256 characters");
    }

    @Test
    void an_emoji_counts_as_one_character() {
        assertThat(ItemDescription.of(EMOJI.repeat(256)).value()).hasSize(512);
        assertThat(refusal("item_description", () -> ItemDescription.of(EMOJI.repeat(257))).reason())
                .isEqualTo("must be at most 256 characters");
    }

    @Test
    void surrounding_white_space_is_stripped_before_measuring() {
        assertThat(ItemDescription.of("  A keyboard \n").value()).isEqualTo("A keyboard");
        assertThat(ItemDescription.of(" " + "d".repeat(256) + " ").value()).hasSize(256);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t \n"})
    void a_blank_description_is_refused(String input) {
        assertThat(refusal("item_description", () -> ItemDescription.of(input)).reason()).isEqualTo("must not be blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {"A\u0000keyboard", "A\nkeyboard", "A\tkeyboard", "A keyboard\u007fx", "\u0001"})
    void control_characters_are_refused(String input) {
        assertThat(refusal("item_description", () -> ItemDescription.of(input)).reason())
                .isEqualTo("must not contain control characters");
    }

    @Test
    void a_missing_description_is_required() {
        assertThat(refusal("item_description", () -> ItemDescription.of(null)).reason()).isEqualTo("is required");
    }

    @Test
    void a_stored_description_is_taken_as_it_is() {
        assertThat(ItemDescription.stored("").value()).isEmpty();
        assertThat(ItemDescription.stored("d".repeat(1000)).value()).hasSize(1000);
        assertThat(ItemDescription.stored("line\nbreak").value()).isEqualTo("line\nbreak");
    }

    @Test
    void a_stored_null_description_is_a_broken_store() {
        assertThatThrownBy(() -> ItemDescription.stored(null)).isInstanceOf(IllegalStateException.class);
    }
}
