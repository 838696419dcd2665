package org.msapp.bootstrap;

import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import org.msapp.adapters.http.HttpServer;
import org.msapp.adapters.postgres.OutboxNotifications;
import org.msapp.application.Ports;
import org.msapp.application.UseCases;
import org.msapp.application.authentication.LoginThrottle;
import org.msapp.application.housekeeping.Housekeeping;
import org.msapp.application.memory.RandomIds;
import org.msapp.application.outbox.OutboxBacklog;
import org.msapp.application.outbox.OutboxRelay;
import org.msapp.application.port.HealthProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: settings, one adapter per port (each from its factory), the use cases, the
 * HTTP server, the background jobs. Everything it opens is closed by {@link #close()}, newest first:
 * HTTP (requests in flight finish), then the jobs, then the adapters' pools. Tests start the real
 * service the same way, on adapters of their own ({@link #start(Config, Ports)}).
 */
public final class Application implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Application.class);
    private static final Duration RELAY_EVERY = Duration.ofMillis(250);
    private static final Duration HOUSEKEEPING_EVERY = Duration.ofHours(1);
    private static final Duration BACKLOG_EVERY = Duration.ofSeconds(5);
    private static final LoginThrottle.Settings LOGIN_THROTTLE = LoginThrottle.Settings.defaults();

    private final HttpServer http;
    private final Resources resources;
    private final Config.Shutdown shutdown;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Application(HttpServer http, Resources resources, Config.Shutdown shutdown) {
        this.http = http;
        this.resources = resources;
        this.shutdown = shutdown;
    }

    /** Starts on the adapters that {@code config} names, reporting each in one line; a failed start closes what it opened. */
    public static Application start(Config config, Consumer<String> report) {
        return closingOnFailure(resources -> {
            Clock clock = Clock.tickMillis(ZoneOffset.UTC);
            var plugs = new Plugs(report, resources);
            var keys = Keys.from(config.authTokenSecret());
            try (var making = new SideBySide(abandoned -> abandoned.resources().forEach(resources::add))) {
                var persistenceMade = making.begin(() -> PersistenceFactory.create(config.database()));
                var eventsMade = making.begin(() -> EventPublisherFactory.create(config.rabbitmq(), config.database().isPresent()));
                var cacheMade = making.begin(() -> CacheFactory.create(config.cacheType(), config.redis(), clock));
                var hasherMade = making.begin(() -> PasswordHasherFactory.create(config.passwordHashing()));
                var tokensMade = making.begin(() -> AccessTokensFactory.create(keys, clock, config.authTokenLifetime()));
                var failedLoginsMade = making.begin(() -> FailedLoginsFactory.create(config.redis(), LOGIN_THROTTLE.mostCounted()));
                making.beside(HttpServer::prepare);
                var persistence = plugs.in(making.take(persistenceMade));
                var events = plugs.in(making.take(eventsMade));
                var cache = plugs.in(making.take(cacheMade));
                var hasher = plugs.in(making.take(hasherMade));
                var tokens = plugs.in(making.take(tokensMade));
                var failedLogins = plugs.in(making.take(failedLoginsMade));
                var ports = new Ports(persistence, events, cache, hasher, tokens, failedLogins, new RandomIds(), clock, plugs.probes());
                return run(config, ports, keys, resources, report, plugs.meters());
            }
        });
    }

    /** Starts on {@code ports}, which it then owns: those that hold resources are closed with it, also when the start fails. */
    public static Application start(Config config, Ports ports) {
        return closingOnFailure(resources -> {
            for (Object adapter : List.of(ports.persistence(), ports.events(), ports.cache())) {
                if (adapter instanceof AutoCloseable resource) resources.add(resource);
            }
            return run(config, ports, Keys.from(config.authTokenSecret()), resources, line -> { }, List.of());
        });
    }

    private static Application closingOnFailure(Function<Resources, Application> start) {
        Resources resources = new Resources();
        try {
            return start.apply(resources);
        } catch (RuntimeException | Error e) {
            resources.close();
            throw e;
        }
    }

    /** Takes each chosen adapter in: reports its lines, keeps its probe and its metrics, and registers what it opened. */
    private record Plugs(Consumer<String> report, Resources resources, List<HealthProbe> probes, List<MeterBinder> meters) {
        Plugs(Consumer<String> report, Resources resources) {
            this(report, resources, new ArrayList<>(), new ArrayList<>());
        }

        <T> T in(Adapter<T> adapter) {
            adapter.resources().forEach(resources::add);
            adapter.startupLines().forEach(report);
            adapter.probe().ifPresent(probes::add);
            meters.addAll(adapter.meters());
            return adapter.port();
        }
    }

    /** {@code adapterMeters}: the metrics of the adapters in {@code ports}, as their factories read them (none for adapters made elsewhere). */
    private static Application run(Config config, Ports ports, Keys keys, Resources resources, Consumer<String> report,
                                   List<MeterBinder> adapterMeters) {
        boolean cacheShared = config.cacheType() == Config.CacheType.REDIS && config.redis().isPresent();
        var useCases = UseCases.wire(ports, new UseCases.Settings(config.cacheTtl(), config.authTokenLifetime(),
                LOGIN_THROTTLE, cacheShared));
        FirstAdmin.ensure(useCases.bootstrapAdmin(), config.bootstrapAdmin(), report, LOG::warn);
        var relaySettings = OutboxRelay.Settings.defaults();
        var relay = new OutboxRelay(ports.persistence(), ports.events(), ports.clock(), relaySettings);
        var housekeeping = new Housekeeping(ports.persistence(), ports.clock(), config.outboxRetention());
        var jobs = resources.add(new BackgroundJobs());
        var relayLoop = resources.add(new RelayLoop(relay::relayDue, RELAY_EVERY));
        config.database().ifPresent(db -> resources.add(OutboxNotifications.listen(db.settings(), relayLoop::wake)));
        jobs.every("housekeeping", Duration.ofMinutes(1), HOUSEKEEPING_EVERY, housekeeping::purgeOnce);
        var backlog = new OutboxBacklog(ports.persistence(), ports.clock());
        jobs.every("outbox backlog", Duration.ZERO, BACKLOG_EVERY, backlog::refresh);
        var metrics = resources.add(new ServiceMetrics());
        adapterMeters.forEach(metrics::bind);
        metrics.bind(ServiceMetrics.application(useCases, relay, backlog));
        var http = resources.add(new HttpServer(useCases, metrics.registry(),
                new HttpServer.Settings(config.httpHost(), config.httpPort(), config.shutdown().grace().toMillis(),
                        keys.requestHashKey(), config.trustedProxies())));
        http.start();
        return new Application(http, resources, config.shutdown());
    }

    public int port() {
        return http.port();
    }

    /** Every route the HTTP server registered, as {@code METHOD /path}. */
    public List<String> routes() {
        return http.routes();
    }

    /**
     * Shuts down gracefully: readiness answers 503 at once while requests are still served for the
     * drain delay; then HTTP takes no more connections and lets the requests in flight finish (up to
     * the grace period), the relay finishes its batch, and the pools close.
     */
    @Override
    public void close() {
        if (closed.getAndSet(true)) return;
        http.beginShutdown();
        try {
            Thread.sleep(shutdown.drain().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        resources.close();
    }
}
