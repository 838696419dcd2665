package org.msapp.application.read;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.msapp.domain.user.Email;
import org.msapp.domain.user.FullName;
import org.msapp.domain.user.NickName;
import org.msapp.domain.user.PhoneNumber;
import org.msapp.domain.user.User;
import org.msapp.domain.user.UserId;

/**
 * A user as a read of one user returns it, and as the cache holds it: never the password hash, and the
 * CPF masked ({@code ***.456.789-**}), so that neither can leak from a cache.
 */
public record UserProfile(UserId id, NickName nickName, FullName fullName, String maskedCpf, Email email,
                          PhoneNumber phoneNumber, Instant createdAt, Instant updatedAt, long version) {
    public UserProfile {
        requireNonNull(id, "id");
        requireNonNull(nickName, "nickName");
        requireNonNull(fullName, "fullName");
        requireNonNull(maskedCpf, "maskedCpf");
        requireNonNull(email, "email");
        requireNonNull(phoneNumber, "phoneNumber");
        requireNonNull(createdAt, "createdAt");
        requireNonNull(updatedAt, "updatedAt");
    }

    public static UserProfile of(User user) {
        return new UserProfile(user.id(), user.nickName(), user.fullName(), user.cpf().masked(), user.email(),
                user.phoneNumber(), user.createdAt(), user.updatedAt(), user.version());
    }
}
