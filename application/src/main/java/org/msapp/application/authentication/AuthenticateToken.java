package org.msapp.application.authentication;

import org.msapp.application.access.Caller;
import org.msapp.application.access.InvalidCredentials;
import org.msapp.application.port.AccessTokens;
import org.msapp.application.port.Persistence;
import org.msapp.application.read.Credentials;

/**
 * The caller a bearer token speaks for: a signature check and one read of the user's credentials by
 * key, never a password hash. The read goes to the store, or to a cache every instance shares
 * ({@link CachedCredentials}, which the revoking changes evict before they commit), so that a token
 * granted before a change of password, or to a user since deleted, is refused, and a role since revoked
 * no longer works, from the moment that change commits.
 */
public final class AuthenticateToken {
    private final AccessTokens tokens;
    private final Persistence persistence;
    private final CachedCredentials cached;

    public AuthenticateToken(AccessTokens tokens, Persistence persistence, CachedCredentials cached) {
        this.tokens = tokens;
        this.persistence = persistence;
        this.cached = cached;
    }

    /** @throws InvalidCredentials when the token is not valid, has expired, or has been revoked */
    public Caller handle(String token) {
        AccessTokens.Claims claims = tokens.verify(token);
        Credentials user = cached.read(claims.user(), () -> persistence.read(stores -> stores.users().find(claims.user()))
                        .map(Credentials::of))
                .orElseThrow(() -> new InvalidCredentials("the token's user no longer exists"));
        if (user.credentialsVersion() != claims.credentialsVersion()) {
            throw new InvalidCredentials("the token was revoked by a change of password; ask for a new one");
        }
        return user.caller();   // the roles as stored now, not as issued
    }
}
