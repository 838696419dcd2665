package org.msapp.domain.user;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

public record UserDeleted(UserId userId, NickName nickName, Instant occurredAt) implements UserEvent {
    public UserDeleted {
        requireNonNull(userId, "userId");
        requireNonNull(nickName, "nickName");
        requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String type() {
        return "user.deleted";
    }
}
