package org.msapp.adapters.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A database of its own on the local PostgreSQL, for one test class: created (and migrated) on first
 * use, emptied before each test, dropped by {@link #close()}. Without a server, a test fails with
 * how to start one under CI, and is skipped with the same words elsewhere.
 */
public final class TestDatabase implements AutoCloseable {
    public static final String START = "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start";
    private static final PostgresSettings SERVER = PostgresSettings.of(
            System.getenv().getOrDefault("TEST_PGHOST", "127.0.0.1"), 5432, "postgres", "postgres", "postgres");

    private final String name;
    private PostgresPersistence persistence;

    private TestDatabase(String name) {
        this.name = name;
    }

    public static TestDatabase named(String purpose) {
        return new TestDatabase(("msapp_it_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_"));
    }

    /** The settings of this database (created when absent), not migrated. */
    public PostgresSettings settings() {
        if (persistence == null) create();
        return SERVER.withDatabase(name);
    }

    /** The persistence adapter on this database, migrated, with every table emptied. */
    public PostgresPersistence empty() {
        if (persistence == null) {
            create();
            persistence = PostgresPersistence.start(SERVER.withDatabase(name));
        }
        execute(name, "TRUNCATE users, orders, outbox, idempotency RESTART IDENTITY CASCADE");
        return persistence;
    }

    /** Runs SQL on this database, outside the adapter. */
    public void execute(String sql) {
        settings();
        execute(name, sql);
    }

    @Override
    public void close() {
        if (persistence != null) persistence.close();
        if (reachable()) execute("postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private boolean created;

    private void create() {
        if (created) return;
        requireServer();
        execute("postgres", "CREATE DATABASE " + name);
        created = true;
    }

    public static void requireServer() {
        if (reachable()) return;
        String message = "PostgreSQL does not answer on " + SERVER.host() + ":5432 (user postgres). Start it with: " + START;
        if (System.getenv("CI") != null) Assertions.fail(message);
        Assumptions.abort(message);
    }

    private static boolean reachable() {
        try (Connection ignored = connect("postgres")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void execute(String database, String sql) {
        try (Connection c = connect(database); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(SERVER.withDatabase(database).jdbcUrl(), SERVER.user(), SERVER.password());
    }
}
