package org.msapp.adapters.postgres;

import org.msapp.application.port.HealthProbe;

/** Readiness of the database: one round trip through the pool. Critical: nothing works without it. */
public final class PostgresProbe implements HealthProbe {
    private final PostgresPersistence persistence;
    private final String where;

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
            return Result.up("PostgreSQL " + persistence.serverVersion() + " at " + where);
        } catch (RuntimeException e) {
            return Result.down("PostgreSQL at " + where + " does not answer");
        }
    }
}
