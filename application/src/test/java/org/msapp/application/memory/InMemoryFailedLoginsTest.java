package org.msapp.application.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.msapp.application.port.FailedLogins;
import org.msapp.application.port.FailedLoginsContract;

class InMemoryFailedLoginsTest extends FailedLoginsContract {
    private static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");

    @Override
    protected FailedLogins failedLogins() {
        return new InMemoryFailedLogins(100, 10);
    }

    @Test
    void it_holds_at_most_so_many_nick_names_forgetting_the_least_recent_first() {
        var failures = new InMemoryFailedLogins(2, 10);
        failures.add("alice", T0);
        failures.add("bob", T0);
        failures.add("carol", T0);

        assertThat(failures.after("alice", T0.minusSeconds(1))).isEmpty();
        assertThat(failures.after("bob", T0.minusSeconds(1))).hasSize(1);
        assertThat(failures.after("carol", T0.minusSeconds(1))).hasSize(1);
    }

    @Test
    void it_holds_at_most_so_many_failures_per_nick_name_forgetting_the_oldest_first() {
        var failures = new InMemoryFailedLogins(10, 2);
        for (int i = 0; i < 5; i++) failures.add("alice", T0.plusSeconds(i));

        assertThat(failures.after("alice", T0.minusSeconds(1))).containsExactly(T0.plusSeconds(3), T0.plusSeconds(4));
    }
}
