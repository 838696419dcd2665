package org.msapp.domain.event;

import java.time.Instant;
import java.util.Map;
import org.msapp.domain.user.User;

public record UserPasswordChanged(String subject, Instant occurredAt, Map<String, Object> data) implements DomainEvent {
    public UserPasswordChanged {
        data = Map.copyOf(data);
    }

    public static UserPasswordChanged of(User user) {
        return new UserPasswordChanged(UserData.subject(user), user.updatedAt(), Map.of("user_id", user.id().value(), "version", user.version()));
    }

    @Override
    public String type() {
        return "user.password_changed";
    }
}
