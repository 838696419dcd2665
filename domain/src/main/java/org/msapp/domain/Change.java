package org.msapp.domain;

import static java.util.Objects.requireNonNull;

import org.msapp.domain.event.DomainEvent;

/** What a behaviour of an aggregate returns: the new state, and the event that records the change. */
public record Change<T, E extends DomainEvent>(T state, E event) {
    public Change {
        requireNonNull(state, "state");
        requireNonNull(event, "event");
    }
}
