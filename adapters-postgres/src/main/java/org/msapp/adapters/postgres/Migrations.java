package org.msapp.adapters.postgres;

import java.util.Arrays;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.exception.FlywayValidateException;

/**
 * Flyway owns the schema ({@code db/migration}). V1 is the tutorial's own DDL, so a database the
 * tutorial made is adopted in place: Flyway refuses a non-empty schema that has no history table, so
 * such a schema is first baselined at version 0 (below V1), and then V1 (which creates nothing that
 * exists), V2 and V3 run on it as on an empty one. A database migrated by a newer build than this one
 * is refused, never downgraded.
 */
final class Migrations {
    /** Long enough for any migration here; short enough that a database that hangs at start-up ends the attempt. */
    static final int MIGRATION_SOCKET_TIMEOUT_SECONDS = 120;
    private static final Set<MigrationState> FUTURE = Set.of(MigrationState.FUTURE_SUCCESS, MigrationState.FUTURE_FAILED);

    private Migrations() {
    }

    static void migrate(PostgresSettings settings) {
        long connectSeconds = Math.max(1, settings.connectTimeout().toSeconds());
        Flyway flyway = Flyway.configure()
                .dataSource(settings.jdbcUrl() + "?connectTimeout=" + connectSeconds + "&loginTimeout=" + connectSeconds
                        + "&socketTimeout=" + MIGRATION_SOCKET_TIMEOUT_SECONDS + "&tcpKeepAlive=true", settings.user(),
                        settings.password())
                .locations("classpath:db/migration")
                .ignoreMigrationPatterns("")
                .connectRetries(0)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("adopted in place: tables made before this service")
                .load();
        try {
            flyway.migrate();   // validates first: a version applied that this build does not have fails here
        } catch (FlywayValidateException e) {
            refuseANewerSchema(flyway, settings);
            throw e;
        }
    }

    /** Only once validation has failed: reading the history again costs a scan of the classpath and a query. */
    private static void refuseANewerSchema(Flyway flyway, PostgresSettings settings) {
        Arrays.stream(flyway.info().applied()).filter(m -> FUTURE.contains(m.getState())).reduce((a, b) -> b).ifPresent(newest -> {
            throw new IllegalStateException("the database " + settings.where() + " is at schema version " + newest.getVersion()
                    + ", newer than this build knows: run a build at least as new, or restore a matching backup");
        });
    }
}
