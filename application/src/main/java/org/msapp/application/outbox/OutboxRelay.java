package org.msapp.application.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.msapp.application.port.EventPublisher;
import org.msapp.application.port.OutboxEvent;
import org.msapp.application.port.Persistence;
import org.msapp.domain.DomainException;

/**
 * Moves events from the outbox to the broker: claims a batch of due events (leased, so other
 * instances skip them), publishes them, marks the confirmed ones published and schedules the rest
 * again with exponential backoff. Published events are purged after the retention.
 */
public final class OutboxRelay implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(OutboxRelay.class.getName());

    public record Settings(int batchSize, Duration interval, Duration lease, Duration firstRetry, Duration maxRetry,
                           Duration retention) {
        public static Settings defaults() {
            return new Settings(100, Duration.ofMillis(250), Duration.ofSeconds(30), Duration.ofSeconds(1),
                    Duration.ofMinutes(5), Duration.ofDays(7));
        }

        public Settings withRetention(Duration published) {
            return new Settings(batchSize, interval, lease, firstRetry, maxRetry, published);
        }
    }

    private final Persistence persistence;
    private final EventPublisher publisher;
    private final Clock clock;
    private final Settings settings;
    private ScheduledExecutorService scheduler;

    public OutboxRelay(Persistence persistence, EventPublisher publisher, Clock clock, Settings settings) {
        this.persistence = persistence;
        this.publisher = publisher;
        this.clock = clock;
        this.settings = settings;
    }

    /** One round; returns how many events were confirmed. */
    public int relayOnce() {
        Instant now = clock.instant();
        List<OutboxEvent> batch = persistence.inTransaction(
                stores -> stores.outbox().claimDue(now, settings.batchSize(), now.plus(settings.lease())));
        if (batch.isEmpty()) return 0;
        Set<UUID> confirmed = publish(batch);
        Instant after = clock.instant();
        persistence.inTransaction(stores -> {
            stores.outbox().markPublished(confirmed, after);
            for (OutboxEvent event : batch) {
                if (!confirmed.contains(event.id())) stores.outbox().retryAt(event.id(), after.plus(backoff(event.attempts())));
            }
            return null;
        });
        return confirmed.size();
    }

    /** Deletes published events past the retention and expired idempotency records. */
    public int purge() {
        Instant now = clock.instant();
        return persistence.inTransaction(stores ->
                stores.outbox().purgePublishedBefore(now.minus(settings.retention())) + stores.idempotency().purgeExpired(now));
    }

    /** Delay before attempt {@code attempts + 2}: first retry, doubled per failure, capped. */
    Duration backoff(int attempts) {
        Duration delay = settings.firstRetry().multipliedBy(1L << Math.min(attempts, 20));
        return delay.compareTo(settings.maxRetry()) > 0 ? settings.maxRetry() : delay;
    }

    public synchronized void start() {
        if (scheduler != null) return;
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        long every = settings.interval().toMillis();
        scheduler.scheduleWithFixedDelay(() -> safely(this::relayUntilEmpty), every, every, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(() -> safely(this::purge), 1, 60, TimeUnit.MINUTES);
    }

    /** Stops after the round in flight, waiting for it a few seconds at most. */
    @Override
    public synchronized void close() {
        if (scheduler == null) return;
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) scheduler.shutdownNow();
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
        scheduler = null;
    }

    private int relayUntilEmpty() {
        int total = 0;
        int round;
        do {
            round = relayOnce();
            total += round;
        } while (round == settings.batchSize());
        return total;
    }

    private Set<UUID> publish(List<OutboxEvent> batch) {
        try {
            return publisher.publish(batch);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "publisher failed; the events stay in the outbox: {0}", e.toString());
            return Set.of();
        }
    }

    private void safely(java.util.function.IntSupplier round) {
        try {
            round.getAsInt();
        } catch (DomainException e) {
            LOG.log(System.Logger.Level.WARNING, "outbox relay: {0}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "outbox relay failed", e);
        }
    }
}
