package org.msapp.domain.event;

import java.util.LinkedHashMap;
import java.util.Map;
import org.msapp.domain.user.User;

/** The public state of a user, as events carry it. */
final class UserData {
    private UserData() {
    }

    static Map<String, Object> of(User user) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("user_id", user.id().value());
        data.put("nick_name", user.nickName().value());
        data.put("full_name", user.fullName().value());
        data.put("cpf", user.cpf().masked());
        data.put("email", user.email().value());
        data.put("phone_number", user.phoneNumber().value());
        data.put("created_at", user.createdAt().toString());
        data.put("updated_at", user.updatedAt().toString());
        data.put("version", user.version());
        return Map.copyOf(data);
    }

    static String subject(User user) {
        return "users/" + user.id();
    }
}
