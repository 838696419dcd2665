package org.msapp.adapters.http;

import java.time.Instant;
import org.msapp.domain.user.User;
import org.msapp.domain.user.UserSnapshot;

/** A user as clients see it: the CPF masked, the password hash nowhere. */
record UserView(long userId, String nickName, String fullName, String cpf, String email, String phoneNumber,
                Instant createdAt, Instant updatedAt) {
    static UserView of(User u) {
        return of(UserSnapshot.of(u));
    }

    static UserView of(UserSnapshot u) {
        return new UserView(u.id().value(), u.nickName().value(), u.fullName().value(), u.maskedCpf(),
                u.email().value(), u.phoneNumber().value(), u.createdAt(), u.updatedAt());
    }
}
