package org.msapp.domain.user;

import java.time.Instant;

/** A user as events carry it: everything but the password hash, and the CPF masked. */
public record UserSnapshot(UserId id, NickName nickName, FullName fullName, String maskedCpf, Email email,
                           PhoneNumber phoneNumber, Instant createdAt, Instant updatedAt, long version) {
    static UserSnapshot of(User user) {
        return new UserSnapshot(user.id(), user.nickName(), user.fullName(), user.cpf().masked(), user.email(),
                user.phoneNumber(), user.createdAt(), user.updatedAt(), user.version());
    }
}
