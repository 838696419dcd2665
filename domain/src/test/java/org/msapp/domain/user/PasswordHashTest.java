package org.msapp.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.msapp.domain.Fixtures.HASH;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHashTest {

    @Test
    void the_hash_is_kept_as_it_is() {
        assertThat(new PasswordHash(HASH).phc()).isEqualTo(HASH);
    }

    @Test
    void to_string_hides_the_hash() {
        assertThat(new PasswordHash(HASH).toString()).isEqualTo("PasswordHash[***]").doesNotContain("argon2").doesNotContain(HASH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n"})
    void a_blank_hash_is_refused(String phc) {
        assertThatThrownBy(() -> new PasswordHash(phc)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_missing_hash_is_refused() {
        assertThatThrownBy(() -> new PasswordHash(null)).isInstanceOf(NullPointerException.class).hasMessage("phc");
    }

    @Test
    void hashes_are_equal_by_value() {
        assertThat(new PasswordHash(HASH)).isEqualTo(new PasswordHash(HASH)).isNotEqualTo(new PasswordHash(HASH + "x"));
    }
}
