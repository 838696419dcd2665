package org.msapp.adapters.redis;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A small circuit breaker: after {@code threshold} failures in a row it opens for {@code openNanos},
 * during which calls are refused without touching Redis; then one call at a time is let through
 * (half-open) until one succeeds, which closes it. A few lines, so no library.
 */
final class Breaker {
    private final int threshold;
    private final long openNanos;
    private final LongSupplier nanoTime;
    private final AtomicInteger failuresInARow = new AtomicInteger();
    private final AtomicLong openUntil = new AtomicLong();
    private volatile boolean open;

    Breaker(int threshold, long openNanos, LongSupplier nanoTime) {
        this.threshold = threshold;
        this.openNanos = openNanos;
        this.nanoTime = nanoTime;
    }

    /** Whether a call may go to Redis now; while open, one caller per period gets a trial. */
    boolean allows() {
        if (!open) return true;
        long until = openUntil.get();
        long now = nanoTime.getAsLong();
        return now - until >= 0 && openUntil.compareAndSet(until, now + openNanos);
    }

    void succeeded() {
        failuresInARow.set(0);
        open = false;
    }

    void failed() {
        if (failuresInARow.incrementAndGet() >= threshold && !open) {
            openUntil.set(nanoTime.getAsLong() + openNanos);
            open = true;
        }
    }

    boolean isOpen() {
        return open;
    }
}
