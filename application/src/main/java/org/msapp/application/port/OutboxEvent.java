package org.msapp.application.port;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.msapp.domain.event.DomainEvent;

/**
 * A domain event waiting in the outbox, with the id it keeps on every delivery attempt; {@code data}
 * is what consumers receive of it, never a password hash nor a CPF in clear.
 */
public record OutboxEvent(UUID id, String type, String subject, Instant occurredAt, Map<String, Object> data,
                          int attempts) {
    public OutboxEvent {
        requireNonNull(id, "id");
        requireNonNull(type, "type");
        requireNonNull(subject, "subject");
        requireNonNull(occurredAt, "occurredAt");
        data = Map.copyOf(data);
    }

    public static OutboxEvent of(UUID id, DomainEvent event) {
        return new OutboxEvent(id, event.type(), event.subject(), event.occurredAt(), EventData.of(event), 0);
    }
}
