package org.msapp.application.user;

import java.time.Clock;
import org.msapp.application.access.Caller;
import org.msapp.application.access.Forbidden;
import org.msapp.application.authentication.CachedCredentials;
import org.msapp.application.cache.CacheAside;
import org.msapp.application.port.IdGenerator;
import org.msapp.application.port.OutboxEvent;
import org.msapp.application.port.Persistence;
import org.msapp.application.read.CachedReads;
import org.msapp.domain.user.User;
import org.msapp.domain.user.UserId;
import org.msapp.domain.user.UserNotFound;

/**
 * Grants or revokes the administrator's role, as an administrator. Asking for what already holds
 * changes nothing. A revocation takes effect at once: every request reads the role from the store.
 */
public final class SetAdminRole {
    /** {@code admin}: true to grant the role, false to revoke it. */
    public record Command(Caller caller, UserId user, boolean admin) {
    }

    private final Persistence persistence;
    private final CacheAside cache;
    private final CachedCredentials credentials;
    private final IdGenerator ids;
    private final Clock clock;

    public SetAdminRole(Persistence persistence, CacheAside cache, CachedCredentials credentials, IdGenerator ids, Clock clock) {
        this.persistence = persistence;
        this.cache = cache;
        this.credentials = credentials;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * @throws Forbidden unless the caller is an administrator
     * @throws UserNotFound when the user does not exist
     * @throws LastAdmin when the role would be taken from the last administrator
     */
    public void handle(Command c) {
        c.caller().requireAdmin("the roles of users");
        User changed = persistence.inTransaction(stores -> {
            if (!c.admin()) LastAdmin.refuseLosing(c.user(), stores.users().admins());
            User current = stores.users().find(c.user()).orElseThrow(() -> new UserNotFound(c.user()));
            if (current.admin() == c.admin()) return null;
            var change = current.withAdminRole(c.admin(), clock.instant());
            stores.users().update(change.state());
            credentials.revokeBeforeCommit(current);
            stores.outbox().append(OutboxEvent.of(ids.newEventId(), change.event()));
            return change.state();
        });
        if (changed != null) cache.evict(CachedReads.user(c.user()), changed.version() - 1);
    }
}
