package org.msapp.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.msapp.application.availability.ServiceUnavailable;
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

    private final Argon2PasswordHasher hasher = new Argon2PasswordHasher(2, Duration.ofSeconds(5));

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

    @Test
    void no_more_hashes_run_at_once_than_the_permits_and_a_caller_that_waits_too_long_gets_unavailable() throws Exception {
        var narrow = new Argon2PasswordHasher(1, Duration.ofMillis(1));
        var pool = Executors.newFixedThreadPool(4);
        try {
            // the one permit goes to a check of a tutorial hash (64 MiB, 3 passes, 4 lanes: seconds) ...
            var holder = new AtomicReference<Thread>();
            Future<Boolean> held = pool.submit(() -> {
                holder.set(Thread.currentThread());
                return narrow.verify(Password.candidate("password", "Senha@123"), TUTORIAL);
            });
            awaitInsideArgon2(holder);
            // ... so each of the three callers that come meanwhile waits 1 ms for it, and is refused
            var start = new CountDownLatch(1);
            var refused = new AtomicInteger();
            var futures = new java.util.ArrayList<Future<?>>();
            for (int i = 0; i < 3; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        narrow.hash(Password.newPassword("password", "Senha@123"));
                    } catch (ServiceUnavailable e) {
                        refused.incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) f.get(30, TimeUnit.SECONDS);
            assertThat(held).as("the holder of the permit, still hashing while the others came").isNotDone();

            assertThat(refused.get()).isEqualTo(3);
            assertThat(held.get(30, TimeUnit.SECONDS)).as("the holder's check, which ran to its end").isTrue();
            assertThat(narrow.hash(Password.newPassword("password", "Senha@123")).phc()).as("a hash, once the permit is free again")
                    .startsWith("$argon2id$");
        } finally {
            pool.shutdownNow();
        }
    }

    /** Until the thread runs password4j's argon2, which it reaches only once it holds a permit. */
    private static void awaitInsideArgon2(AtomicReference<Thread> holder) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Thread t = holder.get();
            if (t != null && Arrays.stream(t.getStackTrace()).anyMatch(f -> f.getClassName().startsWith("com.password4j."))) return;
            Thread.sleep(1);
        }
        throw new AssertionError("the holder never began to hash");
    }
}
