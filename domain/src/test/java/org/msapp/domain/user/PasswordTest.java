package org.msapp.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.msapp.domain.Fixtures.EMOJI;
import static org.msapp.domain.Fixtures.refusal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordTest {

    @ParameterizedTest
    @ValueSource(ints = {8, 9, 64, 128})
    void a_new_password_of_8_to_128_characters_is_accepted(int length) {
        String clear = "p".repeat(length);
        assertThat(Password.newPassword("password", clear).clear()).isEqualTo(clear);
    }

    @Test
    void a_new_password_of_7_characters_is_too_short() {
        assertThat(refusal("password", () -> Password.newPassword("password", "p".repeat(7))).reason())
                .isEqualTo("must be at least 8 characters");
        assertThat(refusal("password", () -> Password.newPassword("password", "")).reason())
                .isEqualTo("must be at least 8 characters");
    }

    @Test
    void a_new_password_of_129_characters_is_too_long() {
        assertThat(refusal("password", () -> Password.newPassword("password", "p".repeat(129))).reason())
                .isEqualTo("must be at most 128 characters");
    }

    @Test
    void a_new_password_counts_code_points() {
        assertThat(Password.newPassword("password", EMOJI.repeat(8)).clear()).hasSize(16);
        assertThat(Password.newPassword("password", EMOJI.repeat(128)).clear()).hasSize(256);
        assertThat(refusal("password", () -> Password.newPassword("password", EMOJI.repeat(4))).reason())
                .isEqualTo("must be at least 8 characters");
        assertThat(refusal("password", () -> Password.newPassword("password", EMOJI.repeat(129))).reason())
                .isEqualTo("must be at most 128 characters");
    }

    @Test
    void a_refusal_names_the_field_it_was_asked_for() {
        refusal("new_password", () -> Password.newPassword("new_password", "short"));
        refusal("new_password", () -> Password.newPassword("new_password", null));
        refusal("current", () -> Password.candidate("current", ""));
    }

    @Test
    void a_missing_password_is_required() {
        assertThat(refusal("password", () -> Password.newPassword("password", null)).reason()).isEqualTo("is required");
        assertThat(refusal("password", () -> Password.candidate("password", null)).reason()).isEqualTo("is required");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 7, 1024})
    void a_candidate_for_a_log_in_may_be_1_to_1024_characters_since_tutorial_users_have_short_ones(int length) {
        String clear = "p".repeat(length);
        assertThat(Password.candidate("password", clear).clear()).isEqualTo(clear);
    }

    @Test
    void an_empty_candidate_is_refused() {
        assertThat(refusal("password", () -> Password.candidate("password", "")).reason()).isEqualTo("must not be empty");
    }

    @Test
    void a_candidate_of_1025_characters_is_refused() {
        assertThat(refusal("password", () -> Password.candidate("password", "p".repeat(1025))).reason())
                .isEqualTo("must be at most 1024 characters");
    }

    @Test
    void to_string_hides_the_password() {
        Password password = Password.newPassword("password", "Senha@123");
        assertThat(password.toString()).isEqualTo("Password[***]").doesNotContain("Senha");
        assertThat(Password.candidate("password", "Senha@123").toString()).doesNotContain("Senha");
    }

    @Test
    void an_offered_password_is_any_candidate_and_never_throws() {
        assertThat(Password.offered("x".repeat(1024)).map(Password::clear)).contains("x".repeat(1024));
        assertThat(Password.offered("x".repeat(1025))).isEmpty();
        assertThat(Password.offered("")).isEmpty();
        assertThat(Password.offered(null)).isEmpty();
    }
}
