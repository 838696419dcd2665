package org.msapp.domain.user;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A user as events carry it and as a read of one user returns it (and a cache holds it): everything
 * but the password hash, and the CPF masked ({@code ***.456.789-**}), so that neither can leak;
 * {@code admin} says whether the user holds the administrator's role.
 */
public record UserSnapshot(UserId id, NickName nickName, FullName fullName, String maskedCpf, Email email,
                           PhoneNumber phoneNumber, Instant createdAt, Instant updatedAt, long version, boolean admin) {
    public UserSnapshot {
        requireNonNull(id, "id");
        requireNonNull(nickName, "nickName");
        requireNonNull(fullName, "fullName");
        requireNonNull(maskedCpf, "maskedCpf");
        requireNonNull(email, "email");
        requireNonNull(phoneNumber, "phoneNumber");
        requireNonNull(createdAt, "createdAt");
        requireNonNull(updatedAt, "updatedAt");
    }

    public static UserSnapshot of(User user) {
        return new UserSnapshot(user.id(), user.nickName(), user.fullName(), user.cpf().masked(), user.email(),
                user.phoneNumber(), user.createdAt(), user.updatedAt(), user.version(), user.admin());
    }
}
