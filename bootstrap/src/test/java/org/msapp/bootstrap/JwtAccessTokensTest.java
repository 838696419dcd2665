package org.msapp.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.msapp.application.access.InvalidCredentials;
import org.msapp.application.access.Role;
import org.msapp.application.port.AccessTokens;
import org.msapp.application.port.AccessTokensContract;
import org.msapp.domain.user.NickName;
import org.msapp.domain.user.UserId;

class JwtAccessTokensTest extends AccessTokensContract {
    private static final byte[] KEY = "a key of at least thirty-two bytes, for the test".getBytes(StandardCharsets.UTF_8);

    @Override
    protected AccessTokens tokens(Clock clock) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new JwtAccessTokens(key, clock);
    }

    private AccessTokens.Claims claims() {
        return new AccessTokens.Claims("jti-1", new UserId(7), NickName.of("alice"), Set.of(Role.USER), 1,
                clock.instant(), clock.instant().plus(Duration.ofMinutes(15)));
    }

    @Test
    void a_key_shorter_than_32_bytes_is_refused() {
        assertThatThrownBy(() -> new JwtAccessTokens(new byte[31], clock)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }

    @Test
    void two_instances_with_one_key_accept_each_others_tokens() {
        String token = new JwtAccessTokens(KEY, clock).issue(claims());

        assertThat(new JwtAccessTokens(KEY, clock).verify(token)).isEqualTo(claims());
    }

    @Test
    void the_token_is_an_hs256_jwt_with_the_user_as_subject_and_the_claims_of_the_design() throws Exception {
        SignedJWT jwt = SignedJWT.parse(new JwtAccessTokens(KEY, clock).issue(claims()));

        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        JWTClaimsSet c = jwt.getJWTClaimsSet();
        assertThat(c.getSubject()).isEqualTo("7");
        assertThat(c.getJWTID()).isEqualTo("jti-1");
        assertThat(c.getStringClaim("nick_name")).isEqualTo("alice");
        assertThat(c.getStringListClaim("roles")).containsExactly("user");
        assertThat(c.getExpirationTime().toInstant()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
        assertThat(c.getIssueTime().toInstant()).isEqualTo(clock.instant());
    }

    @Test
    void an_unsigned_token_alg_none_is_refused() {
        String unsigned = new PlainJWT(new JWTClaimsSet.Builder().subject("7").issuer("ms-application")
                .expirationTime(Date.from(clock.instant().plusSeconds(600))).build()).serialize();

        assertThatThrownBy(() -> new JwtAccessTokens(KEY, clock).verify(unsigned)).isInstanceOf(InvalidCredentials.class);
    }

    @Test
    void a_token_signed_with_the_key_but_missing_a_claim_of_ours_is_refused() throws Exception {
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
                new JWTClaimsSet.Builder().subject("7").issuer("ms-application").issueTime(Date.from(clock.instant()))
                        .expirationTime(Date.from(clock.instant().plusSeconds(600))).claim("roles", List.of("admin")).build());
        jwt.sign(new MACSigner(KEY));

        assertThatThrownBy(() -> new JwtAccessTokens(KEY, clock).verify(jwt.serialize())).isInstanceOf(InvalidCredentials.class);
    }

    @Test
    void a_payload_raised_to_admin_breaks_the_signature() {
        String token = new JwtAccessTokens(KEY, clock).issue(claims());
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("\"user\"", "\"admin\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];

        assertThatThrownBy(() -> new JwtAccessTokens(KEY, clock).verify(forged)).isInstanceOf(InvalidCredentials.class);
    }
}
