package org.msapp.application.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msapp.application.access.InvalidCredentials;
import org.msapp.application.access.Role;
import org.msapp.application.fixtures.TestClock;
import org.msapp.domain.user.NickName;
import org.msapp.domain.user.UserId;

/** The contract of {@link AccessTokens}, for the signed JWTs of production and the in-memory tokens of tests. */
public abstract class AccessTokensContract {
    protected final TestClock clock = TestClock.fixed();

    /** A fresh adapter on {@code clock}; two calls give adapters that do not share a key. */
    protected abstract AccessTokens tokens(Clock clock);

    private AccessTokens tokens;

    @BeforeEach
    void makeTheAdapter() {
        tokens = tokens(clock);
    }

    private AccessTokens.Claims claims(Instant issuedAt, Duration lifetime) {
        return new AccessTokens.Claims("token-1", new UserId(7), NickName.of("alice"), Set.of(Role.USER, Role.ADMIN), 3,
                issuedAt, issuedAt.plus(lifetime));
    }

    @Test
    void a_token_gives_back_exactly_the_claims_it_was_issued_with() {
        AccessTokens.Claims issued = claims(clock.instant(), Duration.ofMinutes(15));

        assertThat(tokens.verify(tokens.issue(issued))).isEqualTo(issued);
    }

    @Test
    void a_token_holds_until_it_expires_and_not_a_moment_after() {
        String token = tokens.issue(claims(clock.instant(), Duration.ofMinutes(15)));

        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertThat(tokens.verify(token).user()).isEqualTo(new UserId(7));

        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(InvalidCredentials.class);
    }

    @Test
    void a_token_issued_already_expired_is_refused() {
        String token = tokens.issue(claims(clock.instant().minus(Duration.ofHours(1)), Duration.ofMinutes(15)));

        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(InvalidCredentials.class);
    }

    @Test
    void an_altered_token_is_refused() {
        String token = tokens.issue(claims(clock.instant(), Duration.ofMinutes(15)));
        int middle = token.length() / 2;
        String altered = token.substring(0, middle) + (token.charAt(middle) == 'A' ? 'B' : 'A') + token.substring(middle + 1);

        assertThatThrownBy(() -> tokens.verify(altered)).isInstanceOf(InvalidCredentials.class);
        assertThatThrownBy(() -> tokens.verify(token + "x")).isInstanceOf(InvalidCredentials.class);
    }

    @Test
    void a_token_of_another_key_is_refused() {
        String foreign = tokens(clock).issue(claims(clock.instant(), Duration.ofMinutes(15)));

        assertThatThrownBy(() -> tokens.verify(foreign)).isInstanceOf(InvalidCredentials.class);
    }

    @Test
    void garbage_is_refused_as_invalid_credentials_and_nothing_else() {
        for (String garbage : new String[] {"", "x", "a.b.c", "eyJhbGciOiJub25lIn0.eyJzdWIiOiI3In0.", "\u0000", "..."}) {
            assertThatThrownBy(() -> tokens.verify(garbage)).as(garbage).isInstanceOf(InvalidCredentials.class);
        }
    }
}
