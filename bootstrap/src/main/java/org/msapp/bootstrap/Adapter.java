package org.msapp.bootstrap;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.msapp.application.port.HealthProbe;

/**
 * What the composition root needs of the adapter a factory chose for one port: the adapter, the lines
 * it reports at start-up, its readiness probe, and what must be closed when the service stops.
 */
record Adapter<T>(T port, List<String> startupLines, Optional<HealthProbe> probe, List<AutoCloseable> resources) {
    Adapter {
        startupLines = List.copyOf(startupLines);
        resources = List.copyOf(resources);
    }

    static <T> Adapter<T> of(T port, String... startupLines) {
        return new Adapter<>(port, List.of(startupLines), Optional.empty(), List.of());
    }

    Adapter<T> probedBy(HealthProbe probe) {
        return new Adapter<>(port, startupLines, Optional.of(probe), resources);
    }

    Adapter<T> closing(AutoCloseable resource) {
        List<AutoCloseable> all = new ArrayList<>(resources);
        all.add(resource);
        return new Adapter<>(port, startupLines, probe, all);
    }
}
