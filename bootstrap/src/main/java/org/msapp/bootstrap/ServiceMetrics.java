package org.msapp.bootstrap;

import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.BooleanSupplier;
import java.util.function.ToDoubleFunction;
import org.msapp.adapters.postgres.PostgresPersistence;
import org.msapp.adapters.rabbitmq.RabbitEventPublisher;
import org.msapp.application.UseCases;
import org.msapp.application.availability.BoundedPasswordHasher;
import org.msapp.application.cache.CacheAside;
import org.msapp.application.authentication.LoginThrottle;
import org.msapp.application.outbox.OutboxBacklog;
import org.msapp.application.outbox.OutboxRelay;

/**
 * The service's metrics, in one Prometheus registry: the JVM's and the process's, and the service's
 * own ({@code msapp_*}), which read, when scraped, the counts and states kept where the work is done
 * (the application's objects and the adapters), so that the core needs no metrics library. The binders
 * of an adapter's metrics come with it from its factory ({@link Adapter#measuredBy}); a part that runs
 * in-process reports the same families, at zero, so that a dashboard or an alert finds them whatever
 * is configured.
 */
final class ServiceMetrics implements AutoCloseable {
    private static final String RETURNED = "msapp.relay.returned";
    private static final String RETURNED_TOLD =
            "Events the broker returned as unroutable (no queue bound for their type); they stay in the outbox";
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    ServiceMetrics() {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new JvmInfoMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }

    void bind(MeterBinder binder) {
        binder.bindTo(registry);
    }

    /** The application's own: cache lookups, log-ins, the relay and the outbox's backlog. */
    static MeterBinder application(UseCases useCases, OutboxRelay relay, OutboxBacklog backlog) {
        return registry -> {
            CacheAside cache = useCases.cacheAside();
            cacheLookups(registry, "hit", cache, CacheAside::hits);
            cacheLookups(registry, "miss", cache, CacheAside::misses);
            cacheLookups(registry, "error", cache, CacheAside::failedLookups);
            counter(registry, "msapp.cache.errors", "Calls to the cache that failed (lookups, fills, evictions); the service went on without it",
                    cache, CacheAside::failures);
            LoginThrottle logins = useCases.loginThrottle();
            counter(registry, "msapp.login.failures", "Password checks that failed (a wrong password or an unknown nick name)",
                    logins, LoginThrottle::failedChecks);
            counter(registry, "msapp.login.throttled", "Log-ins refused unchecked, past a limit of failures (answered 429)",
                    logins, LoginThrottle::throttled);
            counter(registry, "msapp.relay.published", "Events the outbox relay handed to the broker, every attempt counted",
                    relay, OutboxRelay::published);
            counter(registry, "msapp.relay.confirmed", "Events the broker confirmed", relay, OutboxRelay::confirmed);
            counter(registry, "msapp.relay.failed", "Events handed to the broker and not confirmed; they stay in the outbox for a later attempt",
                    relay, OutboxRelay::failed);
            gauge(registry, "msapp.outbox.backlog", null, "Events in the outbox not yet published (read every few seconds)",
                    backlog, OutboxBacklog::events);
            gauge(registry, "msapp.outbox.oldest.age", "seconds", "How long ago the oldest unpublished event occurred; 0 when none waits",
                    backlog, b -> b.oldestAge().toMillis() / 1000.0);
        };
    }

    /** The admission in front of the password hasher. */
    static MeterBinder hashing(BoundedPasswordHasher hasher) {
        return registry -> {
            gauge(registry, "msapp.password.hashes.running", null, "Password hashes running now", hasher, BoundedPasswordHasher::running);
            gauge(registry, "msapp.password.hashes.waiting", null, "Requests waiting for a turn to hash a password now",
                    hasher, BoundedPasswordHasher::waiting);
            counter(registry, "msapp.password.hashes.refused", "Requests refused a hash at once, every place taken (answered 503)",
                    hasher, BoundedPasswordHasher::refused);
        };
    }

    /** Whether the cache's circuit breaker is open; {@code () -> false} for a cache that has none. */
    static MeterBinder cacheBreaker(BooleanSupplier open) {
        return registry -> gauge(registry, "msapp.cache.breaker.open", null,
                "1 while the cache's circuit breaker is open (Redis failed repeatedly and is left alone for a moment), else 0",
                open, o -> o.getAsBoolean() ? 1 : 0);
    }

    /** Events the broker returned as unroutable, as {@code publisher} counts them. */
    static MeterBinder returned(RabbitEventPublisher publisher) {
        return registry -> counter(registry, RETURNED, RETURNED_TOLD, publisher, RabbitEventPublisher::unroutable);
    }

    /** For a publisher that returns nothing: the same family, at zero. */
    static MeterBinder noneReturned() {
        return registry -> Counter.builder(RETURNED).description(RETURNED_TOLD).register(registry);
    }

    /** HikariCP's own metrics of the pool ({@code hikaricp_connections_*}, labelled with the pool's name). */
    static MeterBinder pool(PostgresPersistence postgres) {
        return registry -> postgres.trackPoolWith(new MicrometerMetricsTrackerFactory(registry));
    }

    private static void cacheLookups(MeterRegistry registry, String result, CacheAside cache, ToDoubleFunction<CacheAside> count) {
        FunctionCounter.builder("msapp.cache.requests", cache, count)
                .description("Cache lookups by result: hit, miss, or error (the cache failed; the read went to the store)")
                .tag("result", result).register(registry);
    }

    /** A counter that reads {@code count} of {@code source}, which must be held elsewhere: the registry holds it weakly. */
    private static <T> void counter(MeterRegistry registry, String name, String description, T source, ToDoubleFunction<T> count) {
        FunctionCounter.builder(name, source, count).description(description).register(registry);
    }

    private static <T> void gauge(MeterRegistry registry, String name, String unit, String description, T source, ToDoubleFunction<T> value) {
        Gauge.builder(name, source, value).description(description).baseUnit(unit).strongReference(true).register(registry);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
