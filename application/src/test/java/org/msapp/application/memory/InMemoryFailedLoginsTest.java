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
    void it_holds_at_most_so_many_keys_forgetting_the_least_recent_first() {
        var attempts = new InMemoryFailedLogins(2, 10);
        attempts.countUnlessFull("alice", T0, T0.minusSeconds(1), 5);
        attempts.countUnlessFull("bob", T0, T0.minusSeconds(1), 5);
        attempts.countUnlessFull("carol", T0, T0.minusSeconds(1), 5);

        assertThat(attempts.countUnlessFull("bob", T0, T0.minusSeconds(1), 5)).hasSize(1);
        assertThat(attempts.countUnlessFull("alice", T0, T0.minusSeconds(1), 5)).isEmpty();
    }

    @Test
    void it_holds_at_most_so_many_attempts_per_key_forgetting_the_oldest_first() {
        var attempts = new InMemoryFailedLogins(10, 2);
        for (int i = 0; i < 5; i++) attempts.countUnlessFull("alice", T0.plusSeconds(i), T0.minusSeconds(1), 100);

        assertThat(attempts.countUnlessFull("alice", T0.plusSeconds(9), T0.minusSeconds(1), 100))
                .containsExactly(T0.plusSeconds(3), T0.plusSeconds(4));
    }
}
