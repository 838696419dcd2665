package org.msapp.application.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.msapp.application.fixtures.CountingProbe;
import org.msapp.application.fixtures.TestClock;
import org.msapp.application.memory.InProcessProbe;
import org.msapp.application.port.HealthProbe;

class CheckReadinessTest {
    private record Probe(String name, boolean critical, Supplier<Result> answer) implements HealthProbe {
        @Override
        public Result check() {
            return answer.get();
        }
    }

    private final TestClock clock = TestClock.fixed();

    private CheckReadiness check(List<HealthProbe> probes) {
        return new CheckReadiness(probes, clock, CheckReadiness.Settings.defaults());
    }

    private static HealthProbe up(String name, boolean critical) {
        return new Probe(name, critical, () -> HealthProbe.Result.up("fine"));
    }

    private static HealthProbe down(String name, boolean critical) {
        return new Probe(name, critical, () -> HealthProbe.Result.down("connection refused"));
    }

    private static HealthProbe throwing(String name, boolean critical) {
        return new Probe(name, critical, () -> {
            throw new IllegalStateException("boom");
        });
    }

    @Test
    void ready_while_every_probe_is_up_and_each_is_reported() {
        CheckReadiness.Readiness r = check(List.of(up("database", true), up("broker", false),
                new InProcessProbe("cache", false, "in-process"))).handle();

        assertThat(r.ready()).isTrue();
        assertThat(r.components()).containsExactly(
                new CheckReadiness.Component("database", true, true, "fine"),
                new CheckReadiness.Component("broker", true, false, "fine"),
                new CheckReadiness.Component("cache", true, false, "in-process"));
    }

    @Test
    void a_critical_probe_down_makes_the_service_unready() {
        CheckReadiness.Readiness r = check(List.of(down("database", true), up("broker", false))).handle();

        assertThat(r.ready()).isFalse();
        assertThat(r.components().get(0)).isEqualTo(new CheckReadiness.Component("database", false, true, "connection refused"));
    }

    @Test
    void a_non_critical_probe_down_only_degrades_the_service() {
        CheckReadiness.Readiness r = check(List.of(up("database", true), down("broker", false),
                down("cache", false))).handle();

        assertThat(r.ready()).isTrue();
        assertThat(r.components()).extracting(CheckReadiness.Component::up).containsExactly(true, false, false);
    }

    @Test
    void a_probe_that_throws_counts_as_down_and_the_others_are_still_asked() {
        CheckReadiness.Readiness critical = check(List.of(throwing("database", true), up("broker", false))).handle();
        CheckReadiness.Readiness optional = check(List.of(up("database", true), throwing("broker", false))).handle();

        assertThat(critical.ready()).isFalse();
        assertThat(critical.components().get(0).up()).isFalse();
        assertThat(critical.components().get(0).detail()).contains("IllegalStateException").doesNotContain("boom");
        assertThat(critical.components().get(1).up()).isTrue();
        assertThat(optional.ready()).isTrue();
        assertThat(optional.components().get(1).up()).isFalse();
    }

    @Test
    void with_no_probes_the_service_is_ready() {
        assertThat(check(List.of()).handle().ready()).isTrue();
    }

    @Test
    void an_answer_is_kept_for_a_second_and_then_the_probes_are_asked_again() {
        var probe = new CountingProbe(Duration.ofMillis(50));
        CheckReadiness readiness = check(List.of(probe));

        readiness.handle();
        clock.advance(Duration.ofMillis(999));
        readiness.handle();
        assertThat(probe.checks()).isEqualTo(1);

        clock.advance(Duration.ofMillis(1));
        readiness.handle();
        assertThat(probe.checks()).isEqualTo(2);
    }

    @Test
    void a_hundred_callers_at_once_share_one_check() throws Exception {
        var probe = new CountingProbe(Duration.ofMillis(50));
        CheckReadiness readiness = check(List.of(probe));
        ExecutorService callers = Executors.newFixedThreadPool(100);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<CheckReadiness.Readiness>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 100; i++) {
                answers.add(callers.submit(() -> {
                    go.await();
                    return readiness.handle();
                }));
            }
            go.countDown();
            for (Future<CheckReadiness.Readiness> answer : answers) assertThat(answer.get(10, TimeUnit.SECONDS).ready()).isTrue();
        } finally {
            callers.shutdownNow();
        }

        assertThat(probe.checks()).isEqualTo(1);
    }

    @Test
    void a_probe_that_does_not_answer_in_time_counts_as_down_and_the_others_are_still_reported() {
        CountDownLatch never = new CountDownLatch(1);
        HealthProbe hung = new Probe("database", true, () -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return HealthProbe.Result.up("too late");
        });
        var readiness = new CheckReadiness(List.of(hung, up("broker", false)), clock,
                new CheckReadiness.Settings(Duration.ofSeconds(1), Duration.ofMillis(100)));

        CheckReadiness.Readiness r = readiness.handle();

        assertThat(r.ready()).isFalse();
        assertThat(r.components()).containsExactly(
                new CheckReadiness.Component("database", false, true, "no answer within 100 ms"),
                new CheckReadiness.Component("broker", true, false, "fine"));
    }

    @Test
    void a_probe_still_hung_from_the_last_check_is_waited_for_again_not_asked_again() {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger asked = new AtomicInteger();
        HealthProbe hung = new Probe("database", true, () -> {
            asked.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return HealthProbe.Result.up("answered at last");
        });
        var readiness = new CheckReadiness(List.of(hung), clock,
                new CheckReadiness.Settings(Duration.ofSeconds(1), Duration.ofMillis(50)));

        for (int i = 0; i < 5; i++) {
            assertThat(readiness.handle().ready()).isFalse();
            clock.advance(Duration.ofSeconds(2));
        }
        assertThat(asked).as("checks begun while the first hung").hasValue(1);

        release.countDown();
        assertThat(readiness.handle().components()).extracting(CheckReadiness.Component::detail).containsExactly("answered at last");
        clock.advance(Duration.ofSeconds(2));
        readiness.handle();
        assertThat(asked).as("asked anew once it answered").hasValue(2);
    }

    @Test
    void the_probes_are_asked_side_by_side() {
        CyclicBarrier both = new CyclicBarrier(2);
        Supplier<HealthProbe.Result> meetTheOther = () -> {
            try {
                both.await(5, TimeUnit.SECONDS);
                return HealthProbe.Result.up("met");
            } catch (Exception e) {
                return HealthProbe.Result.down("alone");
            }
        };
        var readiness = new CheckReadiness(List.of(new Probe("database", true, meetTheOther), new Probe("broker", false, meetTheOther)),
                clock, new CheckReadiness.Settings(Duration.ofSeconds(1), Duration.ofSeconds(10)));

        assertThat(readiness.handle().components()).extracting(CheckReadiness.Component::detail).containsExactly("met", "met");
    }
}
