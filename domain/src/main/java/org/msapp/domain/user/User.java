package org.msapp.domain.user;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A registered user. Immutable: each change returns the next version. The canonical constructor
 * rehydrates (values may be {@code stored} ones that predate today's rules); {@link #register} creates.
 * {@code credentialsVersion} counts password changes: whatever was granted against an older one (an
 * access token) no longer holds.
 */
public record User(UserId id, NickName nickName, PasswordHash passwordHash, FullName fullName, Cpf cpf, Email email,
                   PhoneNumber phoneNumber, Instant createdAt, Instant updatedAt, long version, long credentialsVersion) {
    public User {
        requireNonNull(id, "id");
        requireNonNull(nickName, "nickName");
        requireNonNull(passwordHash, "passwordHash");
        requireNonNull(fullName, "fullName");
        requireNonNull(cpf, "cpf");
        requireNonNull(email, "email");
        requireNonNull(phoneNumber, "phoneNumber");
        requireNonNull(createdAt, "createdAt");
        requireNonNull(updatedAt, "updatedAt");
        if (version < 1) throw new IllegalArgumentException("version must be at least 1, was " + version);
        if (credentialsVersion < 1) throw new IllegalArgumentException("credentialsVersion must be at least 1, was " + credentialsVersion);
        if (updatedAt.isBefore(createdAt)) throw new IllegalArgumentException("updated before it was created");
    }

    public static User register(UserId id, NickName nickName, PasswordHash passwordHash, FullName fullName, Cpf cpf,
                                Email email, PhoneNumber phoneNumber, Instant now) {
        return new User(id, nickName, passwordHash, fullName, cpf, email, phoneNumber, now, now, 1, 1);
    }

    public User update(UserChanges changes, Instant now) {
        return new User(id, changes.nickName().orElse(nickName), passwordHash, changes.fullName().orElse(fullName), cpf,
                changes.email().orElse(email), changes.phoneNumber().orElse(phoneNumber), createdAt, later(now), version + 1,
                credentialsVersion);
    }

    public User changePassword(PasswordHash newHash, Instant now) {
        return new User(id, nickName, newHash, fullName, cpf, email, phoneNumber, createdAt, later(now), version + 1,
                credentialsVersion + 1);
    }

    /** A clock that steps back must not make a row look updated before it was created. */
    private Instant later(Instant now) {
        return now.isBefore(updatedAt) ? updatedAt : now;
    }
}
