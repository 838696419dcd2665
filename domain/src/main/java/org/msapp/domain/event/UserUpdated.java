package org.msapp.domain.event;

import java.time.Instant;
import java.util.Map;
import org.msapp.domain.user.User;

public record UserUpdated(String subject, Instant occurredAt, Map<String, Object> data) implements DomainEvent {
    public UserUpdated {
        data = Map.copyOf(data);
    }

    public static UserUpdated of(User user) {
        return new UserUpdated(UserData.subject(user), user.updatedAt(), UserData.of(user));
    }

    @Override
    public String type() {
        return "user.updated";
    }
}
