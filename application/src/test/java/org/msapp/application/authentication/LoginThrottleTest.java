package org.msapp.application.authentication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.msapp.application.availability.Overloaded;
import org.msapp.application.availability.ServiceUnavailable;
import org.msapp.application.fixtures.TestClock;
import org.msapp.application.memory.InMemoryFailedLogins;

/** The two limits of {@link LoginThrottle}, here 3 failures a minute per origin and 6 an hour per account. */
class LoginThrottleTest {
    private static final LoginThrottle.Settings SETTINGS = new LoginThrottle.Settings(
            new LoginThrottle.Limit(3, Duration.ofMinutes(1)), new LoginThrottle.Limit(6, Duration.ofHours(1)));

    private final TestClock clock = TestClock.fixed();
    private final LoginThrottle throttle = new LoginThrottle(new InMemoryFailedLogins(100, 10), clock, SETTINGS);

    private boolean tryFrom(String origin, boolean right) {
        return throttle.attempt("alice", origin).check(() -> right);
    }

    private void failFrom(String origin, int times) {
        for (int i = 0; i < times; i++) assertThat(tryFrom(origin, false)).isFalse();
    }

    @Test
    void past_its_limit_an_origin_is_refused_and_the_others_are_not() {
        failFrom("a", 3);

        assertThatThrownBy(() -> tryFrom("a", true)).isInstanceOfSatisfying(LoginThrottled.class,
                e -> assertThat(e.retryAfterSeconds()).isEqualTo(60));
        assertThat(tryFrom("b", true)).isTrue();
    }

    @Test
    void past_the_ceiling_every_origin_is_refused_until_the_oldest_failure_is_an_hour_old() {
        failFrom("a", 2);
        clock.advance(Duration.ofMinutes(10));
        failFrom("b", 2);
        failFrom("c", 2);

        assertThatThrownBy(() -> tryFrom("d", true)).isInstanceOfSatisfying(LoginThrottled.class,
                e -> assertThat(e.retryAfterSeconds()).isEqualTo(50 * 60));
        clock.advance(Duration.ofMinutes(50));
        assertThat(tryFrom("d", true)).isTrue();
    }

    @Test
    void an_attempt_refused_by_the_ceiling_is_not_charged_to_its_origin() {
        failFrom("a", 2);
        failFrom("b", 2);
        clock.advance(Duration.ofMinutes(59).plusSeconds(30));
        failFrom("c", 2);
        for (int i = 0; i < 5; i++) assertThatThrownBy(() -> tryFrom("d", false)).isInstanceOf(LoginThrottled.class);

        clock.advance(Duration.ofSeconds(31));   // the ceiling lifts, d's minute has not passed
        failFrom("d", 3);
    }

    @Test
    void a_success_forgets_its_origins_failures_but_not_the_failures_of_the_others() {
        failFrom("a", 2);
        failFrom("b", 2);
        assertThat(tryFrom("b", true)).isTrue();
        failFrom("b", 2);

        assertThatThrownBy(() -> tryFrom("c", true)).as("6 failures for the account, though b succeeded meanwhile")
                .isInstanceOf(LoginThrottled.class);
    }

    @Test
    void successes_count_against_neither_limit() {
        for (int i = 0; i < 20; i++) assertThat(tryFrom("a", true)).isTrue();

        failFrom("a", 3);
    }

    @Test
    void a_check_the_hasher_would_not_run_is_no_failure() {
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> throttle.attempt("alice", "a").check(() -> {
                throw new Overloaded("password hashing");
            })).isInstanceOf(Overloaded.class);
            assertThatThrownBy(() -> throttle.attempt("alice", "a").check(() -> {
                throw new ServiceUnavailable("password hashing");
            })).isInstanceOf(ServiceUnavailable.class);
        }

        failFrom("a", 3);
    }

    @Test
    void the_limits_of_one_account_leave_the_others_alone() {
        failFrom("a", 3);

        assertThat(throttle.attempt("bob", "a").check(() -> true)).isTrue();
    }

    @Test
    void failed_checks_and_refused_attempts_are_counted_and_nothing_else() {
        assertThat(tryFrom("a", true)).isTrue();
        failFrom("a", 3);
        assertThatThrownBy(() -> tryFrom("a", false)).isInstanceOf(LoginThrottled.class);
        assertThatThrownBy(() -> tryFrom("a", true)).isInstanceOf(LoginThrottled.class);
        assertThatThrownBy(() -> throttle.attempt("alice", "b").check(() -> {
            throw new Overloaded("password hashing");
        })).isInstanceOf(Overloaded.class);

        assertThat(throttle.failedChecks()).isEqualTo(3);
        assertThat(throttle.throttled()).isEqualTo(2);
    }
}
