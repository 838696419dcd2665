package org.msapp.application.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import org.msapp.application.port.EventPublisher;
import org.msapp.application.port.OutboxEvent;
import org.msapp.application.port.Persistence;

/**
 * Moves events from the outbox to the broker: claims a batch of due events (leased, so other
 * instances skip them), publishes them, marks the confirmed ones published and schedules the rest
 * again with exponential backoff. It runs when asked ({@link #relayOnce}, {@link #relayDue}): it has no
 * thread of its own, its caller schedules it. It counts, for monitoring, the events it handed to the
 * publisher, those confirmed, and those that were not (left for a later attempt).
 */
public final class OutboxRelay {
    private static final System.Logger LOG = System.getLogger(OutboxRelay.class.getName());

    public record Settings(int batchSize, Duration lease, Duration firstRetry, Duration maxRetry) {
        public static Settings defaults() {
            return new Settings(100, Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofMinutes(5));
        }
    }

    private final Persistence persistence;
    private final EventPublisher publisher;
    private final Clock clock;
    private final Settings settings;
    private final LongAdder publishedCount = new LongAdder();
    private final LongAdder confirmedCount = new LongAdder();

    public OutboxRelay(Persistence persistence, EventPublisher publisher, Clock clock, Settings settings) {
        this.persistence = persistence;
        this.publisher = publisher;
        this.clock = clock;
        this.settings = settings;
    }

    /** One round: relays one batch of due events; returns how many were confirmed. */
    public int relayOnce() {
        return round().confirmed();
    }

    /**
     * Rounds while each claims a full batch and the broker confirms all of it, so a backlog drains at
     * once, and a broker that refuses costs one round, not one per batch; returns how many were confirmed.
     */
    public int relayDue() {
        int confirmed = 0;
        Round round;
        do {
            round = round();
            confirmed += round.confirmed();
        } while (round.claimed() == settings.batchSize() && round.confirmed() == round.claimed());
        return confirmed;
    }

    private record Round(int claimed, int confirmed) {
    }

    private Round round() {
        if (!publisher.available()) return new Round(0, 0);
        Instant now = clock.instant();
        List<OutboxEvent> batch = persistence.inRedoableTransaction(
                stores -> stores.outbox().claimDue(now, settings.batchSize(), now.plus(settings.lease())));
        return new Round(batch.size(), batch.isEmpty() ? 0 : relay(batch));
    }

    /** Events handed to the publisher since the start, every attempt counted. */
    public long published() {
        return publishedCount.sum();
    }

    /** Events the publisher confirmed since the start. */
    public long confirmed() {
        return confirmedCount.sum();
    }

    /** Events handed to the publisher and not confirmed since the start (refused, returned, unanswered, or the publisher failed). */
    public long failed() {
        return published() - confirmed();
    }

    private int relay(List<OutboxEvent> batch) {
        Set<UUID> confirmed = publish(batch);
        publishedCount.add(batch.size());
        confirmedCount.add(confirmed.size());
        Instant after = clock.instant();
        persistence.inRedoableTransaction(stores -> {
            stores.outbox().markPublished(confirmed, after);
            for (OutboxEvent event : batch) {
                if (!confirmed.contains(event.id())) stores.outbox().retryAt(event.id(), after.plus(backoff(event.attempts())));
            }
            return null;
        });
        return confirmed.size();
    }

    /** Delay before attempt {@code attempts + 2}: first retry, doubled per failure, capped. */
    Duration backoff(int attempts) {
        Duration delay = settings.firstRetry().multipliedBy(1L << Math.min(attempts, 20));
        return delay.compareTo(settings.maxRetry()) > 0 ? settings.maxRetry() : delay;
    }

    private Set<UUID> publish(List<OutboxEvent> batch) {
        try {
            return publisher.publish(batch);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "publisher failed; the events stay in the outbox: {0}", e.toString());
            return Set.of();
        }
    }
}
