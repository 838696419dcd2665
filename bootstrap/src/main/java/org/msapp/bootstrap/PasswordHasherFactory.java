package org.msapp.bootstrap;

import java.time.Duration;
import org.msapp.application.port.PasswordHasher;

/** argon2id, with as many hashes at once as there are cores (at least two). */
final class PasswordHasherFactory {
    private PasswordHasherFactory() {
    }

    static Adapter<PasswordHasher> create() {
        int permits = Math.max(2, Runtime.getRuntime().availableProcessors());
        return Adapter.of(new Argon2PasswordHasher(permits, Duration.ofSeconds(2)),
                "[✓] password hashing: argon2id, at most " + permits + " at once");
    }
}
