package org.msapp.application.user;

import org.msapp.application.access.Caller;
import org.msapp.application.cache.CacheAside;
import org.msapp.application.port.Persistence;
import org.msapp.application.read.CachedReads;
import org.msapp.domain.user.UserId;
import org.msapp.domain.user.UserNotFound;
import org.msapp.domain.user.UserSnapshot;

public final class GetUser {
    private final Persistence persistence;
    private final CacheAside cache;

    public GetUser(Persistence persistence, CacheAside cache) {
        this.persistence = persistence;
        this.cache = cache;
    }

    public record Query(Caller caller, UserId user) {
    }

    /** What a read of one user returns, from the cache when it holds it: never the password hash. */
    public UserSnapshot handle(Query q) {
        q.caller().requireAccessTo(q.user());
        return cache.read(CachedReads.user(q.user()),
                        () -> persistence.read(stores -> stores.users().find(q.user())).map(UserSnapshot::of))
                .orElseThrow(() -> new UserNotFound(q.user()));
    }
}
