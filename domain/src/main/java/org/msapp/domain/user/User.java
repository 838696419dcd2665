package org.msapp.domain.user;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.msapp.domain.Change;

/**
 * A registered user. Immutable: each change returns the next version. The canonical constructor
 * rehydrates (values may be {@code stored} ones that predate today's rules); {@link #register} creates.
 * Each behaviour returns the next state with the event that records it, so no change goes unrecorded.
 * {@code credentialsVersion} counts password changes: whatever was granted against an older one (an
 * access token) no longer holds. {@code admin} is the administrator's role, held by the user whatever
 * their name: registering never grants it, a rename never changes it.
 */
public record User(UserId id, NickName nickName, PasswordHash passwordHash, FullName fullName, Cpf cpf, Email email,
                   PhoneNumber phoneNumber, Instant createdAt, Instant updatedAt, long version, long credentialsVersion,
                   boolean admin) {
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

    public static Change<User, UserRegistered> register(UserId id, NickName nickName, PasswordHash passwordHash,
                                                        FullName fullName, Cpf cpf, Email email, PhoneNumber phoneNumber,
                                                        Instant now) {
        return registered(new User(id, nickName, passwordHash, fullName, cpf, email, phoneNumber, now, now, 1, 1, false));
    }

    /** Registers the first administrator, who holds the role from their first version. */
    public static Change<User, UserRegistered> registerAdmin(UserId id, NickName nickName, PasswordHash passwordHash,
                                                             FullName fullName, Cpf cpf, Email email,
                                                             PhoneNumber phoneNumber, Instant now) {
        return registered(new User(id, nickName, passwordHash, fullName, cpf, email, phoneNumber, now, now, 1, 1, true));
    }

    private static Change<User, UserRegistered> registered(User user) {
        return new Change<>(user, new UserRegistered(UserSnapshot.of(user)));
    }

    public Change<User, UserUpdated> update(UserChanges changes, Instant now) {
        User next = new User(id, changes.nickName().orElse(nickName), passwordHash, changes.fullName().orElse(fullName), cpf,
                changes.email().orElse(email), changes.phoneNumber().orElse(phoneNumber), createdAt, later(now), version + 1,
                credentialsVersion, admin);
        return new Change<>(next, new UserUpdated(UserSnapshot.of(next)));
    }

    /** The user holding the administrator's role, or no longer holding it: {@code admin} says which. */
    public Change<User, UserUpdated> withAdminRole(boolean admin, Instant now) {
        User next = new User(id, nickName, passwordHash, fullName, cpf, email, phoneNumber, createdAt, later(now), version + 1,
                credentialsVersion, admin);
        return new Change<>(next, new UserUpdated(UserSnapshot.of(next)));
    }

    public Change<User, UserPasswordChanged> changePassword(PasswordHash newHash, Instant now) {
        User next = new User(id, nickName, newHash, fullName, cpf, email, phoneNumber, createdAt, later(now), version + 1,
                credentialsVersion + 1, admin);
        return new Change<>(next, new UserPasswordChanged(id, next.version(), next.updatedAt()));
    }

    /** The event of this user's deletion at {@code now}; there is no state after it. */
    public UserDeleted delete(Instant now) {
        return new UserDeleted(id, nickName, now);
    }

    /** A clock that steps back must not make a row look updated before it was created. */
    private Instant later(Instant now) {
        return now.isBefore(updatedAt) ? updatedAt : now;
    }
}
