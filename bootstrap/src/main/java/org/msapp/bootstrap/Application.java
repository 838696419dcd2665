package org.msapp.bootstrap;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.msapp.adapters.http.HttpServer;
import org.msapp.adapters.postgres.PostgresPersistence;
import org.msapp.adapters.postgres.PostgresProbe;
import org.msapp.application.Ports;
import org.msapp.application.UseCases;
import org.msapp.application.access.Administrators;
import org.msapp.application.authentication.LoginThrottle;
import org.msapp.application.memory.InMemoryCache;
import org.msapp.application.memory.InMemoryFailedLogins;
import org.msapp.application.memory.InMemoryPersistence;
import org.msapp.application.memory.InProcessProbe;
import org.msapp.application.memory.LoggingEventPublisher;
import org.msapp.application.memory.NoCache;
import org.msapp.application.memory.RandomIds;
import org.msapp.application.outbox.OutboxRelay;
import org.msapp.application.port.Cache;
import org.msapp.application.port.HealthProbe;
import org.msapp.application.port.Persistence;
import org.msapp.domain.user.NickName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds the whole graph with {@code new}, from a {@link Config}. Tests start
 * the real service the same way, and may hand in their own adapters through {@link Ports}.
 */
public final class Application implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Application.class);
    private final HttpServer http;
    private final OutboxRelay relay;
    private final Ports adapters;

    private Application(HttpServer http, OutboxRelay relay, Ports adapters) {
        this.http = http;
        this.relay = relay;
        this.adapters = adapters;
    }

    public static Application start(Config config, Consumer<String> report) {
        return start(config, adaptersFor(config, report));
    }

    /** Starts on {@code a}; when the start fails, the adapters' resources are closed before the failure is thrown. */
    public static Application start(Config config, Ports a) {
        try {
            return startOn(config, a);
        } catch (RuntimeException | Error e) {
            closeResources(a);
            throw e;
        }
    }

    private static Application startOn(Config config, Ports a) {
        var p = a.persistence();
        var useCases = UseCases.wire(a, new UseCases.Settings(config.cacheTtl(), config.authTokenLifetime(),
                Administrators.of(config.adminNickNames()), LoginThrottle.Settings.defaults()));
        warnOfUnheldAdministratorNames(p, config.adminNickNames());
        var relay = new OutboxRelay(p, a.events(), a.clock(), OutboxRelay.Settings.defaults().withRetention(config.outboxRetention()));
        var http = new HttpServer(useCases, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                new HttpServer.Settings(config.httpHost(), config.httpPort(), 10_000, requestHashKey(config)));
        relay.start();
        try {
            http.start();
        } catch (RuntimeException e) {
            http.close();
            relay.close();
            throw e;
        }
        return new Application(http, relay, a);
    }

    /** From AUTH_TOKEN_SECRET, which every instance shares; without it, a key of this process alone. */
    private static byte[] requestHashKey(Config config) {
        byte[] secret = config.authTokenSecret().map(Config.Secret::bytes).orElseGet(() -> {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return random;
        });
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal("ms-application idempotent request digests".getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The role follows the nick name, so a configured name that no one holds goes to whoever registers it first. */
    private static void warnOfUnheldAdministratorNames(Persistence persistence, List<String> names) {
        for (String name : names) {
            if (persistence.inTransaction(s -> s.users().findByNickName(NickName.stored(name))).isEmpty()) {
                LOG.warn("[!] ADMIN_NICK_NAMES names '{}', which no user holds: whoever registers it first becomes an"
                        + " administrator; register it before the service can be reached", name);
            }
        }
    }

    /** Picks an adapter per port from the configuration, and reports each choice in one line. */
    static Ports adaptersFor(Config config, Consumer<String> report) {
        Clock clock = Clock.tickMillis(ZoneOffset.UTC);
        List<HealthProbe> probes = new ArrayList<>();
        Persistence persistence;
        if (config.database().isPresent()) {
            Config.Database db = config.database().get();
            PostgresPersistence postgres = Postgres.start(db);
            persistence = postgres;
            try {
                report.accept("[✓] Postgres " + postgres.serverVersion() + " at " + db.settings().where());
            } catch (RuntimeException e) {
                postgres.close();
                throw e;
            }
            probes.add(new PostgresProbe(postgres, db.settings()));
        } else {
            persistence = new InMemoryPersistence();
            report.accept("[✓] persistence: in-memory (data is lost when the process stops)");
            probes.add(new InProcessProbe("persistence", true, "in-memory"));
        }
        if (config.rabbitmq().isPresent()) report.accept("[X] RabbitMQ is configured, but this build has no RabbitMQ adapter yet");
        report.accept("[✓] events: kept in-process");
        probes.add(new InProcessProbe("events", false, "in-process"));
        Cache cache;
        if (config.cacheType() == Config.CacheType.NULL) {
            cache = new NoCache();
            report.accept("[✓] cache: none (CACHE_TYPE=null)");
        } else {
            if (config.cacheType() == Config.CacheType.REDIS) {
                report.accept("[X] Redis is configured, but this build has no Redis adapter yet; using the in-process cache");
            }
            cache = new InMemoryCache(clock, 10_000);
            report.accept("[✓] cache: in-process");
        }
        probes.add(new InProcessProbe("cache", false, config.cacheType() == Config.CacheType.NULL ? "none" : "in-process"));
        int permits = Math.max(2, Runtime.getRuntime().availableProcessors());
        var hasher = new Argon2PasswordHasher(permits, Duration.ofSeconds(2));
        report.accept("[✓] password hashing: argon2id, at most " + permits + " at once");
        Config.Secret secret = config.authTokenSecret().orElseGet(() -> {
            LOG.warn("[!] AUTH_TOKEN_SECRET is unset: tokens are signed with a random key of this process, which other"
                    + " instances do not accept and a restart forgets; set it (at least 32 bytes) on every instance");
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return new Config.Secret(random);
        });
        report.accept("[✓] access tokens: HS256, " + config.authTokenLifetime().toMinutes() + " min, administrators: "
                + (config.adminNickNames().isEmpty() ? "none" : String.join(", ", config.adminNickNames())));
        return new Ports(persistence, new LoggingEventPublisher(), cache, hasher,
                new JwtAccessTokens(secret.bytes(), clock), new InMemoryFailedLogins(100_000, 10), new RandomIds(), clock,
                probes);
    }

    public int port() {
        return http.port();
    }

    /** Every route the HTTP server registered, as {@code METHOD /path}. */
    public List<String> routes() {
        return http.routes();
    }

    /** Stops HTTP first (requests in flight finish), then the relay, then the adapters that hold resources (pools). */
    @Override
    public void close() {
        try {
            http.close();
        } finally {
            try {
                relay.close();
            } finally {
                closeResources(adapters);
            }
        }
    }

    private static void closeResources(Ports a) {
        for (Object adapter : List.of(a.persistence(), a.events(), a.cache())) {
            if (adapter instanceof AutoCloseable resource) {
                try {
                    resource.close();
                } catch (Exception e) {
                    LOG.warn("closing {} failed: {}", adapter.getClass().getSimpleName(), e.toString());
                }
            }
        }
    }
}
