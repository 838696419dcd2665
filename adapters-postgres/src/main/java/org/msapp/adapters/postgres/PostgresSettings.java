package org.msapp.adapters.postgres;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Where the database is and how long to wait for it. {@code queryTimeout} bounds every statement
 * (client side, so that a database that stalls without closing the connection still fails fast);
 * {@code connectTimeout} bounds opening a connection and waiting for one from the pool.
 */
public record PostgresSettings(String host, int port, String database, String user, String password, int poolSize,
                               Duration connectTimeout, Duration queryTimeout) {
    public PostgresSettings {
        requireNonNull(host, "host");
        requireNonNull(database, "database");
        requireNonNull(user, "user");
        requireNonNull(password, "password");
        if (poolSize < 1) throw new IllegalArgumentException("poolSize must be at least 1");
    }

    public static PostgresSettings of(String host, int port, String database, String user, String password) {
        return new PostgresSettings(host, port, database, user, password, 10, Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    public PostgresSettings withDatabase(String name) {
        return new PostgresSettings(host, port, name, user, password, poolSize, connectTimeout, queryTimeout);
    }

    public PostgresSettings withAddress(String newHost, int newPort) {
        return new PostgresSettings(newHost, newPort, database, user, password, poolSize, connectTimeout, queryTimeout);
    }

    /** {@code host:port/database}, for start-up lines and logs (never for readiness, which anyone may read); never the password. */
    public String where() {
        return host + ":" + port + "/" + database;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return "PostgresSettings[" + user + "@" + where() + ", pool " + poolSize + "]";
    }
}
