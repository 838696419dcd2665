package org.msapp.bootstrap;

import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.msapp.application.port.HealthProbe;

/**
 * What the composition root needs of the adapter a factory chose for one port: the adapter, the lines
 * it reports at start-up, its readiness probe, what must be closed when the service stops, and how its
 * metrics are read.
 */
record Adapter<T>(T port, List<String> startupLines, Optional<HealthProbe> probe, List<AutoCloseable> resources,
                  List<MeterBinder> meters) {
    Adapter {
        startupLines = List.copyOf(startupLines);
        resources = List.copyOf(resources);
        meters = List.copyOf(meters);
    }

    static <T> Adapter<T> of(T port, String... startupLines) {
        return new Adapter<>(port, List.of(startupLines), Optional.empty(), List.of(), List.of());
    }

    Adapter<T> probedBy(HealthProbe probe) {
        return new Adapter<>(port, startupLines, Optional.of(probe), resources, meters);
    }

    Adapter<T> closing(AutoCloseable resource) {
        List<AutoCloseable> all = new ArrayList<>(resources);
        all.add(resource);
        return new Adapter<>(port, startupLines, probe, all, meters);
    }

    Adapter<T> measuredBy(MeterBinder binder) {
        List<MeterBinder> all = new ArrayList<>(meters);
        all.add(binder);
        return new Adapter<>(port, startupLines, probe, resources, all);
    }
}
