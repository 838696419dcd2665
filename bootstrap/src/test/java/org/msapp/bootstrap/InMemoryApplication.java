package org.msapp.bootstrap;

import java.time.Clock;
import java.util.List;
import org.msapp.application.Ports;
import org.msapp.application.fixtures.FakeAccessTokens;
import org.msapp.application.fixtures.RecordingEventPublisher;
import org.msapp.application.memory.InMemoryCache;
import org.msapp.application.memory.InMemoryFailedLogins;
import org.msapp.application.memory.InMemoryPersistence;
import org.msapp.application.memory.RandomIds;
import org.msapp.application.port.HealthProbe;
import org.msapp.application.port.PasswordHasher;

/** The real service on in-memory adapters, with the hasher, the readiness probes and the shutdown a test chooses. */
final class InMemoryApplication {
    private InMemoryApplication() {
    }

    static Application start(PasswordHasher hasher, List<HealthProbe> probes, Config.Shutdown shutdown) {
        var adapters = new Ports(new InMemoryPersistence(), new RecordingEventPublisher(),
                new InMemoryCache(Clock.systemUTC(), 10), hasher, new FakeAccessTokens(Clock.systemUTC()),
                new InMemoryFailedLogins(10, 10), new RandomIds(), Clock.systemUTC(), probes);
        return Application.start(Config.embedded(0).withShutdown(shutdown), adapters);
    }
}
