package org.msapp.domain.event;

import java.time.Instant;

/**
 * A state change, one per change, made by the aggregate's own behaviour together with the new state.
 * Each aggregate's events are a sealed family ({@code UserEvent}, {@code OrderEvent}). Events never
 * hold the password hash nor the CPF in clear; how they are written for consumers is the outbox's.
 */
public interface DomainEvent {
    /** Dotted and lower case, also the routing key: {@code user.registered}, {@code order.placed}. */
    String type();

    /** The changed entity: {@code users/7}, {@code orders/42}. */
    String subject();

    Instant occurredAt();
}
