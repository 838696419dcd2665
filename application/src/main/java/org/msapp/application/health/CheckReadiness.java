package org.msapp.application.health;

import java.util.List;
import org.msapp.application.port.HealthProbe;

/** Asks each backing service for its state; the service is ready while every critical one is up. */
public final class CheckReadiness {
    public record Component(String name, boolean up, boolean critical, String detail) {
    }

    public record Readiness(boolean ready, List<Component> components) {
    }

    private final List<HealthProbe> probes;

    public CheckReadiness(List<HealthProbe> probes) {
        this.probes = List.copyOf(probes);
    }

    public Readiness handle() {
        List<Component> components = probes.stream().map(CheckReadiness::ask).toList();
        return new Readiness(components.stream().allMatch(c -> c.up() || !c.critical()), components);
    }

    private static Component ask(HealthProbe probe) {
        try {
            HealthProbe.Result r = probe.check();
            return new Component(probe.name(), r.up(), probe.critical(), r.detail());
        } catch (RuntimeException e) {
            return new Component(probe.name(), false, probe.critical(), "check failed: " + e.getClass().getSimpleName());
        }
    }
}
