package org.msapp.domain.event;

import java.time.Instant;
import java.util.Map;
import org.msapp.domain.user.User;

public record UserRegistered(String subject, Instant occurredAt, Map<String, Object> data) implements DomainEvent {
    public UserRegistered {
        data = Map.copyOf(data);
    }

    public static UserRegistered of(User user) {
        return new UserRegistered(UserData.subject(user), user.createdAt(), UserData.of(user));
    }

    @Override
    public String type() {
        return "user.registered";
    }
}
