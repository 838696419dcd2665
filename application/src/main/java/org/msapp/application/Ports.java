package org.msapp.application;

import java.time.Clock;
import java.util.List;
import org.msapp.application.port.AccessTokens;
import org.msapp.application.port.Cache;
import org.msapp.application.port.EventPublisher;
import org.msapp.application.port.FailedLogins;
import org.msapp.application.port.HealthProbe;
import org.msapp.application.port.IdGenerator;
import org.msapp.application.port.PasswordHasher;
import org.msapp.application.port.Persistence;

/** One adapter per outbound port: what the use cases and the outbox relay run on. */
public record Ports(Persistence persistence, EventPublisher events, Cache cache, PasswordHasher hasher,
                    AccessTokens tokens, FailedLogins failedLogins, IdGenerator ids, Clock clock,
                    List<HealthProbe> probes) {
    public Ports {
        probes = List.copyOf(probes);
    }
}
