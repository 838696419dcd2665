package org.msapp.adapters.postgres;

import java.util.concurrent.atomic.AtomicBoolean;
import org.msapp.application.port.HealthProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readiness of the database: one round trip through the pool. Critical: nothing works without it.
 * It says "PostgreSQL" and, when down, why in a few words; where the database is goes only to the
 * log, once when it stops answering and once when it answers again.
 */
public final class PostgresProbe implements HealthProbe {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresProbe.class);

    private final PostgresPersistence persistence;
    private final String where;
    private final AtomicBoolean wasUp = new AtomicBoolean(true);

    public PostgresProbe(PostgresPersistence persistence, PostgresSettings settings) {
        this.persistence = persistence;
        this.where = settings.where();
    }

    @Override
    public String name() {
        return "persistence";
    }

    @Override
    public boolean critical() {
        return true;
    }

    @Override
    public Result check() {
        try {
            persistence.ping();
            if (!wasUp.getAndSet(true)) LOG.info("readiness: PostgreSQL at {} answers again", where);
            return Result.up("PostgreSQL");
        } catch (RuntimeException e) {
            String reason = Failures.reason(e);
            if (wasUp.getAndSet(false)) LOG.warn("readiness: PostgreSQL at {} is down, {}: {}", where, reason, Failures.describe(e));
            return Result.down("PostgreSQL: " + reason);
        }
    }
}
