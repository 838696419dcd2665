package org.msapp.application.user;

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

    public User handle(UserId id) {
        return cache.read(CacheKey.user(id), () -> persistence.inTransaction(store -> store.users().find(id)))
                .orElseThrow(() -> new UserNotFound(id));
    }
}
