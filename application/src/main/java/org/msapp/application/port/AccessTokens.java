package org.msapp.application.port;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Set;
import org.msapp.application.access.Role;
import org.msapp.domain.user.NickName;
import org.msapp.domain.user.UserId;

/**
 * Signed, self-contained access tokens: checking one costs a signature, not a password hash. Every
 * instance that shares the key accepts the tokens of every other.
 */
public interface AccessTokens {
    /** What a token says; {@code id} is unique per token. */
    record Claims(String id, UserId user, NickName nickName, Set<Role> roles, long credentialsVersion,
                  Instant issuedAt, Instant expiresAt) {
        public Claims {
            requireNonNull(id, "id");
            requireNonNull(user, "user");
            requireNonNull(nickName, "nickName");
            roles = Set.copyOf(roles);
            requireNonNull(issuedAt, "issuedAt");
            requireNonNull(expiresAt, "expiresAt");
            if (!expiresAt.isAfter(issuedAt)) throw new IllegalArgumentException("a token must expire after it is issued");
        }
    }

    /** The token that carries {@code claims}, signed. */
    String issue(Claims claims);

    /**
     * The claims of {@code token}, exactly as issued.
     *
     * @throws org.msapp.application.access.InvalidCredentials when the token is malformed, was not signed
     *     with this key, was altered, or has expired by this adapter's clock. Nothing else.
     */
    Claims verify(String token);
}
