package org.msapp.bootstrap;

import java.time.Clock;
import java.time.Duration;
import org.msapp.application.port.AccessTokens;

/** Bearer tokens signed with HS256 under the token key every instance shares. */
final class AccessTokensFactory {
    private AccessTokensFactory() {
    }

    static Adapter<AccessTokens> create(Keys keys, Clock clock, Duration lifetime) {
        return Adapter.of(new JwtAccessTokens(keys.tokenKey(), clock), "[✓] access tokens: HS256, " + lifetime.toMinutes() + " min");
    }
}
