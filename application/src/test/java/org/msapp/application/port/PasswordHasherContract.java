package org.msapp.application.port;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msapp.domain.user.Password;
import org.msapp.domain.user.PasswordHash;

/** The contract of {@link PasswordHasher}, for the real hasher and the fast one of the tests. */
public abstract class PasswordHasherContract {
    private static final String CLEAR = "correct horse battery staple";

    /** Called once before each test. */
    protected abstract PasswordHasher hasher();

    private PasswordHasher hasher;

    @BeforeEach
    void makeTheHasher() {
        hasher = hasher();
    }

    private static Password newPassword(String clear) {
        return Password.newPassword(Password.FIELD, clear);
    }

    private static Password candidate(String clear) {
        return Password.candidate(Password.FIELD, clear);
    }

    @Test
    void a_hash_verifies_the_password_it_was_made_from() {
        PasswordHash hash = hasher.hash(newPassword(CLEAR));

        assertThat(hasher.verify(candidate(CLEAR), hash)).isTrue();
    }

    @Test
    void a_hash_does_not_verify_a_wrong_password() {
        PasswordHash hash = hasher.hash(newPassword(CLEAR));

        assertThat(hasher.verify(candidate("correct horse battery stapler"), hash)).isFalse();
        assertThat(hasher.verify(candidate("Correct horse battery staple"), hash)).isFalse();
        assertThat(hasher.verify(candidate("x"), hash)).isFalse();
    }

    @Test
    void two_hashes_of_one_password_differ_and_both_verify() {
        PasswordHash first = hasher.hash(newPassword(CLEAR));
        PasswordHash second = hasher.hash(newPassword(CLEAR));

        assertThat(first.phc()).isNotEqualTo(second.phc());
        assertThat(hasher.verify(candidate(CLEAR), first)).isTrue();
        assertThat(hasher.verify(candidate(CLEAR), second)).isTrue();
    }

    @Test
    void a_hash_does_not_contain_the_password() {
        PasswordHash hash = hasher.hash(newPassword(CLEAR));

        assertThat(hash.phc()).doesNotContain(CLEAR).doesNotContain("horse");
    }

    @Test
    void a_malformed_or_foreign_hash_does_not_verify_and_does_not_throw() {
        Password pw = candidate(CLEAR);
        String own = hasher.hash(newPassword(CLEAR)).phc();

        assertThat(hasher.verify(pw, new PasswordHash("plain text from somewhere"))).isFalse();
        assertThat(hasher.verify(pw, new PasswordHash(CLEAR))).isFalse();
        assertThat(hasher.verify(pw, new PasswordHash("$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW"))).isFalse();
        assertThat(hasher.verify(pw, new PasswordHash("$argon2id$v=19$m=65536,t=3,p=4$bad"))).isFalse();
        assertThat(hasher.verify(pw, new PasswordHash("$$$$"))).isFalse();
        assertThat(hasher.verify(pw, new PasswordHash(own.substring(0, own.length() - 6)))).isFalse();
        assertThat(hasher.verify(pw, new PasswordHash(own + "%%%"))).isFalse();
    }

    @Test
    void the_hash_shows_neither_itself_nor_the_password_when_printed() {
        PasswordHash hash = hasher.hash(newPassword(CLEAR));

        assertThat(hash.toString()).doesNotContain(hash.phc()).doesNotContain(CLEAR);
        assertThat(newPassword(CLEAR).toString()).doesNotContain(CLEAR);
    }
}
