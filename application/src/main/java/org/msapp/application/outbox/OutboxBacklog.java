package org.msapp.application.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.msapp.application.availability.ServiceUnavailable;
import org.msapp.application.port.Outbox;
import org.msapp.application.port.Persistence;

/**
 * How far the outbox relay is behind, as last read: how many events are not yet published, and how
 * long ago the oldest of them occurred. {@link #refresh} reads the store (one query), on its caller's
 * schedule; the readers never touch the store, so monitoring may read them as often as it likes, and
 * never waits for a database that is slow or away. A refresh that cannot reach the store keeps the last
 * reading.
 */
public final class OutboxBacklog {
    private final Persistence persistence;
    private final Clock clock;
    private volatile Outbox.Backlog last = Outbox.Backlog.NONE;

    public OutboxBacklog(Persistence persistence, Clock clock) {
        this.persistence = persistence;
        this.clock = clock;
    }

    public void refresh() {
        try {
            last = persistence.read(stores -> stores.outbox().backlog());
        } catch (ServiceUnavailable e) {
            // the database's outage is told by readiness and the pool's metrics; the last reading stands
        }
    }

    /** Events not yet published, at the last refresh. */
    public long events() {
        return last.events();
    }

    /** How long ago the oldest unpublished event (at the last refresh) occurred; zero when there was none. */
    public Duration oldestAge() {
        return last.oldestOccurredAt().map(this::since).orElse(Duration.ZERO);
    }

    private Duration since(Instant occurredAt) {
        Duration age = Duration.between(occurredAt, clock.instant());
        return age.isNegative() ? Duration.ZERO : age;
    }
}
