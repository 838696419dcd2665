package org.msapp.application.memory;

import org.msapp.application.port.HealthProbe;

/** The state of an in-process adapter: up while the process is. */
public record InProcessProbe(String name, boolean critical, String detail) implements HealthProbe {
    @Override
    public Result check() {
        return Result.up(detail);
    }
}
