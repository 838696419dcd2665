package org.msapp.domain.user;

import org.msapp.domain.event.DomainEvent;

/** The events of a user. */
public sealed interface UserEvent extends DomainEvent
        permits UserRegistered, UserUpdated, UserPasswordChanged, UserDeleted {
    UserId userId();

    @Override
    default String subject() {
        return "users/" + userId();
    }
}
