package org.msapp.bootstrap;

import java.time.Duration;
import java.time.Instant;
import org.msapp.adapters.postgres.PostgresPersistence;
import org.msapp.application.availability.ServiceUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Waits at start-up for a configured PostgreSQL, up to its start-up timeout: the migrations need it. */
final class Postgres {
    private static final Logger LOG = LoggerFactory.getLogger(Postgres.class);

    private Postgres() {
    }

    /** @throws IllegalStateException when the database stays unreachable for the whole start-up timeout */
    static PostgresPersistence start(Config.Database db) {
        Instant deadline = Instant.now().plus(db.startupTimeout());
        while (true) {
            try {
                return PostgresPersistence.start(db.settings());
            } catch (ServiceUnavailable e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("PostgreSQL at " + db.settings().where() + " stayed unreachable for "
                            + db.startupTimeout().toSeconds() + " s (DATABASE_STARTUP_TIMEOUT): " + rootMessage(e));
                }
                LOG.info("[ ] waiting for PostgreSQL at {}: {}", db.settings().where(), rootMessage(e));
                sleep(Duration.ofSeconds(1));
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) root = root.getCause();
        return root.getMessage();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for PostgreSQL", e);
        }
    }
}
