package org.msapp.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A database of its own on the local PostgreSQL, for one test class: created (and migrated) on first
 * use, emptied before each test, dropped by {@link #close()}. Without a server, a test fails with
 * how to start one under CI, and is skipped with the same words elsewhere; a server that answers but
 * refuses the connection (a wrong password, a missing role) fails the test, wherever it runs.
 * {@code TEST_PGHOST} and {@code TEST_PGPORT} name another server (127.0.0.1 and 5432 by default).
 */
public final class TestDatabase implements AutoCloseable {
    public static final String START = "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start";
    private static final PostgresSettings SERVER = PostgresSettings.of(
            System.getenv().getOrDefault("TEST_PGHOST", "127.0.0.1"),
            Integer.parseInt(System.getenv().getOrDefault("TEST_PGPORT", "5432")), "postgres", "postgres", "postgres");
    /** SQLState class 08, connection exception: nothing answered (refused, unreachable, timed out). */
    private static final String NO_CONNECTION = "08";
    /** Null until the first test asks; then empty when the server answered, else why it did not. */
    private static Optional<SQLException> firstConnection;

    private final String name;
    private PostgresPersistence persistence;
    private boolean created;

    private TestDatabase(String name) {
        this.name = name;
    }

    public static TestDatabase named(String purpose) {
        return new TestDatabase(("msapp_it_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_"));
    }

    /** The settings of this database (created when absent), not migrated. */
    public PostgresSettings settings() {
        create();
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
        create();
        execute(name, sql);
    }

    /** The first column of every row the query answers, read outside the adapter. */
    @SuppressWarnings("unchecked")
    public <T> List<T> column(String sql) {
        create();
        try (Connection c = connect(name); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<T> values = new ArrayList<>();
            while (rs.next()) values.add((T) rs.getObject(1));
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The one value the query answers (one row, one column), read outside the adapter. */
    public <T> T one(String sql) {
        List<T> values = column(sql);
        assertThat(values).as("one row from: %s", sql).hasSize(1);
        return values.get(0);
    }

    /** Closes the adapter and drops the database, if this made one. */
    @Override
    public void close() {
        if (persistence != null) persistence.close();
        if (created) execute("postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void create() {
        if (created) return;
        requireServer();
        execute("postgres", "CREATE DATABASE " + name);
        created = true;
    }

    /**
     * Returns when the server answers; without one, skips the test with how to start it, or fails it
     * under CI. Any other refusal fails the test, CI or not: it is no missing server.
     */
    public static void requireServer() {
        connectionFailure().ifPresent(TestDatabase::refuse);
    }

    /**
     * Empty when the server answers the tests' connection, else why it did not. Asked once per JVM:
     * a server that is not there at the first test is not waited for at each of the others.
     */
    public static synchronized Optional<SQLException> connectionFailure() {
        if (firstConnection == null) {
            try (Connection ignored = connect("postgres")) {
                firstConnection = Optional.empty();
            } catch (SQLException e) {
                firstConnection = Optional.of(e);
            }
        }
        return firstConnection;
    }

    /** What a failed connection to the server means for the test (package-private for its own test). */
    static void refuse(SQLException e) {
        String server = SERVER.host() + ":" + SERVER.port();
        if (e.getSQLState() == null || !e.getSQLState().startsWith(NO_CONNECTION)) {
            throw new IllegalStateException("PostgreSQL on " + server + " answers but refuses the tests' connection (user "
                    + SERVER.user() + ", SQLState " + e.getSQLState() + "): " + e.getMessage(), e);
        }
        String message = "PostgreSQL does not answer on " + server + " (user " + SERVER.user() + "). Start it with: " + START;
        if (System.getenv("CI") != null) Assertions.fail(message, e);
        Assumptions.abort(message);
    }

    private static void execute(String database, String sql) {
        try (Connection c = connect(database); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", SERVER.user());
        properties.setProperty("password", SERVER.password());
        properties.setProperty("connectTimeout", "3");   // seconds: a host that drops packets is "no server" soon
        return DriverManager.getConnection(SERVER.withDatabase(database).jdbcUrl(), properties);
    }
}
