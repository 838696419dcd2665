package org.msapp.application.port;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Events waiting to be published, written in the same unit of work as the change they record.
 * Several relays may claim at once: a claimed event is leased to its claimer until the lease ends,
 * and no other claim returns it before then.
 */
public interface Outbox {
    void append(OutboxEvent event);

    /**
     * Up to {@code max} unpublished events that are due at {@code now}, oldest first, each leased until
     * {@code leaseUntil} (it is not due again before then).
     */
    List<OutboxEvent> claimDue(Instant now, int max, Instant leaseUntil);

    void markPublished(Collection<UUID> ids, Instant at);

    /** Counts a failed attempt and makes the event due again at {@code at}. */
    void retryAt(UUID id, Instant at);

    /** Deletes events published before {@code cutoff}; returns how many. */
    int purgePublishedBefore(Instant cutoff);

    /** How many events are not yet published. */
    default long pending() {
        return backlog().events();
    }

    /** The events not yet published: how many, and when the oldest of them occurred (empty when there is none). */
    Backlog backlog();

    record Backlog(long events, Optional<Instant> oldestOccurredAt) {
        public static final Backlog NONE = new Backlog(0, Optional.empty());
    }
}
