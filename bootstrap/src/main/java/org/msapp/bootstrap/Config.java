package org.msapp.bootstrap;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.msapp.adapters.http.TrustedProxies;
import org.msapp.adapters.postgres.PostgresSettings;
import org.msapp.adapters.rabbitmq.RabbitSettings;
import org.msapp.adapters.redis.RedisSettings;
import org.msapp.application.user.RegisterUser;
import org.msapp.domain.InvalidField;
import org.msapp.domain.user.Cpf;
import org.msapp.domain.user.Email;
import org.msapp.domain.user.FullName;
import org.msapp.domain.user.NickName;
import org.msapp.domain.user.Password;
import org.msapp.domain.user.PhoneNumber;

/**
 * The service's settings, read from the environment under the tutorial's names where it had them.
 * Nothing set means the embedded default: in-memory adapters on port 8080.
 */
public record Config(String httpHost, int httpPort, Optional<Database> database, Optional<RabbitSettings> rabbitmq,
                     Optional<RedisSettings> redis, CacheType cacheType, Duration cacheTtl, Optional<Secret> authTokenSecret,
                     Duration authTokenLifetime, Optional<RegisterUser.Command> bootstrapAdmin, Duration outboxRetention,
                     PasswordHashing passwordHashing, TrustedProxies trustedProxies, Shutdown shutdown) {

    public enum CacheType { REDIS, SIMPLE, NULL }

    /** Redis's default number of databases: CACHE_REDIS_DB is 0..15. */
    private static final int REDIS_DATABASES = 16;
    /** Each waiting request holds one of the HTTP server's threads (250 on Java 17): far fewer may wait. */
    private static final int MOST_WAITING_HASHES = 200;

    /** PostgreSQL, and how long to wait at start-up for it to answer (migrations need it). */
    public record Database(PostgresSettings settings, Duration startupTimeout) {
    }

    /** At most {@code atOnce} password hashes run at once, and at most {@code waiting} requests wait for one. */
    public record PasswordHashing(int atOnce, int waiting) {
        /** One hash at once per core, at least two; four times as many may wait. */
        static PasswordHashing defaults() {
            int atOnce = Math.max(2, Runtime.getRuntime().availableProcessors());
            return new PasswordHashing(atOnce, 4 * atOnce);
        }
    }

    /**
     * On SIGTERM: readiness answers 503 at once, requests are still served for {@code drain} (so that a
     * load balancer notices and sends no more), then no connection is taken and the requests in flight
     * have up to {@code grace} to finish.
     */
    public record Shutdown(Duration drain, Duration grace) {
    }

    /** A key that must never be printed: {@link #toString()} hides it. */
    public record Secret(byte[] bytes) {
        @Override
        public String toString() {
            return "Secret[***]";
        }
    }

    /** The variable that named administrators before the role was stored; it is read no more. */
    static final String RETIRED_ADMIN_NICK_NAMES = "ADMIN_NICK_NAMES";

    public static Config embedded(int httpPort) {
        return new Config("127.0.0.1", httpPort, Optional.empty(), Optional.empty(), Optional.empty(), CacheType.SIMPLE,
                Duration.ofSeconds(300), Optional.empty(), Duration.ofMinutes(15), Optional.empty(), Duration.ofDays(7),
                PasswordHashing.defaults(), TrustedProxies.none(), new Shutdown(Duration.ZERO, Duration.ofSeconds(10)));
    }

    /** The same settings with a token key and a first administrator, as every instance of one deployment shares them. */
    public Config withAccess(Secret tokenSecret, Optional<RegisterUser.Command> admin) {
        return new Config(httpHost, httpPort, database, rabbitmq, redis, cacheType, cacheTtl, Optional.of(tokenSecret),
                authTokenLifetime, admin, outboxRetention, passwordHashing, trustedProxies, shutdown);
    }

    /** The same settings behind these proxies. */
    public Config withTrustedProxies(TrustedProxies proxies) {
        return new Config(httpHost, httpPort, database, rabbitmq, redis, cacheType, cacheTtl, authTokenSecret,
                authTokenLifetime, bootstrapAdmin, outboxRetention, passwordHashing, proxies, shutdown);
    }

    /** The same settings with another shutdown. */
    public Config withShutdown(Shutdown to) {
        return new Config(httpHost, httpPort, database, rabbitmq, redis, cacheType, cacheTtl, authTokenSecret,
                authTokenLifetime, bootstrapAdmin, outboxRetention, passwordHashing, trustedProxies, to);
    }

    /** Warnings for the variables of {@code env} that the service no longer reads, naming what replaces each. */
    public static List<String> retired(Map<String, String> env) {
        if (first(env, RETIRED_ADMIN_NICK_NAMES).isEmpty()) return List.of();
        return List.of("[!] " + RETIRED_ADMIN_NICK_NAMES + " is ignored: a nick name no longer makes an administrator. "
                + "The role is stored with the user: ADMIN_BOOTSTRAP_NICK_NAME and ADMIN_BOOTSTRAP_PASSWORD make the first "
                + "administrator when there is none, who grants the role with PUT /users/{id}/roles/admin");
    }

    public static Config fromEnvironment(Map<String, String> env) {
        Optional<RedisSettings> redis = redis(env);
        String cacheType = env.getOrDefault("CACHE_TYPE", redis.isPresent() ? "redis" : "simple");
        return new Config(
                env.getOrDefault("HTTP_HOST", "0.0.0.0"),
                integer(env, "HTTP_PORT", 8080, 0, 65535),
                database(env),
                rabbitmq(env).map(r -> r.withAuditQueue(first(env, "RABBITMQ_AUDIT_QUEUE"))),
                redis,
                cacheType(cacheType),
                Duration.ofSeconds(integer(env, "CACHE_DEFAULT_TIMEOUT", 300, 1, 86_400)),
                first(env, "AUTH_TOKEN_SECRET").map(Config::tokenSecret),
                Duration.ofSeconds(integer(env, "AUTH_TOKEN_TTL", 900, 60, 86_400)),
                bootstrapAdmin(env),
                Duration.ofDays(integer(env, "OUTBOX_RETENTION_DAYS", 7, 1, 3650)),
                passwordHashing(env), trustedProxies(env),
                new Shutdown(Duration.ofSeconds(integer(env, "SHUTDOWN_DRAIN", 2, 0, 300)),
                        Duration.ofSeconds(integer(env, "SHUTDOWN_GRACE", 10, 0, 300))));
    }

    /** TRUSTED_PROXIES: comma-separated address ranges whose X-Forwarded-For is believed; none by default. */
    private static TrustedProxies trustedProxies(Map<String, String> env) {
        try {
            return TrustedProxies.parse(env.getOrDefault("TRUSTED_PROXIES", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("TRUSTED_PROXIES: " + e.getMessage(), e);
        }
    }

    /** PASSWORD_HASH_QUEUE: how many requests may wait for a hash; as many run at once as there are cores. */
    private static PasswordHashing passwordHashing(Map<String, String> env) {
        PasswordHashing defaults = PasswordHashing.defaults();
        return new PasswordHashing(defaults.atOnce(), integer(env, "PASSWORD_HASH_QUEUE", defaults.waiting(), 1, MOST_WAITING_HASHES));
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
            ServiceUrl u = ServiceUrl.parse("DATABASE_URL", url.get(), Set.of("postgres", "postgresql"),
                    "postgres://user:password@host:5432/db");
            settings = PostgresSettings.of(u.host(), u.port().orElse(5432), u.path().isEmpty() ? name : u.path(),
                    u.user().orElse(user), u.password().orElse(password));
        } else {
            settings = PostgresSettings.of(host.get(), port, name, user, password);
        }
        settings = new PostgresSettings(settings.host(), settings.port(), settings.database(), settings.user(),
                settings.password(), integer(env, "DATABASE_POOL_SIZE", 10, 1, 200),
                Duration.ofSeconds(integer(env, "DATABASE_CONNECT_TIMEOUT", 1, 1, 60)),
                Duration.ofSeconds(integer(env, "DATABASE_STATEMENT_TIMEOUT", 1, 1, 600)));
        return Optional.of(new Database(settings, Duration.ofSeconds(integer(env, "DATABASE_STARTUP_TIMEOUT", 30, 1, 3600))));
    }

    /** RABBITMQ_URL ({@code amqp://user:password@host:5672/vhost}), else RABBITMQ_HOST and the rest. */
    private static Optional<RabbitSettings> rabbitmq(Map<String, String> env) {
        Optional<String> url = first(env, "RABBITMQ_URL");
        Optional<String> host = first(env, "RABBITMQ_HOST");
        if (url.isEmpty() && host.isEmpty()) return Optional.empty();
        String user = env.getOrDefault("RABBITMQ_USER", "guest");
        String password = env.getOrDefault("RABBITMQ_PASSWORD", "guest");
        String vhost = env.getOrDefault("RABBITMQ_VHOST", "/");
        int port = integer(env, "RABBITMQ_PORT", 5672, 1, 65535);
        if (host.isPresent() && url.isEmpty()) return Optional.of(new RabbitSettings(host.get(), port, user, password, vhost, false));
        ServiceUrl u = ServiceUrl.parse("RABBITMQ_URL", url.get(), Set.of("amqp", "amqps"), "amqp://user:password@host:5672/vhost");
        boolean tls = u.scheme().equals("amqps");
        return Optional.of(new RabbitSettings(u.host(), u.port().orElse(tls ? 5671 : 5672), u.user().orElse(user),
                u.password().orElse(password), u.path().isEmpty() ? vhost : u.path(), tls));
    }

    /**
     * CACHE_REDIS_URL ({@code redis://:password@host:6379/0}, {@code rediss://}, or {@code redis-sentinel://...#master}),
     * else CACHE_REDIS_HOST and the rest, as in Flask-Caching; keys under CACHE_KEY_PREFIX ({@code msapp:}).
     */
    private static Optional<RedisSettings> redis(Map<String, String> env) {
        Optional<String> url = first(env, "CACHE_REDIS_URL");
        Optional<String> host = first(env, "CACHE_REDIS_HOST");
        if (url.isEmpty() && host.isEmpty()) return Optional.empty();
        String prefix = env.getOrDefault("CACHE_KEY_PREFIX", RedisSettings.DEFAULT_PREFIX);
        Optional<String> password = first(env, "CACHE_REDIS_PASSWORD");
        int port = integer(env, "CACHE_REDIS_PORT", 6379, 1, 65535);
        int db = integer(env, "CACHE_REDIS_DB", 0, 0, REDIS_DATABASES - 1);
        if (host.isPresent() && url.isEmpty()) {
            return Optional.of(new RedisSettings(host.get(), port, db, password, false).withKeyPrefix(prefix));
        }
        if (url.get().startsWith("redis-sentinel://") || url.get().startsWith("rediss-sentinel://")) {
            try {
                return Optional.of(RedisSettings.sentinel(url.get()).withKeyPrefix(prefix));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("CACHE_REDIS_URL: " + e.getMessage(), e);
            }
        }
        ServiceUrl u = ServiceUrl.parse("CACHE_REDIS_URL", url.get(), Set.of("redis", "rediss"), "redis://:password@host:6379/0");
        int urlDb = integer("the database number of CACHE_REDIS_URL", u.path(), db, 0, REDIS_DATABASES - 1);
        return Optional.of(new RedisSettings(u.host(), u.port().orElse(6379), urlDb, u.password().or(() -> password),
                u.scheme().equals("rediss")).withKeyPrefix(prefix));
    }

    /**
     * ADMIN_BOOTSTRAP_NICK_NAME and ADMIN_BOOTSTRAP_PASSWORD (both or neither), and the optional
     * ADMIN_BOOTSTRAP_FULL_NAME, _CPF, _EMAIL and _PHONE_NUMBER, else placeholders the rules accept.
     */
    private static Optional<RegisterUser.Command> bootstrapAdmin(Map<String, String> env) {
        Optional<String> nickName = first(env, "ADMIN_BOOTSTRAP_NICK_NAME");
        Optional<String> password = Optional.ofNullable(env.get("ADMIN_BOOTSTRAP_PASSWORD")).filter(p -> !p.isEmpty());
        if (nickName.isEmpty() && password.isEmpty()) return Optional.empty();
        if (nickName.isEmpty() || password.isEmpty()) {
            throw new IllegalArgumentException("ADMIN_BOOTSTRAP_NICK_NAME and ADMIN_BOOTSTRAP_PASSWORD go together: set both, or neither");
        }
        return Optional.of(new RegisterUser.Command(
                valid("ADMIN_BOOTSTRAP_NICK_NAME", () -> NickName.of(nickName.get())),
                valid("ADMIN_BOOTSTRAP_PASSWORD", () -> Password.newPassword(Password.FIELD, password.get())),
                valid("ADMIN_BOOTSTRAP_FULL_NAME", () -> FullName.of(env.getOrDefault("ADMIN_BOOTSTRAP_FULL_NAME", "Administrator"))),
                valid("ADMIN_BOOTSTRAP_CPF", () -> Cpf.of(env.getOrDefault("ADMIN_BOOTSTRAP_CPF", PLACEHOLDER_CPF))),
                valid("ADMIN_BOOTSTRAP_EMAIL", () -> Email.of(env.getOrDefault("ADMIN_BOOTSTRAP_EMAIL", "admin@example.invalid"))),
                valid("ADMIN_BOOTSTRAP_PHONE_NUMBER", () -> PhoneNumber.of(env.getOrDefault("ADMIN_BOOTSTRAP_PHONE_NUMBER", "0")))));
    }

    /** A CPF with valid check digits, of no one the service knows: the bootstrap administrator's unless set. */
    private static final String PLACEHOLDER_CPF = "529.982.247-25";

    private static <T> T valid(String variable, Supplier<T> make) {
        try {
            return make.get();
        } catch (InvalidField e) {
            throw new IllegalArgumentException(variable + " " + e.reason(), e);   // the value itself is never repeated
        }
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
        return integer(name, env.get(name), fallback, min, max);
    }

    private static int integer(String name, String raw, int fallback, int min, int max) {
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
