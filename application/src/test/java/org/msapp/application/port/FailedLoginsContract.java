package org.msapp.application.port;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link FailedLogins}. */
public abstract class FailedLoginsContract {
    private static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");
    private static final Instant LONG_AGO = T0.minusSeconds(3600);

    /** A fresh, empty store that holds at least 100 keys and 10 attempts each. */
    protected abstract FailedLogins failedLogins();

    private FailedLogins attempts;

    @BeforeEach
    void makeTheStore() {
        attempts = failedLogins();
    }

    @Test
    void each_attempt_answers_those_before_it_after_the_moment_asked_oldest_first() {
        assertThat(attempts.countUnlessFull("alice", T0.plusSeconds(2), LONG_AGO, 5)).isEmpty();
        assertThat(attempts.countUnlessFull("alice", T0, LONG_AGO, 5)).containsExactly(T0.plusSeconds(2));

        assertThat(attempts.countUnlessFull("alice", T0.plusSeconds(5), T0, 5)).containsExactly(T0.plusSeconds(2));
        assertThat(attempts.countUnlessFull("alice", T0.plusSeconds(6), LONG_AGO, 5))
                .containsExactly(T0, T0.plusSeconds(2), T0.plusSeconds(5));
    }

    @Test
    void once_full_an_attempt_is_not_counted() {
        for (int i = 0; i < 3; i++) attempts.countUnlessFull("alice", T0.plusSeconds(i), LONG_AGO, 3);

        assertThat(attempts.countUnlessFull("alice", T0.plusSeconds(10), LONG_AGO, 3)).hasSize(3);
        assertThat(attempts.countUnlessFull("alice", T0.plusSeconds(11), LONG_AGO, 100)).hasSize(3);
    }

    @Test
    void attempts_are_kept_per_key() {
        attempts.countUnlessFull("alice", T0, LONG_AGO, 5);

        assertThat(attempts.countUnlessFull("bob", T0, LONG_AGO, 5)).isEmpty();
        assertThat(attempts.countUnlessFull("alice", T0, LONG_AGO, 5)).hasSize(1);
    }

    @Test
    void clearing_forgets_the_attempts_of_that_key_only() {
        attempts.countUnlessFull("alice", T0, LONG_AGO, 5);
        attempts.countUnlessFull("bob", T0, LONG_AGO, 5);

        attempts.clear("alice");

        assertThat(attempts.countUnlessFull("alice", T0.plusSeconds(1), LONG_AGO, 5)).isEmpty();
        assertThat(attempts.countUnlessFull("bob", T0.plusSeconds(1), LONG_AGO, 5)).containsExactly(T0);
    }

    @Test
    void forgetting_takes_back_one_attempt_at_that_moment_and_leaves_the_others() {
        attempts.countUnlessFull("alice", T0, LONG_AGO, 5);
        attempts.countUnlessFull("alice", T0.plusSeconds(1), LONG_AGO, 5);
        attempts.countUnlessFull("alice", T0.plusSeconds(1), LONG_AGO, 5);
        attempts.countUnlessFull("alice", T0.plusSeconds(2), LONG_AGO, 5);

        attempts.forget("alice", T0.plusSeconds(1));

        assertThat(attempts.countUnlessFull("alice", T0.plusSeconds(3), LONG_AGO, 5))
                .containsExactly(T0, T0.plusSeconds(1), T0.plusSeconds(2));
    }

    @Test
    void forgetting_an_attempt_never_counted_changes_nothing() {
        attempts.countUnlessFull("alice", T0, LONG_AGO, 5);

        attempts.forget("alice", T0.plusSeconds(5));
        attempts.forget("bob", T0);

        assertThat(attempts.countUnlessFull("alice", T0.plusSeconds(6), LONG_AGO, 5)).containsExactly(T0);
        assertThat(attempts.countUnlessFull("bob", T0.plusSeconds(6), LONG_AGO, 5)).isEmpty();
    }

    @Test
    void a_forgotten_attempt_leaves_room_under_the_limit() {
        for (int i = 0; i < 3; i++) attempts.countUnlessFull("alice", T0.plusSeconds(i), LONG_AGO, 3);

        attempts.forget("alice", T0.plusSeconds(2));

        assertThat(attempts.countUnlessFull("alice", T0.plusSeconds(3), LONG_AGO, 3)).hasSize(2);
        assertThat(attempts.countUnlessFull("alice", T0.plusSeconds(4), LONG_AGO, 3)).hasSize(3);
    }

    @Test
    void of_many_attempts_at_once_no_more_than_the_allowance_are_counted() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CyclicBarrier together = new CyclicBarrier(8);
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 8; i++) {
            int n = i;
            threads.submit(() -> {
                together.await(10, TimeUnit.SECONDS);
                seen.add(attempts.countUnlessFull("alice", T0.plusMillis(n), LONG_AGO, 5).size());
                return null;
            });
        }
        threads.shutdown();
        assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(seen).hasSize(8);
        assertThat(seen.stream().filter(before -> before < 5)).as("attempts counted").hasSize(5);
    }
}
