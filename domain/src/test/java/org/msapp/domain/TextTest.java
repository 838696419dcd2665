package org.msapp.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.msapp.domain.Fixtures.EMOJI;
import static org.msapp.domain.Fixtures.refusal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.msapp.domain.order.ItemDescription;
import org.msapp.domain.user.Cpf;
import org.msapp.domain.user.FullName;
import org.msapp.domain.user.NickName;

class TextTest {

    @Test
    void a_missing_value_is_refused_as_required() {
        assertThat(refusal("f", () -> Text.required("f", null)).reason()).isEqualTo("is required");
        assertThat(refusal("f", () -> Text.within("f", null, 1, 5)).reason()).isEqualTo("is required");
        assertThat(refusal("f", () -> Text.trimmedWithin("f", null, 1, 5)).reason()).isEqualTo("is required");
    }

    @Test
    void a_present_value_is_required_as_it_is() {
        assertThat(Text.required("f", "")).isEmpty();
        assertThat(Text.required("f", " x ")).isEqualTo(" x ");
    }

    @Test
    void within_accepts_exactly_the_bounds() {
        assertThat(Text.within("f", "abc", 3, 5)).isEqualTo("abc");
        assertThat(Text.within("f", "abcde", 3, 5)).isEqualTo("abcde");
    }

    @Test
    void one_below_the_minimum_is_refused() {
        assertThat(refusal("f", () -> Text.within("f", "ab", 3, 5)).reason()).isEqualTo("must be at least 3 characters");
        assertThat(refusal("f", () -> Text.within("f", "", 1, 5)).reason()).isEqualTo("must not be blank");
    }

    @Test
    void one_past_the_maximum_is_refused() {
        assertThat(refusal("f", () -> Text.within("f", "abcdef", 3, 5)).reason()).isEqualTo("must be at most 5 characters");
    }

    @Test
    void lengths_count_code_points_so_an_emoji_is_one_character() {
        String three = EMOJI.repeat(3);
        assertThat(three).hasSize(6);
        assertThat(Text.within("f", three, 3, 3)).isEqualTo(three);
        assertThat(refusal("f", () -> Text.within("f", EMOJI.repeat(4), 3, 3)).reason()).isEqualTo("must be at most 3 characters");
        assertThat(refusal("f", () -> Text.within("f", EMOJI.repeat(2), 3, 3)).reason()).isEqualTo("must be at least 3 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\u0001", "\t", "\n", "\r", "\u001b", "\u001f", "\u007f", "\u0080", "\u0085", "\u009f"})
    void control_characters_are_refused(String control) {
        assertThat(refusal("f", () -> Text.within("f", "ab" + control + "cd", 1, 10)).reason())
                .isEqualTo("must not contain control characters");
        assertThat(refusal("f", () -> Text.trimmedWithin("f", "ab" + control + "cd", 1, 10)).reason())
                .isEqualTo("must not contain control characters");
    }

    @Test
    void a_non_breaking_space_is_not_a_control_character() {
        assertThat(Text.within("f", "a\u00a0b", 1, 10)).isEqualTo("a\u00a0b");
    }

    @Test
    void within_does_not_strip() {
        assertThat(Text.within("f", " ab ", 1, 10)).isEqualTo(" ab ");
    }

    @Test
    void trimmed_within_strips_surrounding_white_space_before_measuring() {
        assertThat(Text.trimmedWithin("f", "  \t abc \n ", 3, 3)).isEqualTo("abc");
        assertThat(Text.trimmedWithin("f", "\u2003abc\u2003", 3, 3)).isEqualTo("abc");
        assertThat(refusal("f", () -> Text.trimmedWithin("f", "   ", 1, 3)).reason()).isEqualTo("must not be blank");
    }

    @Test
    void stored_takes_any_present_value_unchecked() {
        String unruly = " \u0000" + "x".repeat(1000);
        assertThat(Text.stored("f", unruly)).isSameAs(unruly);
        assertThat(Text.stored("f", "")).isEmpty();
    }

    @Test
    void a_stored_null_is_a_broken_store_not_a_client_error() {
        assertThatThrownBy(() -> Text.stored("full_name", null))
                .isInstanceOf(IllegalStateException.class)
                .isNotInstanceOf(DomainException.class)
                .hasMessageContaining("full_name");
    }

    @Test
    void text_values_are_equal_by_class_and_value() {
        assertThat(FullName.of("Ana")).isEqualTo(FullName.stored("Ana")).hasSameHashCodeAs(FullName.stored("Ana"));
        assertThat(FullName.of("Ana")).isNotEqualTo(FullName.of("Bia"));
        assertThat((Object) FullName.of("Ana")).isNotEqualTo(NickName.stored("Ana"));
        assertThat((Object) ItemDescription.of("abc")).isNotEqualTo(NickName.of("abc"));
        assertThat(FullName.of("Ana")).isNotEqualTo(null);
    }

    @Test
    void a_text_value_prints_its_value_except_the_cpf() {
        assertThat(FullName.of("Ana Silva")).hasToString("Ana Silva");
        assertThat(Cpf.of("11144477735").toString()).doesNotContain("11144477735");
    }
}
