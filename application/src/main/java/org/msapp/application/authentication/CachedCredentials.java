package org.msapp.application.authentication;

import java.util.Optional;
import java.util.function.Supplier;
import org.msapp.application.availability.ServiceUnavailable;
import org.msapp.application.cache.CacheAside;
import org.msapp.application.port.CacheUnavailable;
import org.msapp.application.read.CachedReads;
import org.msapp.application.read.Credentials;
import org.msapp.domain.user.User;
import org.msapp.domain.user.UserId;

/**
 * The token path's cache of credentials, on only where every instance shares the cache (Redis): an
 * instance's own memory could not be evicted by a change another instance makes. Revocation stays
 * immediate: each change that revokes (a new password, a deletion, a role taken or given, a new nick
 * name, on which looking users up by name depends) evicts the
 * entry before its commit, naming the version it replaces, so that no read, racing or later, can put
 * the old credentials back; when the cache cannot confirm the eviction, the change is refused
 * ({@link ServiceUnavailable}) rather than commit with a credential some instance may still accept.
 */
public final class CachedCredentials {
    private final Optional<CacheAside> shared;

    private CachedCredentials(Optional<CacheAside> shared) {
        this.shared = shared;
    }

    /** Every token's user read from the store. */
    public static CachedCredentials off() {
        return new CachedCredentials(Optional.empty());
    }

    /** Credentials read through {@code shared}, a cache every instance of the service uses. */
    public static CachedCredentials in(CacheAside shared) {
        return new CachedCredentials(Optional.of(shared));
    }

    Optional<Credentials> read(UserId user, Supplier<Optional<Credentials>> load) {
        return shared.map(cache -> cache.read(CachedReads.credentials(user), load)).orElseGet(load);
    }

    /**
     * Inside the unit of work of a change that revokes {@code current}'s credentials, before it commits.
     *
     * @throws ServiceUnavailable when the shared cache cannot confirm the eviction: the change must not commit
     */
    public void revokeBeforeCommit(User current) {
        if (shared.isEmpty()) return;
        try {
            shared.get().evictOrFail(CachedReads.credentials(current.id()), current.version());
        } catch (CacheUnavailable e) {
            throw new ServiceUnavailable("the cache, which must forget the old credentials first,", e);
        }
    }
}
