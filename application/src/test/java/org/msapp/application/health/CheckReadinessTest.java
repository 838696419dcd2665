package org.msapp.application.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.msapp.application.memory.InProcessProbe;
import org.msapp.application.port.HealthProbe;

class CheckReadinessTest {
    private record Probe(String name, boolean critical, Supplier<Result> answer) implements HealthProbe {
        @Override
        public Result check() {
            return answer.get();
        }
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
        CheckReadiness.Readiness r = new CheckReadiness(List.of(up("database", true), up("broker", false),
                new InProcessProbe("cache", false, "in-process"))).handle();

        assertThat(r.ready()).isTrue();
        assertThat(r.components()).containsExactly(
                new CheckReadiness.Component("database", true, true, "fine"),
                new CheckReadiness.Component("broker", true, false, "fine"),
                new CheckReadiness.Component("cache", true, false, "in-process"));
    }

    @Test
    void a_critical_probe_down_makes_the_service_unready() {
        CheckReadiness.Readiness r = new CheckReadiness(List.of(down("database", true), up("broker", false))).handle();

        assertThat(r.ready()).isFalse();
        assertThat(r.components().get(0)).isEqualTo(new CheckReadiness.Component("database", false, true, "connection refused"));
    }

    @Test
    void a_non_critical_probe_down_only_degrades_the_service() {
        CheckReadiness.Readiness r = new CheckReadiness(List.of(up("database", true), down("broker", false),
                down("cache", false))).handle();

        assertThat(r.ready()).isTrue();
        assertThat(r.components()).extracting(CheckReadiness.Component::up).containsExactly(true, false, false);
    }

    @Test
    void a_probe_that_throws_counts_as_down_and_the_others_are_still_asked() {
        CheckReadiness.Readiness critical = new CheckReadiness(List.of(throwing("database", true), up("broker", false))).handle();
        CheckReadiness.Readiness optional = new CheckReadiness(List.of(up("database", true), throwing("broker", false))).handle();

        assertThat(critical.ready()).isFalse();
        assertThat(critical.components().get(0).up()).isFalse();
        assertThat(critical.components().get(0).detail()).contains("IllegalStateException").doesNotContain("boom");
        assertThat(critical.components().get(1).up()).isTrue();
        assertThat(optional.ready()).isTrue();
        assertThat(optional.components().get(1).up()).isFalse();
    }

    @Test
    void with_no_probes_the_service_is_ready() {
        assertThat(new CheckReadiness(List.of()).handle().ready()).isTrue();
    }
}
