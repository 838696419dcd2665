package org.msapp.bootstrap;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import org.msapp.application.port.PasswordHasher;
import org.msapp.domain.user.PasswordHash;

/**
 * argon2id through password4j. New hashes use OWASP's parameters (m=19 MiB, t=2, p=1, 16-byte salt,
 * 32-byte hash); verification reads the parameters from the PHC string, so hashes made by the
 * tutorial's argon2-cffi (m=64 MiB, t=3, p=4) verify too. It runs every hash it is asked for: the
 * service puts a {@link org.msapp.application.availability.BoundedPasswordHasher} in front of it.
 */
public final class Argon2PasswordHasher implements PasswordHasher {
    private static final Argon2Function OWASP = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID, 19);

    @Override
    public PasswordHash hash(org.msapp.domain.user.Password password) {
        return new PasswordHash(Password.hash(password.clear()).addRandomSalt(16).with(OWASP).getResult());
    }

    @Override
    public boolean verify(org.msapp.domain.user.Password candidate, PasswordHash hash) {
        if (!hash.phc().startsWith("$argon2")) return false;
        try {
            return Argon2Function.getInstanceFromHash(hash.phc()).check(candidate.clear(), hash.phc());
        } catch (RuntimeException unreadable) {
            return false;
        }
    }
}
