package org.msapp.application.availability;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.msapp.application.port.PasswordHasher;
import org.msapp.domain.user.Password;
import org.msapp.domain.user.PasswordHash;

/**
 * Admits calls to another {@link PasswordHasher}: at most {@code running} hashes at once, and at most
 * {@code waiting} callers waiting for a turn, each for at most {@code maxWait}. A caller that finds every
 * place taken is refused at once ({@link Overloaded}), so a flood of log-ins holds at most
 * {@code running + waiting} threads and every other request keeps its own. Refusals are logged as a
 * count, at most once per {@link #WARN_EVERY}. How many run and wait now, and how many were refused,
 * can be read at any time, for monitoring.
 */
public final class BoundedPasswordHasher implements PasswordHasher {
    private static final System.Logger LOG = System.getLogger(BoundedPasswordHasher.class.getName());
    private static final Duration WARN_EVERY = Duration.ofSeconds(10);

    private final PasswordHasher hasher;
    private final int runningAtMost;
    private final int admittedAtMost;
    private final Semaphore admitted;
    private final Semaphore turns;
    private final Duration maxWait;
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong lastWarned = new AtomicLong(System.nanoTime() - WARN_EVERY.toNanos());

    public BoundedPasswordHasher(PasswordHasher hasher, int running, int waiting, Duration maxWait) {
        if (running < 1 || waiting < 0) throw new IllegalArgumentException("running must be positive, waiting not negative");
        this.hasher = hasher;
        this.runningAtMost = running;
        this.admittedAtMost = running + waiting;
        this.admitted = new Semaphore(running + waiting);
        this.turns = new Semaphore(running, true);
        this.maxWait = maxWait;
    }

    @Override
    public PasswordHash hash(Password password) {
        return admitted(() -> hasher.hash(password));
    }

    @Override
    public boolean verify(Password candidate, PasswordHash hash) {
        return admitted(() -> hasher.verify(candidate, hash));
    }

    /** Hashes running now. */
    public int running() {
        return runningAtMost - turns.availablePermits();
    }

    /** Callers admitted and waiting for their turn now (read apart from {@link #running()}, so a moment's estimate). */
    public int waiting() {
        return Math.max(0, admittedAtMost - admitted.availablePermits() - running());
    }

    /** Callers refused since the start, because every place was taken or their turn did not come in time. */
    public long refused() {
        return refused.get();
    }

    private <T> T admitted(Supplier<T> work) {
        if (!admitted.tryAcquire()) throw refusal("too many waiting");
        try {
            if (!turns.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) throw refusal("waited too long");
            try {
                return work.get();
            } finally {
                turns.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailable("password hashing", e);
        } finally {
            admitted.release();
        }
    }

    private Overloaded refusal(String why) {
        long count = refused.incrementAndGet();
        long last = lastWarned.get();
        long now = System.nanoTime();
        if (now - last >= WARN_EVERY.toNanos() && lastWarned.compareAndSet(last, now)) {
            LOG.log(System.Logger.Level.WARNING, "password hashing at capacity ({0}); {1} requests refused so far", why, count);
        }
        return new Overloaded("password hashing");
    }
}
