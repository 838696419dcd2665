package org.msapp.application.user;

import org.msapp.application.access.Caller;
import org.msapp.application.cache.CacheAside;
import org.msapp.application.port.CacheKey;
import org.msapp.application.port.Persistence;
import org.msapp.domain.user.User;
import org.msapp.domain.user.UserId;
import org.msapp.domain.user.UserNotFound;

public final class GetUser {
    private final Persistence persistence;
    private final CacheAside cache;

    public GetUser(Persistence persistence, CacheAside cache) {
        this.persistence = persistence;
        this.cache = cache;
    }

    public record Query(Caller caller, UserId user) {
    }

    public User handle(Query q) {
        q.caller().requireAccessTo(q.user());
        return cache.read(CacheKey.user(q.user()), () -> persistence.inTransaction(stores -> stores.users().find(q.user())))
                .orElseThrow(() -> new UserNotFound(q.user()));
    }
}
