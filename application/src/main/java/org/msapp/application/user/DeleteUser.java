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
import org.msapp.domain.user.UserHasOrders;
import org.msapp.domain.user.UserId;
import org.msapp.domain.user.UserNotFound;

public final class DeleteUser {
    public record Command(Caller caller, UserId user, ExpectedVersion expectedVersion) {
    }

    private final Persistence persistence;
    private final CacheAside cache;
    private final CachedCredentials credentials;
    private final IdGenerator ids;
    private final Clock clock;

    public DeleteUser(Persistence persistence, CacheAside cache, CachedCredentials credentials, IdGenerator ids, Clock clock) {
        this.persistence = persistence;
        this.cache = cache;
        this.credentials = credentials;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * @throws UserHasOrders while the user still has orders
     * @throws LastAdmin when the user is the last administrator
     */
    public void handle(Command c) {
        c.caller().requireAccessTo(c.user());
        User deleted = persistence.inTransaction(stores -> {
            User current = stores.users().find(c.user()).orElseThrow(() -> new UserNotFound(c.user()));
            c.expectedVersion().check("user", current.version());
            if (stores.orders().anyOfUser(c.user())) throw new UserHasOrders(c.user());
            if (current.admin()) LastAdmin.refuseLosing(current.id(), stores.users().admins());
            stores.users().remove(current);
            credentials.revokeBeforeCommit(current);
            stores.outbox().append(OutboxEvent.of(ids.newEventId(), current.delete(clock.instant())));
            return current;
        });
        cache.evict(CachedReads.user(c.user()), deleted.version());
    }
}
