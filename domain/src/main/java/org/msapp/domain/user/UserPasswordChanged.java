package org.msapp.domain.user;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** Says which user and which version, nothing of the password. */
public record UserPasswordChanged(UserId userId, long version, Instant occurredAt) implements UserEvent {
    public UserPasswordChanged {
        requireNonNull(userId, "userId");
        requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String type() {
        return "user.password_changed";
    }
}
