package org.msapp.application.memory;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.msapp.application.InvalidCredentials;
import org.msapp.application.port.AccessTokens;

/**
 * Opaque random tokens remembered by this instance: the port's rules (unforgeable, expiring) without
 * cryptography, for tests. Only the instance that issued a token accepts it; production signs JWTs.
 */
public final class InMemoryAccessTokens implements AccessTokens {
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Claims> issued = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryAccessTokens(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String issue(Claims claims) {
        issued.values().removeIf(c -> !c.expiresAt().isAfter(clock.instant()));
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        issued.put(token, claims);
        return token;
    }

    @Override
    public Claims verify(String token) {
        Claims claims = token == null ? null : issued.get(token);
        if (claims == null || !claims.expiresAt().isAfter(clock.instant())) throw new InvalidCredentials();
        return claims;
    }
}
