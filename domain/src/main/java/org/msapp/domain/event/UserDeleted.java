package org.msapp.domain.event;

import java.time.Instant;
import java.util.Map;
import org.msapp.domain.user.User;

public record UserDeleted(String subject, Instant occurredAt, Map<String, Object> data) implements DomainEvent {
    public UserDeleted {
        data = Map.copyOf(data);
    }

    public static UserDeleted of(User user, Instant at) {
        return new UserDeleted(UserData.subject(user), at, Map.of("user_id", user.id().value(), "nick_name", user.nickName().value()));
    }

    @Override
    public String type() {
        return "user.deleted";
    }
}
