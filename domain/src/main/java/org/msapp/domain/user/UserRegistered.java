package org.msapp.domain.user;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

public record UserRegistered(UserSnapshot user) implements UserEvent {
    public UserRegistered {
        requireNonNull(user, "user");
    }

    @Override
    public UserId userId() {
        return user.id();
    }

    @Override
    public String type() {
        return "user.registered";
    }

    @Override
    public Instant occurredAt() {
        return user.createdAt();
    }
}
