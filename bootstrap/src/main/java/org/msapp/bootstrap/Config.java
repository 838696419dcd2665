package org.msapp.bootstrap;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.msapp.adapters.postgres.PostgresSettings;

/**
 * The service's settings, read from the environment under the tutorial's names where it had them.
 * Nothing set means the embedded default: in-memory adapters on port 8080.
 */
public record Config(String httpHost, int httpPort, Optional<Database> database, Optional<String> rabbitmq,
                     Optional<String> redis, CacheType cacheType, Duration cacheTtl, Optional<Secret> authTokenSecret,
                     Duration authTokenLifetime, List<String> adminNickNames, Duration outboxRetention) {

    public enum CacheType { REDIS, SIMPLE, NULL }

    /** PostgreSQL, and how long to wait at start-up for it to answer (migrations need it). */
    public record Database(PostgresSettings settings, Duration startupTimeout) {
    }

    /** A key that must never be printed: {@link #toString()} hides it. */
    public record Secret(byte[] bytes) {
        @Override
        public String toString() {
            return "Secret[***]";
        }
    }

    public Config {
        adminNickNames = List.copyOf(adminNickNames);
    }

    public static Config embedded(int httpPort) {
        return new Config("127.0.0.1", httpPort, Optional.empty(), Optional.empty(), Optional.empty(), CacheType.SIMPLE,
                Duration.ofSeconds(300), Optional.empty(), Duration.ofMinutes(15), List.of(), Duration.ofDays(7));
    }

    /** The same settings with a token key and administrators, as every instance of one deployment shares them. */
    public Config withAccess(Secret tokenSecret, List<String> admins) {
        return new Config(httpHost, httpPort, database, rabbitmq, redis, cacheType, cacheTtl, Optional.of(tokenSecret),
                authTokenLifetime, admins, outboxRetention);
    }

    public static Config fromEnvironment(Map<String, String> env) {
        Optional<String> redis = first(env, "CACHE_REDIS_URL", "CACHE_REDIS_HOST");
        String cacheType = env.getOrDefault("CACHE_TYPE", redis.isPresent() ? "redis" : "simple");
        return new Config(
                env.getOrDefault("HTTP_HOST", "0.0.0.0"),
                integer(env, "HTTP_PORT", 8080, 0, 65535),
                database(env),
                first(env, "RABBITMQ_URL", "RABBITMQ_HOST"),
                redis,
                cacheType(cacheType),
                Duration.ofSeconds(integer(env, "CACHE_DEFAULT_TIMEOUT", 300, 1, 86_400)),
                first(env, "AUTH_TOKEN_SECRET").map(Config::tokenSecret),
                Duration.ofSeconds(integer(env, "AUTH_TOKEN_TTL", 900, 60, 86_400)),
                first(env, "ADMIN_NICK_NAMES").map(names -> Arrays.stream(names.split(",")).map(String::strip)
                        .filter(n -> !n.isEmpty()).toList()).orElse(List.of()),
                Duration.ofDays(integer(env, "OUTBOX_RETENTION_DAYS", 7, 1, 3650)));
    }

    /** DATABASE_URL ({@code postgres://user:password@host:port/db} or {@code jdbc:postgresql://host:port/db}), else HOST_DATABASE and the rest. */
    private static Optional<Database> database(Map<String, String> env) {
        Optional<String> url = first(env, "DATABASE_URL");
        Optional<String> host = first(env, "HOST_DATABASE");
        if (url.isEmpty() && host.isEmpty()) return Optional.empty();
        String user = env.getOrDefault("DATABASE_USER", "postgres");
        String password = env.getOrDefault("DATABASE_PASSWORD", "postgres");
        String name = env.getOrDefault("DATABASE_NAME", "baseapplication");
        int port = integer(env, "DATABASE_PORT", 5432, 1, 65535);
        PostgresSettings settings;
        if (url.isPresent()) {
            URI uri;
            try {
                uri = URI.create(url.get().replaceFirst("^jdbc:", ""));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("DATABASE_URL is not a URL (postgres://user:password@host:5432/db)");
            }
            if (!Set.of("postgres", "postgresql").contains(String.valueOf(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("DATABASE_URL must look like postgres://user:password@host:5432/db");
            }
            if (uri.getRawQuery() != null) {
                throw new IllegalArgumentException("DATABASE_URL parameters (?" + uri.getRawQuery().replaceAll("password=[^&]*", "password=***")
                        + ") are not supported: they would be dropped, TLS settings with them; use host, port, database and credentials only");
            }
            String info = uri.getRawUserInfo();
            if (info != null) {
                String[] parts = info.split(":", 2);
                user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
                if (parts.length == 2) password = URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
            }
            String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
            settings = PostgresSettings.of(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 5432,
                    path.isEmpty() ? name : path, user, password);
        } else {
            settings = PostgresSettings.of(host.get(), port, name, user, password);
        }
        settings = new PostgresSettings(settings.host(), settings.port(), settings.database(), settings.user(),
                settings.password(), integer(env, "DATABASE_POOL_SIZE", 10, 1, 200),
                Duration.ofSeconds(integer(env, "DATABASE_CONNECT_TIMEOUT", 1, 1, 60)),
                Duration.ofSeconds(integer(env, "DATABASE_STATEMENT_TIMEOUT", 1, 1, 600)));
        return Optional.of(new Database(settings, Duration.ofSeconds(integer(env, "DATABASE_STARTUP_TIMEOUT", 30, 1, 3600))));
    }

    private static Secret tokenSecret(String raw) {
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < JwtAccessTokens.MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("AUTH_TOKEN_SECRET must be at least " + JwtAccessTokens.MIN_SECRET_BYTES
                    + " bytes long (it is " + bytes.length + "); for example: openssl rand -base64 48");
        }
        return new Secret(bytes);
    }

    private static Optional<String> first(Map<String, String> env, String... names) {
        for (String name : names) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) return Optional.of(value.strip());
        }
        return Optional.empty();
    }

    private static int integer(Map<String, String> env, String name, int fallback, int min, int max) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) return fallback;
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= min && value <= max) return value;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max + ", not '" + raw + "'");
    }

    private static CacheType cacheType(String raw) {
        try {
            return CacheType.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("CACHE_TYPE must be redis, simple or null, not '" + raw + "'");
        }
    }
}
