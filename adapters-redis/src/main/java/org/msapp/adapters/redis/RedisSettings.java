package org.msapp.adapters.redis;

import static java.util.Objects.requireNonNull;

import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where Redis is: host, port, database number, a password when it asks for one, whether over TLS; or a
 * {@code redis-sentinel://} URL, which Lettuce resolves to the current master (the host and port are
 * then the first sentinel's, for start-up lines). {@link #toString()} never shows the password.
 */
public record RedisSettings(String host, int port, int database, Optional<String> password, boolean tls,
                            Optional<String> sentinelUrl) {
    public RedisSettings {
        requireNonNull(host, "host");
        requireNonNull(password, "password");
        requireNonNull(sentinelUrl, "sentinelUrl");
        if (port < 1 || port > 65535) throw new IllegalArgumentException("port must be 1..65535");
        if (database < 0) throw new IllegalArgumentException("database must be 0 or more");
    }

    public RedisSettings(String host, int port, int database, Optional<String> password, boolean tls) {
        this(host, port, database, password, tls, Optional.empty());
    }

    /** {@code host:port/db}, for logs and health: never the password. */
    public String where() {
        return (sentinelUrl.isPresent() ? "sentinel " : "") + host + ":" + port + "/" + database;
    }

    /** Lettuce's URI, commands timing out after {@code commandTimeout}. */
    RedisURI uri(Duration commandTimeout) {
        RedisURI uri;
        if (sentinelUrl.isPresent()) {
            uri = RedisURI.create(sentinelUrl.get());
        } else {
            RedisURI.Builder b = RedisURI.builder().withHost(host).withPort(port).withDatabase(database).withSsl(tls);
            password.ifPresent(p -> b.withPassword(p.toCharArray()));
            uri = b.build();
        }
        uri.setTimeout(commandTimeout);
        return uri;
    }

    @Override
    public String toString() {
        return "RedisSettings[" + where() + (password.isPresent() ? ", with a password" : "") + (tls ? ", TLS" : "") + "]";
    }
}
