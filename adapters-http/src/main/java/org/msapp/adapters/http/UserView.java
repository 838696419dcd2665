package org.msapp.adapters.http;

import java.time.Instant;
import java.util.List;
import org.msapp.domain.user.User;
import org.msapp.domain.user.UserSnapshot;

/**
 * A user as clients see it: the CPF masked, the password hash nowhere. Only the user themself and
 * administrators see a user, so {@code roles} is always shown.
 */
record UserView(long userId, String nickName, String fullName, String cpf, String email, String phoneNumber,
                List<String> roles, Instant createdAt, Instant updatedAt) {
    static UserView of(User u) {
        return of(UserSnapshot.of(u));
    }

    static UserView of(UserSnapshot u) {
        return new UserView(u.id().value(), u.nickName().value(), u.fullName().value(), u.maskedCpf(),
                u.email().value(), u.phoneNumber().value(), u.admin() ? List.of("admin") : List.of(), u.createdAt(), u.updatedAt());
    }
}
