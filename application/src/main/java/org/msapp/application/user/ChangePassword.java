package org.msapp.application.user;

import java.time.Clock;
import java.util.Optional;
import org.msapp.application.access.Caller;
import org.msapp.application.authentication.LoginThrottle;
import org.msapp.application.authentication.CachedCredentials;
import org.msapp.application.cache.CacheAside;
import org.msapp.application.concurrency.ExpectedVersion;
import org.msapp.application.port.IdGenerator;
import org.msapp.application.port.OutboxEvent;
import org.msapp.application.port.PasswordHasher;
import org.msapp.application.port.Persistence;
import org.msapp.application.read.CachedReads;
import org.msapp.domain.InvalidField;
import org.msapp.domain.user.Password;
import org.msapp.domain.user.PasswordHash;
import org.msapp.domain.user.User;
import org.msapp.domain.user.UserId;
import org.msapp.domain.user.UserNotFound;

/**
 * Replaces a user's password, given the current one; an administrator may replace another user's
 * without it. Either way the user's tokens are revoked. Hashing runs outside any unit of work.
 */
public final class ChangePassword {
    /** {@code current}: the password as the caller knows it; empty when an administrator sets another's. */
    public record Command(Caller caller, UserId user, Optional<Password> current, Password replacement,
                          ExpectedVersion expectedVersion) {
    }

    private final Persistence persistence;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final CacheAside cache;
    private final CachedCredentials credentials;
    private final IdGenerator ids;
    private final Clock clock;

    public ChangePassword(Persistence persistence, PasswordHasher hasher, LoginThrottle throttle, CacheAside cache,
                          CachedCredentials credentials, IdGenerator ids, Clock clock) {
        this.persistence = persistence;
        this.hasher = hasher;
        this.throttle = throttle;
        this.cache = cache;
        this.credentials = credentials;
        this.ids = ids;
        this.clock = clock;
    }

    /** Whether {@code caller} must give the current password of {@code user}: all but an administrator setting another's. */
    public static boolean asksForCurrentPassword(Caller caller, UserId user) {
        return !caller.isAdmin() || caller.userId().equals(user);
    }

    public void handle(Command c) {
        c.caller().requireAccessTo(c.user());
        User current = persistence.read(stores -> stores.users().find(c.user()))
                .orElseThrow(() -> new UserNotFound(c.user()));
        c.expectedVersion().check("user", current.version());
        if (asksForCurrentPassword(c.caller(), c.user())) {
            checkCurrent(c.current().orElseThrow(() -> new InvalidField(Password.FIELD, "is required")), current, c.caller());
        }
        PasswordHash hash = hasher.hash(c.replacement());
        User next = persistence.inTransaction(stores -> {
            var changed = current.changePassword(hash, clock.instant());
            stores.users().update(changed.state());   // refuses if the user changed meanwhile
            credentials.revokeBeforeCommit(current);
            stores.outbox().append(OutboxEvent.of(ids.newEventId(), changed.event()));
            return changed.state();
        });
        cache.evict(CachedReads.user(c.user()), next.version() - 1);
    }

    private void checkCurrent(Password offered, User current, Caller caller) {
        // a token must not buy unlimited guesses at the password: they count per caller, and for the account
        var attempt = throttle.attempt(current.nickName().key(), "user:" + caller.userId());
        if (!attempt.check(() -> hasher.verify(offered, current.passwordHash()))) {
            throw new InvalidField(Password.FIELD, "is not the current password");
        }
    }
}
