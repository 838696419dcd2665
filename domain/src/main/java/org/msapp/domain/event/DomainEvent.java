package org.msapp.domain.event;

import java.time.Instant;
import java.util.Map;

/**
 * A state change, one per change. {@link #data()} is what consumers receive: plain JSON-ready values
 * (strings, numbers, booleans), never the password hash and never the CPF in clear.
 */
public sealed interface DomainEvent
        permits UserRegistered, UserUpdated, UserPasswordChanged, UserDeleted, OrderPlaced, OrderUpdated, OrderDeleted {

    /** Dotted and lower case, also the routing key: {@code user.registered}, {@code order.placed}. */
    String type();

    /** The changed entity: {@code users/7}, {@code orders/42}. */
    String subject();

    Instant occurredAt();

    Map<String, Object> data();
}
