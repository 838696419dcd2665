package org.msapp.domain.user;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

public record UserUpdated(UserSnapshot user) implements UserEvent {
    public UserUpdated {
        requireNonNull(user, "user");
    }

    @Override
    public UserId userId() {
        return user.id();
    }

    @Override
    public String type() {
        return "user.updated";
    }

    @Override
    public Instant occurredAt() {
        return user.updatedAt();
    }
}
