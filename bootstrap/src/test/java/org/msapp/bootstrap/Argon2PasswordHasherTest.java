package org.msapp.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.msapp.application.port.PasswordHasher;
import org.msapp.application.port.PasswordHasherContract;
import org.msapp.domain.user.Password;
import org.msapp.domain.user.PasswordHash;

/** The real hasher: the contract of every {@link PasswordHasher}, and what only argon2 through password4j adds. */
class Argon2PasswordHasherTest extends PasswordHasherContract {
    /** Made by the tutorial's argon2-cffi PasswordHasher() defaults, and by a stronger setting. */
    private static final PasswordHash TUTORIAL = new PasswordHash(
            "$argon2id$v=19$m=65536,t=3,p=4$VfjV08PXy02603p39DJc3w$7wS6VkfwqP1CWAQKbvmziYYQsgn2WV+6s7myk8rkjvk");
    private static final PasswordHash STRONGER = new PasswordHash(
            "$argon2id$v=19$m=102400,t=2,p=8$HTFO/aapd0ASrbwH9l5wmw$FL7vRFe9msn+Sw8wkW9y0Q");

    private final Argon2PasswordHasher hasher = new Argon2PasswordHasher();

    @Override
    protected PasswordHasher hasher() {
        return hasher;
    }

    @Test
    void hashes_made_by_the_tutorial_verify_with_their_own_parameters() {
        assertThat(hasher.verify(Password.candidate("password", "Senha@123"), TUTORIAL)).isTrue();
        assertThat(hasher.verify(Password.candidate("password", "Senha@123"), STRONGER)).isTrue();
        assertThat(hasher.verify(Password.candidate("password", "Senha@124"), TUTORIAL)).isFalse();
    }

    @Test
    void new_hashes_are_argon2id_at_owasp_parameters_with_a_16_byte_salt() {
        String phc = hasher.hash(Password.newPassword("password", "Senha@123")).phc();
        assertThat(phc).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        String salt = phc.split("\\$")[4];
        assertThat(java.util.Base64.getDecoder().decode(salt + "==".substring(0, (4 - salt.length() % 4) % 4))).hasSize(16);
    }

    @Test
    void a_hash_that_is_not_argon2_or_is_damaged_does_not_verify_and_does_not_throw() {
        Password pw = Password.candidate("password", "Senha@123");
        assertThat(hasher.verify(pw, new PasswordHash("$2b$12$notargon"))).isFalse();
        assertThat(hasher.verify(pw, new PasswordHash("$argon2id$v=19$m=65536,t=3,p=4$bad"))).isFalse();
        assertThat(hasher.verify(pw, new PasswordHash("plain text from somewhere"))).isFalse();
    }
}
