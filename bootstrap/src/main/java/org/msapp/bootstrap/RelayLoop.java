package org.msapp.bootstrap;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs the outbox relay on a thread of its own: at once when {@link #wake()} is called (after a commit
 * that appended to the outbox), and at the latest every {@code poll} in any case, so an event is
 * relayed even when no wake-up comes. {@link #close()} lets the run in flight finish its batch.
 */
final class RelayLoop implements AutoCloseable {
    private final Semaphore wakeUps = new Semaphore(0);
    private final Thread thread;
    private volatile boolean running = true;

    RelayLoop(Runnable relayDue, Duration poll) {
        thread = new Thread(() -> {
            while (running) {
                try {
                    wakeUps.tryAcquire(poll.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                }
                wakeUps.drainPermits();
                if (running) BackgroundJobs.safely("outbox relay", relayDue);
            }
        }, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void wake() {
        wakeUps.release();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        wakeUps.release();
        thread.join(5_000);
    }
}
