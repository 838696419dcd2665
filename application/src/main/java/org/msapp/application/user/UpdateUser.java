package org.msapp.application.user;

import java.time.Clock;
import org.msapp.application.access.Caller;
import org.msapp.application.authentication.CachedCredentials;
import org.msapp.application.cache.CacheAside;
import org.msapp.application.concurrency.ExpectedVersion;
import org.msapp.application.port.IdGenerator;
import org.msapp.application.port.OutboxEvent;
import org.msapp.application.port.Persistence;
import org.msapp.application.read.CachedReads;
import org.msapp.domain.user.User;
import org.msapp.domain.user.UserChanges;
import org.msapp.domain.user.UserId;
import org.msapp.domain.user.UserNotFound;

public final class UpdateUser {
    /** {@code expectedVersion}: the version the caller saw (If-Match), when they name one. */
    public record Command(Caller caller, UserId user, UserChanges changes, ExpectedVersion expectedVersion) {
    }

    private final Persistence persistence;
    private final CacheAside cache;
    private final CachedCredentials credentials;
    private final IdGenerator ids;
    private final Clock clock;

    public UpdateUser(Persistence persistence, CacheAside cache, CachedCredentials credentials, IdGenerator ids, Clock clock) {
        this.persistence = persistence;
        this.cache = cache;
        this.credentials = credentials;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * A rename changes the name alone: the administrator's role stays with the user who holds it.
     *
     * @throws org.msapp.domain.user.NickNameTaken when the new nick name is another user's (the store refuses it)
     */
    public User handle(Command c) {
        c.caller().requireAccessTo(c.user());
        User updated = persistence.inTransaction(stores -> {
            User current = stores.users().find(c.user()).orElseThrow(() -> new UserNotFound(c.user()));
            c.expectedVersion().check("user", current.version());
            if (c.changes().isEmpty()) return current;
            var changed = current.update(c.changes(), clock.instant());
            stores.users().update(changed.state());
            // the caller's name is part of the credentials: who may look a user up by nick name depends on it
            if (!changed.state().nickName().equals(current.nickName())) credentials.revokeBeforeCommit(current);
            stores.outbox().append(OutboxEvent.of(ids.newEventId(), changed.event()));
            return changed.state();
        });
        cache.evict(CachedReads.user(c.user()), updated.version() - 1);
        return updated;
    }
}
