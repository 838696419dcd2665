package org.msapp.application.port;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link FailedLogins}. */
public abstract class FailedLoginsContract {
    private static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");

    /** A fresh, empty store that holds at least 100 nick names and 10 failures each. */
    protected abstract FailedLogins failedLogins();

    private FailedLogins failures;

    @BeforeEach
    void makeTheStore() {
        failures = failedLogins();
    }

    @Test
    void failures_after_a_moment_come_back_oldest_first() {
        failures.add("alice", T0.plusSeconds(2));
        failures.add("alice", T0);
        failures.add("alice", T0.plusSeconds(5));

        assertThat(failures.after("alice", T0)).containsExactly(T0.plusSeconds(2), T0.plusSeconds(5));
        assertThat(failures.after("alice", T0.minusSeconds(1))).containsExactly(T0, T0.plusSeconds(2), T0.plusSeconds(5));
    }

    @Test
    void failures_are_kept_per_nick_name() {
        failures.add("alice", T0);

        assertThat(failures.after("bob", T0.minusSeconds(60))).isEmpty();
        assertThat(failures.after("alice", T0.minusSeconds(60))).hasSize(1);
    }

    @Test
    void clearing_forgets_the_failures_of_that_nick_name_only() {
        failures.add("alice", T0);
        failures.add("bob", T0);

        failures.clear("alice");

        assertThat(failures.after("alice", T0.minusSeconds(60))).isEmpty();
        assertThat(failures.after("bob", T0.minusSeconds(60))).containsExactly(T0);
    }
}
