package org.msapp.adapters.redis;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** Where Redis is: host, port, database number, a password when it asks for one, whether over TLS. {@link #toString()} never shows the password. */
public record RedisSettings(String host, int port, int database, Optional<String> password, boolean tls) {
    public RedisSettings {
        requireNonNull(host, "host");
        requireNonNull(password, "password");
        if (port < 1 || port > 65535) throw new IllegalArgumentException("port must be 1..65535");
        if (database < 0) throw new IllegalArgumentException("database must be 0 or more");
    }

    /** {@code host:port/db}, for logs and health: never the password. */
    public String where() {
        return host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return "RedisSettings[" + where() + (password.isPresent() ? ", with a password" : "") + (tls ? ", TLS" : "") + "]";
    }
}
