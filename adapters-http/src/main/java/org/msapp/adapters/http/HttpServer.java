package org.msapp.adapters.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.UnsupportedMediaTypeResponse;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jetty.JettyConnectionMetrics;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import io.micrometer.jetty12.server.TimedHandler;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.msapp.application.UseCases;

/**
 * The HTTP API on Javalin. {@link #close()} stops taking connections, lets requests in flight finish
 * (up to the stop timeout), then stops.
 */
public final class HttpServer implements AutoCloseable {
    public static final long MAX_BODY_BYTES = 64 * 1024;
    private static final long IDLE_CONNECTIONS_ON_STOP_MILLIS = 50;
    private static final Set<HandlerType> WITH_BODY = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH);

    /**
     * {@code requestHashKey}: keys the digests of idempotent requests; the same on every instance.
     * {@code trustedProxies}: whose {@code X-Forwarded-For} names the client that log-ins are counted for.
     */
    public record Settings(String host, int port, long stopTimeoutMillis, byte[] requestHashKey, TrustedProxies trustedProxies) {
        /** Behind no proxy: the client is the socket's other end. */
        public Settings(String host, int port, long stopTimeoutMillis, byte[] requestHashKey) {
            this(host, port, stopTimeoutMillis, requestHashKey, TrustedProxies.none());
        }
    }

    private final Javalin app;
    private final PrometheusMeterRegistry registry;
    private final HealthRoutes health;

    public HttpServer(UseCases useCases, PrometheusMeterRegistry registry, Settings settings) {
        this.registry = registry;
        boolean virtualThreads = Runtime.version().feature() >= 21;
        var idempotency = new Idempotency(useCases.runIdempotently(), settings.requestHashKey());
        var authentication = new Authentication(useCases.authenticateUser(), useCases.authenticateToken(), settings.trustedProxies());
        var auth = new AuthRoutes(useCases.issueToken(), settings.trustedProxies());
        var users = new UserRoutes(useCases.registerUser(), useCases.getUser(), useCases.findUserByNickName(),
                useCases.listUsers(), useCases.updateUser(), useCases.changePassword(), useCases.deleteUser(),
                useCases.setAdminRole(), idempotency);
        var orders = new OrderRoutes(useCases.placeOrder(), useCases.getOrder(), useCases.listOrdersOfUser(),
                useCases.listAllOrders(), useCases.updateOrder(), useCases.deleteOrder(), idempotency);
        this.health = new HealthRoutes(useCases.checkReadiness());
        var docs = new DocsRoutes();
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.concurrency.useVirtualThreads = virtualThreads;
            config.jetty.addConnector((server, http) -> {
                http.setSendServerVersion(false);
                http.setSendXPoweredBy(false);
                // Jetty's per-connection cache of header fields takes each new bearer token in, and clears its
                // whole trie when full: with a token per request, that clearing was a tenth of the CPU of a read.
                http.setHeaderCacheSize(0);
                var connector = new ServerConnector(server, new TargetKeepingConnectionFactory(http));
                connector.setHost(settings.host());
                connector.setPort(settings.port());
                return connector;
            });
            config.jetty.modifyServer(server -> {
                server.setErrorHandler(new JettyProblems());
                server.setStopTimeout(settings.stopTimeoutMillis());
                server.insertHandler(new GracefulHandler());
                server.insertHandler(new TimedHandler(registry, Tags.empty()));
                server.insertHandler(new SecurityHeaders());
                server.insertHandler(new RequestIds());   // outermost: whatever answers, the answer and its log lines name the request
                server.setRequestLog(new AccessLog());
            });
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.http.prefer405over404 = true;
            config.http.generateEtags = false;
            config.jsonMapper(new JavalinJackson(Json.MAPPER, virtualThreads));
            config.staticFiles.enableWebjars();
            Problems.register(config.routes, this::allowedMethods);
            AccessLog.register(config.routes);
            authentication.register(config.routes);
            config.routes.beforeMatched(ctx -> {
                if (WITH_BODY.contains(ctx.method()) && hasBody(ctx) && !ctx.isJson()) {
                    throw new UnsupportedMediaTypeResponse("the body must be JSON, sent as Content-Type: application/json");
                }
            });
            // Javalin types every answer text/plain unless told otherwise; an answer that can have no body has nothing to type
            config.routes.after(ctx -> {
                if (ctx.statusCode() == 204 || ctx.statusCode() == 304) ctx.res().setContentType(null);
                UnreadBodies.drain(ctx);
            });
            auth.register(config.routes);
            users.register(config.routes);
            orders.register(config.routes);
            health.register(config.routes);
            docs.register(config.routes);
            Routes.get(config.routes, "/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()));
            config.requestLogger.http(new RequestMetrics(registry));
        });
    }

    /**
     * Loads and initializes the classes of the HTTP stack (Javalin, Jetty, Jackson) without opening
     * anything, so that a start-up may do it beside work that waits on the network rather than after it.
     */
    public static void prepare() {
        Json.MAPPER.getTypeFactory();
        Javalin.create(config -> config.startup.showJavalinBanner = false);
    }

    /** A body is announced by a length above 0 or by chunks; POST /auth/token with Basic needs none. */
    static boolean hasBody(Context ctx) {
        return ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null;
    }

    public HttpServer start() {
        app.start();
        var server = app.jettyServer().server();
        // On stop, a kept-alive connection with no request in flight closes at once (Jetty waits 1 s by
        // default); requests in flight still finish, as the GracefulHandler waits for them.
        for (var connector : server.getConnectors()) {
            if (connector instanceof AbstractConnector c) c.setShutdownIdleTimeout(IDLE_CONNECTIONS_ON_STOP_MILLIS);
        }
        new JettyServerThreadPoolMetrics(server.getThreadPool(), Tags.empty()).bindTo(registry);
        JettyConnectionMetrics.addToAllConnectors(server, registry, Tags.empty());
        return this;
    }

    public int port() {
        return app.port();
    }

    /** Readiness answers 503 "shutting down" from now on; everything else is served as before until {@link #close()}. */
    public void beginShutdown() {
        health.shuttingDown();
    }

    /** The methods with a route at {@code path}, for the Allow header of a 405. */
    private List<String> allowedMethods(String path) {
        return HandlerType.values().stream().filter(HandlerType::isHttpMethod)
                .filter(m -> app.unsafe.internalRouter.hasHttpHandlerEntry(m, path)).map(HandlerType::name).toList();
    }

    /** Every registered route as {@code METHOD /path}, for checking the OpenAPI document against. */
    public List<String> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .filter(e -> e.endpoint.method.isHttpMethod() && e.endpoint.method != HandlerType.HEAD)
                .map(e -> e.endpoint.method.name() + " " + e.endpoint.path)
                .toList();
    }

    @Override
    public void close() {
        app.stop();
    }
}
