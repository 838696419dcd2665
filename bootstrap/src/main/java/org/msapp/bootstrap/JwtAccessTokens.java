package org.msapp.bootstrap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeyLengthException;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.ExpiredJWTException;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.msapp.application.access.InvalidCredentials;
import org.msapp.application.access.Role;
import org.msapp.application.port.AccessTokens;
import org.msapp.domain.user.NickName;
import org.msapp.domain.user.UserId;

/**
 * Access tokens as JWTs signed with HS256 through nimbus-jose-jwt (a well-kept library; nothing is
 * hand-rolled). Only HS256 with this key is accepted (so {@code alg: none} and key confusion are
 * refused), every claim this service writes is required, and expiry is checked with no clock skew
 * against the service's own clock. A token whose signature and claims checked out is remembered (up to
 * {@value #REMEMBERED} of them, all forgotten at once when full), so that its next use costs a lookup
 * and an expiry check against the same clock, not a signature: on a cached read the signature was a
 * quarter of the service's CPU.
 */
public final class JwtAccessTokens implements AccessTokens {
    public static final int MIN_SECRET_BYTES = 32;
    private static final String ISSUER = "ms-application";
    static final int REMEMBERED = 10_000;
    private static final Set<String> REQUIRED = Set.of("jti", "sub", "iss", "iat", "exp", "nick_name", "roles", "cv");

    private final MACSigner signer;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final Clock clock;
    private final Map<String, Claims> verified = new ConcurrentHashMap<>();

    /** @throws IllegalArgumentException when the secret is shorter than 32 bytes */
    public JwtAccessTokens(byte[] secret, Clock clock) {
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the token secret must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        this.clock = clock;
        try {
            signer = new MACSigner(secret);
        } catch (KeyLengthException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.HS256, new ImmutableSecret<>(secret)));
        var verifier = new DefaultJWTClaimsVerifier<SecurityContext>(new JWTClaimsSet.Builder().issuer(ISSUER).build(), REQUIRED) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        verifier.setMaxClockSkew(0);
        processor.setJWTClaimsSetVerifier(verifier);
    }

    @Override
    public String issue(Claims c) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .jwtID(c.id())
                .issuer(ISSUER)
                .subject(Long.toString(c.user().value()))
                .claim("nick_name", c.nickName().value())
                .claim("roles", c.roles().stream().map(r -> r.name().toLowerCase(Locale.ROOT)).sorted().toList())
                .claim("cv", c.credentialsVersion())
                .issueTime(Date.from(c.issuedAt()))
                .expirationTime(Date.from(c.expiresAt()))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return jwt.serialize();
    }

    @Override
    public Claims verify(String token) {
        Claims known = verified.get(token);
        if (known == null) return remembered(token, checked(token));
        if (!clock.instant().isBefore(known.expiresAt())) {
            verified.remove(token);
            throw expired();
        }
        return known;
    }

    private Claims remembered(String token, Claims claims) {
        if (verified.size() >= REMEMBERED) verified.clear();
        verified.put(token, claims);
        return claims;
    }

    private Claims checked(String token) {
        try {
            JWTClaimsSet c = processor.process(token, null);
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String role : c.getStringListClaim("roles")) roles.add(Role.valueOf(role.toUpperCase(Locale.ROOT)));
            return new Claims(c.getJWTID(), new UserId(Long.parseLong(c.getSubject())),
                    NickName.stored(c.getStringClaim("nick_name")), roles, c.getLongClaim("cv"),
                    c.getIssueTime().toInstant(), c.getExpirationTime().toInstant());
        } catch (ExpiredJWTException e) {
            throw expired();
        } catch (ParseException | BadJOSEException | JOSEException | RuntimeException e) {
            throw new InvalidCredentials("the bearer token is not valid");
        }
    }

    private static InvalidCredentials expired() {
        return new InvalidCredentials("the bearer token has expired; ask POST /auth/token for a new one");
    }
}
