package org.msapp.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BreakerTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final Breaker breaker = new Breaker(3, 100, now::get);

    @Test
    void it_opens_after_the_threshold_of_failures_in_a_row_and_refuses_until_the_period_ends() {
        breaker.failed();
        breaker.failed();
        assertThat(breaker.allows()).isTrue();

        breaker.failed();

        assertThat(breaker.allows()).isFalse();
        now.addAndGet(99);
        assertThat(breaker.allows()).isFalse();
    }

    @Test
    void after_the_period_one_trial_goes_through_and_a_success_closes_it() {
        for (int i = 0; i < 3; i++) breaker.failed();
        now.addAndGet(100);

        assertThat(breaker.allows()).as("the trial").isTrue();
        assertThat(breaker.allows()).as("a second caller meanwhile").isFalse();

        breaker.succeeded();

        assertThat(breaker.allows()).isTrue();
        assertThat(breaker.isOpen()).isFalse();
    }

    @Test
    void a_success_between_failures_starts_the_count_again() {
        breaker.failed();
        breaker.failed();
        breaker.succeeded();
        breaker.failed();
        breaker.failed();

        assertThat(breaker.allows()).isTrue();
    }
}
