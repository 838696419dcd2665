package org.msapp.adapters.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.msapp.application.port.IdempotencyRecords;
import org.msapp.application.port.OrderStore;
import org.msapp.application.port.Outbox;
import org.msapp.application.port.Persistence;
import org.msapp.application.port.UserStore;
import org.msapp.domain.DomainException;

/**
 * The persistence port on PostgreSQL, through Jdbi on a HikariCP pool. A unit of work is one
 * transaction (READ COMMITTED; the schema's constraints and the versions keep the rules). Driver
 * failures of the database itself become {@link org.msapp.application.availability.ServiceUnavailable}; once
 * the database answers again, the pool's new connections work, with no restart.
 */
public final class PostgresPersistence implements Persistence, AutoCloseable {
    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final ThreadLocal<Handle> current = new ThreadLocal<>();

    private PostgresPersistence(HikariDataSource pool) {
        this.pool = pool;
        this.jdbi = Jdbi.create((DataSource) pool).installPlugin(new PostgresPlugin());
        jdbi.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
        // A statement's exception must never carry its bound values (password hashes, CPFs) into a log.
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
    }

    /**
     * Migrates the schema, then opens the pool.
     *
     * @throws org.msapp.application.availability.ServiceUnavailable when the database cannot be reached
     * @throws IllegalStateException when the database's schema is newer than this build
     */
    public static PostgresPersistence start(PostgresSettings settings) {
        try {
            Migrations.migrate(settings);
        } catch (RuntimeException e) {
            throw Failures.unavailable(e) ? Failures.toUnavailable(e) : e;
        }
        return new PostgresPersistence(new HikariDataSource(poolConfig(settings)));
    }

    static HikariConfig poolConfig(PostgresSettings s) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("msapp-postgres");
        config.setJdbcUrl(s.jdbcUrl());
        config.setUsername(s.user());
        config.setPassword(s.password());
        config.setMaximumPoolSize(s.poolSize());
        config.setConnectionTimeout(Math.max(250, s.connectTimeout().toMillis()));
        config.setValidationTimeout(Math.max(250, Math.min(s.connectTimeout().toMillis(), 1000)));
        config.setInitializationFailTimeout(-1);   // start without a connection; the probe tells readiness
        // The driver reads its properties with Properties.getProperty, which sees String values only;
        // HikariCP 7 hands them over as they are (5 made strings of them). A number here would be
        // ignored silently: no socket timeout, so a stalled database would hang a request for good.
        long seconds = Math.max(1, (s.queryTimeout().toMillis() + 999) / 1000);
        config.addDataSourceProperty("connectTimeout", Long.toString(Math.max(1, s.connectTimeout().toSeconds())));
        config.addDataSourceProperty("socketTimeout", Long.toString(seconds));
        config.addDataSourceProperty("tcpKeepAlive", "true");
        config.addDataSourceProperty("ApplicationName", "ms-application");
        config.addDataSourceProperty("logServerErrorDetail", "false");   // no "Failing row contains (...)" in messages
        config.setConnectionInitSql("SET statement_timeout = " + s.queryTimeout().toMillis());
        return config;
    }

    @Override
    public <T> T inTransaction(Function<Stores, T> work) {
        return joinedOr(work, () -> jdbi.inTransaction(handle -> bound(handle, work)));
    }

    @Override
    public <T> T inRedoableTransaction(Function<Stores, T> work) {
        return joinedOr(work, () -> jdbi.inTransaction(handle -> {
            handle.execute("SET LOCAL synchronous_commit = off");
            return bound(handle, work);
        }));
    }

    @Override
    public <T> T read(Function<Stores, T> work) {
        return joinedOr(work, () -> jdbi.withHandle(handle -> bound(handle, work)));
    }

    /** {@code work} in the unit of work this thread is in, if any; else on a handle that {@code open} opens. */
    private <T> T joinedOr(Function<Stores, T> work, Supplier<T> open) {
        Handle joined = current.get();
        if (joined != null) return work.apply(new HandleStores(joined));
        return translatingFailures(open);
    }

    /** Runs {@code work} on {@code handle}, which a nested call on this thread joins. */
    private <T> T bound(Handle handle, Function<Stores, T> work) {
        current.set(handle);
        try {
            return work.apply(new HandleStores(handle));
        } finally {
            current.remove();
        }
    }

    private static <T> T translatingFailures(Supplier<T> call) {
        try {
            return call.get();
        } catch (DomainException | IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            if (Failures.unavailable(e)) throw Failures.toUnavailable(e);
            if (e instanceof JdbiException) throw Failures.unexpected(e);
            throw e;
        }
    }

    /**
     * One round trip on a connection from the pool, outside any unit of work, for readiness.
     *
     * @throws RuntimeException the driver's or the pool's failure, as it came, for {@link Failures#reason}
     */
    void ping() {
        jdbi.useHandle(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one());
    }

    /**
     * Has the pool report its own metrics (connections active, idle and pending, timeouts, the times to
     * acquire, use and create a connection) through {@code tracker}, from now on. Once per pool.
     */
    public void trackPoolWith(MetricsTrackerFactory tracker) {
        pool.setMetricsTrackerFactory(tracker);
    }

    /** The server's version, e.g. {@code 15.20}. */
    public String serverVersion() {
        return read(stores -> setting(stores, "server_version")).split(" ")[0];
    }

    /** A run-time setting as the session of {@code stores} sees it ({@code SHOW}); {@code name} is this code's, never a caller's. */
    static String setting(Stores stores, String name) {
        return ((HandleStores) stores).handle.createQuery("SHOW " + name).mapTo(String.class).one();
    }

    @Override
    public void close() {
        pool.close();
    }

    private static final class HandleStores implements Stores {
        private final Handle handle;
        private final UserStore users;
        private final OrderStore orders;
        private final Outbox outbox;
        private final IdempotencyRecords idempotency;

        HandleStores(Handle handle) {
            this.handle = handle;
            this.users = new PostgresUserStore(handle);
            this.orders = new PostgresOrderStore(handle);
            this.outbox = new PostgresOutbox(handle);
            this.idempotency = new PostgresIdempotencyRecords(handle);
        }

        @Override public UserStore users() { return users; }
        @Override public OrderStore orders() { return orders; }
        @Override public Outbox outbox() { return outbox; }
        @Override public IdempotencyRecords idempotency() { return idempotency; }
    }
}
