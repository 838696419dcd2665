package org.msapp.adapters.http;

import io.javalin.config.RoutesConfig;
import io.javalin.router.Endpoint;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.NanoTime;
import org.msapp.application.access.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One line per answered request on the logger {@value #LOGGER}, at INFO, once the answer is complete:
 * method, route template ({@code /users/{id}}, so no id of a user or an order; the path as sent only
 * when no route matched), status, duration in milliseconds, the request id and, when the request was
 * authenticated, the caller's user id. Never a header value, a query or a body. Jetty calls it for
 * every request it answered, those it refused before a route ran included.
 */
final class AccessLog implements RequestLog {
    static final String LOGGER = "msapp.access";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final String ROUTE = "msapp.route";
    private static final int MAX_PATH = 120;

    /** Notes the route template of the matched route; registered before any other before-handler may refuse. */
    static void register(RoutesConfig routes) {
        routes.beforeMatched(ctx -> {
            Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
            if (endpoint != null) ctx.attribute(ROUTE, endpoint.path);
        });
    }

    @Override
    public void log(Request request, Response response) {
        if (!LOG.isInfoEnabled()) return;
        String id = request.getAttribute(RequestIds.ATTRIBUTE) instanceof String given ? given : response.getHeaders().get(RequestIds.HEADER);
        String route = request.getAttribute(ROUTE) instanceof String template ? template : sent(request);
        Caller caller = request.getAttribute(Authentication.ATTRIBUTE) instanceof Caller c ? c : null;
        long millis = TimeUnit.NANOSECONDS.toMillis(NanoTime.since(request.getBeginNanoTime()));
        String previous = MDC.get(RequestIds.MDC_KEY);   // Jetty may log on another thread than the one that served
        if (id != null) MDC.put(RequestIds.MDC_KEY, id);
        try {
            var line = LOG.atInfo()
                    .addKeyValue("method", request.getMethod())
                    .addKeyValue("route", route)
                    .addKeyValue("status", response.getStatus())
                    .addKeyValue("duration_ms", millis);
            if (caller != null) line = line.addKeyValue("caller_id", caller.userId().value());
            line.log("{} {} {} {} ms{}", request.getMethod(), route, response.getStatus(), millis,
                    caller == null ? "" : " caller " + caller.userId().value());
        } finally {
            if (previous == null) MDC.remove(RequestIds.MDC_KEY);
            else MDC.put(RequestIds.MDC_KEY, previous);
        }
    }

    /** The path as sent, without its query, in printable ASCII and cut short: a log line is no place for what a client chose to send. */
    private static String sent(Request request) {
        String path = JettyProblems.instance(request);
        if (path == null || path.isEmpty()) return "-";
        StringBuilder safe = new StringBuilder(Math.min(path.length(), MAX_PATH + 3));
        for (int i = 0; i < path.length() && i < MAX_PATH; i++) {
            char c = path.charAt(i);
            safe.append(c > ' ' && c < 0x7f ? c : '?');
        }
        if (path.length() > MAX_PATH) safe.append("...");
        return safe.toString();
    }
}
