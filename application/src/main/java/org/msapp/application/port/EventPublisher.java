package org.msapp.application.port;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Hands outbox events to the broker. Never throws for the broker's sake: it returns the ids that the
 * broker confirmed it holds, and an event missing from that set (refused, unroutable, timed out, no
 * connection) is simply tried again later under the same id. Consumers may so see an event twice,
 * never lose one.
 */
public interface EventPublisher {
    Set<UUID> publish(List<OutboxEvent> events);

    /**
     * Whether a publish could reach the broker now (an adapter may try to connect, briefly, to know).
     * While it is not, the relay claims nothing, so no attempt is counted and no backoff grows: the
     * events stay due, and go as soon as the broker is back. Never throws.
     */
    default boolean available() {
        return true;
    }
}
