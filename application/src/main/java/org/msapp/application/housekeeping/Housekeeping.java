package org.msapp.application.housekeeping;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.msapp.application.port.Persistence;

/** Deletes what has served its time: published events past their retention, and expired idempotency records. */
public final class Housekeeping {
    private final Persistence persistence;
    private final Clock clock;
    private final Duration publishedEventsRetention;

    public Housekeeping(Persistence persistence, Clock clock, Duration publishedEventsRetention) {
        this.persistence = persistence;
        this.clock = clock;
        this.publishedEventsRetention = publishedEventsRetention;
    }

    /** Returns how many events and records were deleted. */
    public int purgeOnce() {
        Instant now = clock.instant();
        return persistence.inTransaction(stores -> stores.outbox().purgePublishedBefore(now.minus(publishedEventsRetention))
                + stores.idempotency().purgeExpired(now));
    }
}
