package org.msapp.bootstrap;

import org.msapp.application.memory.InMemoryFailedLogins;
import org.msapp.application.port.FailedLogins;

/** Failed log-ins, counted in this process (at most 100,000 nick names, 10 attempts each). */
final class FailedLoginsFactory {
    private FailedLoginsFactory() {
    }

    static Adapter<FailedLogins> create() {
        return Adapter.of(new InMemoryFailedLogins(100_000, 10));
    }
}
