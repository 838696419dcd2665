package org.msapp.adapters.http;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.msapp.application.tracing.Trace;
import org.slf4j.MDC;

/**
 * Every request gets an id: the caller's {@code X-Request-Id} when it is a short token of safe
 * characters, else a fresh one (never an echo of what was refused). The answer carries it, whoever
 * writes the answer; every log line written while the request is served names it ({@value #MDC_KEY}
 * in SLF4J's MDC); and the events the request causes keep it, with the caller's W3C
 * {@code traceparent} when it sent a valid one ({@link Trace}, bound to the serving thread).
 */
final class RequestIds extends Handler.Wrapper {
    static final String HEADER = "X-Request-Id";
    static final String TRACEPARENT = "traceparent";
    static final String MDC_KEY = "request_id";
    /** The request attribute that holds the id, for what answers once this handler has returned. */
    static final String ATTRIBUTE = "msapp.request_id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:+/=-]{1," + Trace.MAX_REQUEST_ID_LENGTH + "}");
    /** W3C Trace Context: version, trace id, parent id, flags, in lower-case hex; later versions may add fields. */
    private static final Pattern TRACE_PARENT = Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?");
    private static final String NO_TRACE = "0".repeat(32);
    private static final String NO_PARENT = "0".repeat(16);

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        HttpFields headers = request.getHeaders();
        String id = accepted(headers.get(HEADER)).orElseGet(RequestIds::fresh);
        String traceparent = traceparent(headers.get(TRACEPARENT)).orElse(null);
        response.getHeaders().put(HEADER, id);
        request.setAttribute(ATTRIBUTE, id);
        MDC.put(MDC_KEY, id);
        try (Trace.Binding ignored = Trace.bind(new Trace(id, traceparent))) {
            return super.handle(request, response, callback);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    /** The caller's id when it is 1 to 64 letters, digits or {@code . _ : + / = -}; else none. */
    static Optional<String> accepted(String header) {
        return header != null && SAFE.matcher(header).matches() ? Optional.of(header) : Optional.empty();
    }

    static String fresh() {
        return UUID.randomUUID().toString();
    }

    /**
     * A valid W3C {@code traceparent}, as version 00 carries it on: version 00 exactly (55 characters),
     * or a later version (not {@code ff}) whose first four fields read as version 00's, as the
     * specification asks; a trace id or parent id of zeros only is invalid. Anything else is none.
     */
    static Optional<String> traceparent(String header) {
        if (header == null) return Optional.empty();
        var m = TRACE_PARENT.matcher(header.strip());
        if (!m.matches()) return Optional.empty();
        String version = m.group(1);
        if (version.equals("ff") || version.equals("00") && m.group(5) != null) return Optional.empty();
        if (m.group(2).equals(NO_TRACE) || m.group(3).equals(NO_PARENT)) return Optional.empty();
        return Optional.of(String.join("-", "00", m.group(2), m.group(3), m.group(4)));
    }
}
