package org.msapp.adapters.redis;

import static java.util.Objects.requireNonNull;

import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where Redis is: host, port, database number, a password when it asks for one, whether over TLS; or a
 * {@code redis-sentinel://} URL, which Lettuce resolves to the current master (the host and port are
 * then the first sentinel's, for start-up lines, and the password stays in the URL). {@link #toString()} never shows the password.
 */
public record RedisSettings(String host, int port, int database, Optional<String> password, boolean tls,
                            Optional<String> sentinelUrl, String keyPrefix) {
    /** Before every key this service writes: {@code msapp:user:42}. */
    public static final String DEFAULT_PREFIX = "msapp:";

    public RedisSettings {
        requireNonNull(host, "host");
        requireNonNull(keyPrefix, "keyPrefix");
        requireNonNull(password, "password");
        requireNonNull(sentinelUrl, "sentinelUrl");
        if (port < 1 || port > 65535) throw new IllegalArgumentException("port must be 1..65535");
        if (database < 0) throw new IllegalArgumentException("database must be 0 or more");
    }

    public RedisSettings(String host, int port, int database, Optional<String> password, boolean tls) {
        this(host, port, database, password, tls, Optional.empty(), DEFAULT_PREFIX);
    }

    /**
     * From a {@code redis-sentinel://[:password@]host:port[,host:port...][/db]#master} URL, as Lettuce reads it.
     * @throws IllegalArgumentException when Lettuce cannot read it, or it names no sentinel or no master
     */
    public static RedisSettings sentinel(String url) {
        String example = "redis-sentinel://:password@sentinel1:26379,sentinel2:26379/0#mymaster";
        RedisURI uri;
        try {
            uri = RedisURI.create(url);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a redis-sentinel:// URL (" + e.getMessage() + "), as in " + example, e);
        }
        if (uri.getSentinels().isEmpty() || uri.getSentinelMasterId() == null) {
            throw new IllegalArgumentException("a redis-sentinel:// URL names its sentinels and its master, as in " + example);
        }
        RedisURI first = uri.getSentinels().get(0);
        return new RedisSettings(first.getHost(), first.getPort(), uri.getDatabase(), Optional.empty(), uri.isSsl(),
                Optional.of(url), DEFAULT_PREFIX);   // the URL keeps the password, which Lettuce sends
    }

    /** The same Redis, keys under {@code prefix}. */
    public RedisSettings withKeyPrefix(String prefix) {
        return new RedisSettings(host, port, database, password, tls, sentinelUrl, prefix);
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
        return "RedisSettings[" + where() + (password.isPresent() ? ", with a password" : "") + (tls ? ", TLS" : "")
                + (keyPrefix.equals(DEFAULT_PREFIX) ? "" : ", keys under " + keyPrefix) + "]";
    }
}
