package org.msapp.application.port;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.msapp.application.tracing.Trace;
import org.msapp.domain.event.DomainEvent;

/**
 * A domain event waiting in the outbox, with the id it keeps on every delivery attempt; {@code data}
 * is what consumers receive of it, never a password hash nor a CPF in clear. {@code trace} is the
 * request that caused it, null when no request did (the first administrator, made at start).
 */
public record OutboxEvent(UUID id, String type, String subject, Instant occurredAt, Map<String, Object> data,
                          int attempts, Trace trace) {
    public OutboxEvent {
        requireNonNull(id, "id");
        requireNonNull(type, "type");
        requireNonNull(subject, "subject");
        requireNonNull(occurredAt, "occurredAt");
        data = Map.copyOf(data);
    }

    /** An event no request caused. */
    public OutboxEvent(UUID id, String type, String subject, Instant occurredAt, Map<String, Object> data, int attempts) {
        this(id, type, subject, occurredAt, data, attempts, null);
    }

    /** The event as the outbox keeps it, caused by the request this thread serves ({@link Trace#current()}), if any. */
    public static OutboxEvent of(UUID id, DomainEvent event) {
        return new OutboxEvent(id, event.type(), event.subject(), event.occurredAt(), EventData.of(event), 0,
                Trace.current().orElse(null));
    }

    /** The same event, with one more failed attempt counted. */
    public OutboxEvent retried() {
        return new OutboxEvent(id, type, subject, occurredAt, data, attempts + 1, trace);
    }
}
