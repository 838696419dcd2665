package org.msapp.bootstrap;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.msapp.domain.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's own periodic work (housekeeping; the outbox relay has a thread of its own, {@link
 * RelayLoop}) on one daemon thread. A failed run is logged ({@link #safely}) and the next one happens on
 * time. {@link #close()} waits a few seconds for a run in flight.
 */
final class BackgroundJobs implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundJobs.class);
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "background-jobs");
        thread.setDaemon(true);
        return thread;
    });

    /** Runs {@code job} every {@code period}, after a first wait of {@code initialDelay}. */
    void every(String name, Duration initialDelay, Duration period, Runnable job) {
        scheduler.scheduleWithFixedDelay(() -> safely(name, job), initialDelay.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    static void safely(String name, Runnable job) {
        try {
            job.run();
        } catch (DomainException e) {
            LOG.warn("{}: {}", name, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("{} failed", name, e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) scheduler.shutdownNow();
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
