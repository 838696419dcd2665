package org.msapp.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.msapp.domain.Fixtures.EMOJI;
import static org.msapp.domain.Fixtures.refusal;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NickNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "ana.silva", "John_Doe-99", "A.B", "___", "123", "ABC-def.ghi_JKL"})
    void letters_digits_underscore_dot_and_dash_are_accepted(String input) {
        assertThat(NickName.of(input).value()).isEqualTo(input);
    }

    @Test
    void three_and_fifty_characters_are_the_bounds() {
        assertThat(NickName.of("abc").value()).hasSize(3);
        assertThat(NickName.of("a".repeat(50)).value()).hasSize(50);
    }

    @Test
    void two_characters_are_too_short() {
        assertThat(refusal("nick_name", () -> NickName.of("ab")).reason()).isEqualTo("must be at least 3 characters");
        assertThat(refusal("nick_name", () -> NickName.of("")).reason()).isEqualTo("must be at least 3 characters");
    }

    @Test
    void fifty_one_characters_are_too_long() {
        assertThat(refusal("nick_name", () -> NickName.of("a".repeat(51))).reason()).isEqualTo("must be at most 50 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ana silva", " ana", "ana ", "ana@silva", "ana!", "ana/silva", "jo\u00e3o", "abc" + EMOJI, "a+b", "ana'"})
    void any_other_character_is_refused(String input) {
        assertThat(refusal("nick_name", () -> NickName.of(input)).reason())
                .isEqualTo("may hold only letters, digits, '_', '.' and '-'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ana\u0000", "an\ta", "ana\n", "ana\u007f"})
    void control_characters_are_refused(String input) {
        assertThat(refusal("nick_name", () -> NickName.of(input)).reason()).isEqualTo("must not contain control characters");
    }

    @Test
    void a_missing_nick_name_is_required() {
        assertThat(refusal("nick_name", () -> NickName.of(null)).reason()).isEqualTo("is required");
    }

    @Test
    void the_key_ignores_case_but_the_value_keeps_it() {
        NickName upper = NickName.of("Ana.Silva");
        NickName lower = NickName.of("ana.silva");
        assertThat(upper.key()).isEqualTo("ana.silva").isEqualTo(lower.key());
        assertThat(upper.value()).isEqualTo("Ana.Silva");
        assertThat(upper).isNotEqualTo(lower);
    }

    @Test
    void the_key_does_not_depend_on_the_default_locale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertThat(NickName.of("TITLE").key()).isEqualTo("title");
        } finally {
            Locale.setDefault(before);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "has space", "jo\u00e3o", "x\u0000y"})
    void a_stored_nick_name_is_taken_as_it_is(String stored) {
        assertThat(NickName.stored(stored).value()).isEqualTo(stored);
    }

    @Test
    void a_long_stored_nick_name_is_taken_as_it_is() {
        assertThat(NickName.stored("a".repeat(51)).value()).hasSize(51);
    }

    @Test
    void a_stored_null_nick_name_is_a_broken_store() {
        assertThatThrownBy(() -> NickName.stored(null)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_look_up_takes_any_name_a_user_may_hold_and_never_throws() {
        assertThat(NickName.lookup("Alice")).contains(NickName.stored("Alice"));
        assertThat(NickName.lookup("a b")).as("a tutorial's name may break today's rules").contains(NickName.stored("a b"));
        assertThat(NickName.lookup("x".repeat(50))).isPresent();
        assertThat(NickName.lookup("x".repeat(51))).isEmpty();
        assertThat(NickName.lookup("")).isEmpty();
        assertThat(NickName.lookup(null)).isEmpty();
    }
}
