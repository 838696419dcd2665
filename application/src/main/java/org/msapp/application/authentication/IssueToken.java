package org.msapp.application.authentication;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.msapp.application.access.Caller;
import org.msapp.application.port.AccessTokens;
import org.msapp.application.port.IdGenerator;

/** Trades a nick name and password, checked once, for a short-lived bearer token. */
public final class IssueToken {
    public record IssuedToken(String accessToken, String tokenType, long expiresIn) {
    }

    private final AuthenticateUser authenticate;
    private final AccessTokens tokens;
    private final IdGenerator ids;
    private final Clock clock;
    private final Duration lifetime;

    public IssueToken(AuthenticateUser authenticate, AccessTokens tokens, IdGenerator ids, Clock clock, Duration lifetime) {
        this.authenticate = authenticate;
        this.tokens = tokens;
        this.ids = ids;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** @throws org.msapp.application.access.InvalidCredentials, LoginThrottled as {@link AuthenticateUser} does */
    public IssuedToken handle(AuthenticateUser.Command c) {
        AuthenticateUser.Authenticated who = authenticate.handle(c);
        Caller caller = who.caller();
        Instant now = clock.instant();
        String token = tokens.issue(new AccessTokens.Claims(ids.newTokenId().toString(), caller.userId(), caller.nickName(),
                caller.roles(), who.user().credentialsVersion(), now, now.plus(lifetime)));
        return new IssuedToken(token, "Bearer", lifetime.toSeconds());
    }
}
