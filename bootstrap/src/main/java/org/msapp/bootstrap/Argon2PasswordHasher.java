package org.msapp.bootstrap;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.msapp.application.availability.ServiceUnavailable;
import org.msapp.application.port.PasswordHasher;
import org.msapp.domain.user.PasswordHash;

/**
 * argon2id through password4j. New hashes use OWASP's parameters (m=19 MiB, t=2, p=1, 16-byte salt,
 * 32-byte hash); verification reads the parameters from the PHC string, so hashes made by the
 * tutorial's argon2-cffi (m=64 MiB, t=3, p=4) verify too. At most {@code permits} hashes run at once,
 * so a burst of log-ins cannot exhaust memory or CPU; a caller that waits too long gets 503.
 */
public final class Argon2PasswordHasher implements PasswordHasher {
    private static final Argon2Function OWASP = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID, 19);
    private final Semaphore permits;
    private final Duration maxWait;

    public Argon2PasswordHasher(int permits, Duration maxWait) {
        this.permits = new Semaphore(permits, true);
        this.maxWait = maxWait;
    }

    @Override
    public PasswordHash hash(org.msapp.domain.user.Password password) {
        return bounded(() -> new PasswordHash(Password.hash(password.clear()).addRandomSalt(16).with(OWASP).getResult()));
    }

    @Override
    public boolean verify(org.msapp.domain.user.Password candidate, PasswordHash hash) {
        if (!hash.phc().startsWith("$argon2")) return false;
        return bounded(() -> {
            try {
                return Argon2Function.getInstanceFromHash(hash.phc()).check(candidate.clear(), hash.phc());
            } catch (RuntimeException unreadable) {
                return false;
            }
        });
    }

    private <T> T bounded(Supplier<T> work) {
        try {
            if (!permits.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ServiceUnavailable("password hashing (too many at once)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailable("password hashing", e);
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }
}
