package org.msapp.application.user;

import java.time.Clock;
import org.msapp.application.access.Administrators;
import org.msapp.application.access.Caller;
import org.msapp.application.access.Forbidden;
import org.msapp.application.cache.CacheAside;
import org.msapp.application.concurrency.ExpectedVersion;
import org.msapp.application.read.CachedReads;
import org.msapp.application.port.IdGenerator;
import org.msapp.application.port.OutboxEvent;
import org.msapp.application.port.Persistence;
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
    private final IdGenerator ids;
    private final Clock clock;
    private final Administrators administrators;

    public UpdateUser(Persistence persistence, CacheAside cache, IdGenerator ids, Clock clock, Administrators administrators) {
        this.persistence = persistence;
        this.cache = cache;
        this.ids = ids;
        this.clock = clock;
        this.administrators = administrators;
    }

    /**
     * @throws org.msapp.domain.user.NickNameTaken when the new nick name is another user's (the store refuses it)
     * @throws Forbidden when someone but an administrator renames themselves to an administrator's nick name
     */
    public User handle(Command c) {
        c.caller().requireAccessTo(c.user());
        c.changes().nickName().filter(administrators::name).ifPresent(reserved -> {
            if (!c.caller().isAdmin()) throw new Forbidden("the nick name '" + reserved + "', which is an administrator's");
        });
        User updated = persistence.inTransaction(stores -> {
            User current = stores.users().find(c.user()).orElseThrow(() -> new UserNotFound(c.user()));
            c.expectedVersion().check("user", current.version());
            if (c.changes().isEmpty()) return current;
            var changed = current.update(c.changes(), clock.instant());
            stores.users().update(changed.state());
            stores.outbox().append(OutboxEvent.of(ids.newEventId(), changed.event()));
            return changed.state();
        });
        cache.evict(CachedReads.user(c.user()), updated.version() - 1);
        return updated;
    }
}
