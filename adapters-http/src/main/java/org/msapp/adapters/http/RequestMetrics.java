package org.msapp.adapters.http;

import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Times every request that Javalin answers, as {@code http_server_requests_seconds}, a histogram with
 * fixed buckets from 5 ms to 10 s, labelled with the method, the status and the route: the template
 * the request matched ({@code /users/{id}}), never the path it named, so that ids and made-up paths
 * cannot multiply the series. A request that matched no route is labelled by what became of it:
 * {@value #NOT_FOUND}, {@value #STATIC} (a file served, such as the docs page's scripts), or
 * {@value #UNMATCHED} (refused before any route, a 405 for instance).
 */
final class RequestMetrics implements RequestLogger {
    static final String NAME = "http.server.requests";
    static final String NOT_FOUND = "NOT_FOUND";
    static final String STATIC = "STATIC";
    static final String UNMATCHED = "UNMATCHED";
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2_500), Duration.ofSeconds(5),
        Duration.ofSeconds(10)};

    private final MeterRegistry registry;

    RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The timer of each series met so far: building and registering one is a lookup in the registry by its sorted tags. */
    private final Map<Series, Timer> timers = new ConcurrentHashMap<>();

    private record Series(String method, String route, int status) {
    }

    @Override
    public void handle(Context ctx, Float executionMillis) {
        timers.computeIfAbsent(new Series(ctx.method().name(), route(ctx), ctx.statusCode()), this::timer)
                .record((long) (executionMillis * 1_000_000L), TimeUnit.NANOSECONDS);
    }

    private Timer timer(Series series) {
        return Timer.builder(NAME)
                .description("HTTP requests answered, by method, route template and status")
                .tag("method", series.method())
                .tag("route", series.route())
                .tag("status", Integer.toString(series.status()))
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    static String route(Context ctx) {
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        if (matched != null) return matched.path;
        int status = ctx.statusCode();
        if (status == 404) return NOT_FOUND;
        if (status < 400) return STATIC;
        return UNMATCHED;
    }
}
