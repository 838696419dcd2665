package org.msapp.bootstrap;

import java.time.Duration;
import org.msapp.application.availability.BoundedPasswordHasher;
import org.msapp.application.port.PasswordHasher;

/** argon2id, behind an admission that bounds the hashes running at once and the requests waiting for one. */
final class PasswordHasherFactory {
    /** How long an admitted request waits for its turn at most; with few waiting, it rarely comes near. */
    private static final Duration MAX_WAIT = Duration.ofSeconds(2);

    private PasswordHasherFactory() {
    }

    static Adapter<PasswordHasher> create(Config.PasswordHashing hashing) {
        var bounded = new BoundedPasswordHasher(new Argon2PasswordHasher(), hashing.atOnce(), hashing.waiting(), MAX_WAIT);
        return Adapter.<PasswordHasher>of(bounded,
                "[✓] password hashing: argon2id, at most " + hashing.atOnce() + " at once, " + hashing.waiting() + " waiting")
                .measuredBy(ServiceMetrics.hashing(bounded));
    }
}
