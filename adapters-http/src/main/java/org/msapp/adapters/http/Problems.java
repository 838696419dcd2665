package org.msapp.adapters.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.function.Function;
import org.msapp.application.availability.Overloaded;
import org.msapp.application.availability.RetryLater;
import org.msapp.domain.DomainException;
import org.msapp.domain.InvalidField;
import org.msapp.domain.InvalidFields;
import org.msapp.domain.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure as RFC 9457 problem details ({@code application/problem+json}). Domain refusals are
 * told apart by {@link org.msapp.domain.Kind}; anything unexpected is a 500 that shows no detail.
 */
final class Problems {
    static final String CONTENT_TYPE = "application/problem+json";
    static final String TYPE_BASE = "/problems/";
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private Problems() {
    }

    /** {@code allowedMethods}: the methods that have a route at a path, for the Allow header of a 405. */
    static void register(RoutesConfig routes, Function<String, List<String>> allowedMethods) {
        routes.exception(DomainException.class, Problems::domain);
        routes.exception(BadRequest.class, (e, ctx) ->
                write(ctx, 400, "malformed_request", e.getMessage(), e.errors().stream()
                        .map(f -> new InvalidField(f.field(), f.message())).toList()));
        routes.exception(HttpResponseException.class, (e, ctx) -> status(ctx, e.getStatus(), e.getMessage()));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            write(ctx, 500, "internal_error", "an unexpected error occurred; it has been logged", List.of());
        });
        routes.error(404, "*", ctx -> {
            if (!CONTENT_TYPE.equals(ctx.res().getContentType())) status(ctx, 404, null);
        });
        routes.error(405, "*", ctx -> {
            ctx.header("Allow", String.join(", ", allowedMethods.apply(ctx.path())));
            if (!CONTENT_TYPE.equals(ctx.res().getContentType())) status(ctx, 405, null);
        });
    }

    private static void domain(DomainException e, Context ctx) {
        if (e instanceof RetryLater later) ctx.header("Retry-After", Long.toString(later.retryAfterSeconds()));
        if (e.kind() == Kind.UNAUTHENTICATED) ctx.header("WWW-Authenticate", Authentication.CHALLENGE);
        if (e.kind() == Kind.UNAVAILABLE && !(e instanceof Overloaded)) {   // a refusal at capacity is counted where it is made
            LOG.warn("{} {}: {}", ctx.method(), ctx.path(), e.getCause() == null ? e.getMessage() : e.getCause().toString());
        }
        write(ctx, status(e.kind()), e.code(), e.getMessage(), e.kind() == Kind.INVALID ? fieldErrors(e) : List.of());
    }

    /** The status of each kind of domain refusal. */
    static int status(Kind kind) {
        return switch (kind) {
            case INVALID -> 422;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case PRECONDITION_FAILED -> 412;
            case TOO_MANY_ATTEMPTS -> 429;
            case UNAVAILABLE -> 503;
        };
    }

    private static List<InvalidField> fieldErrors(DomainException e) {
        if (e instanceof InvalidFields many) return many.errors();
        if (e instanceof InvalidField one) return List.of(one);
        return List.of();
    }

    /** A problem for a bare status (unknown route, body too large, ...). */
    static void status(Context ctx, int status, String detail) {
        String code = code(status);
        String text = detail == null || detail.isBlank() ? HttpStatus.forStatus(status).getMessage() : detail;
        if (status == 404 && detail == null) text = "no resource at " + ctx.method() + " " + ctx.path();
        write(ctx, status, code, text, List.of());
    }

    /** Written as bytes: a String result would be encoded by the response's charset, ISO-8859-1 for this type. */
    static void write(Context ctx, int status, String code, String detail, List<InvalidField> errors) {
        ctx.status(status).contentType(CONTENT_TYPE).result(body(status, code, detail, ctx.path(), errors));
    }

    /** The problem document itself, in UTF-8; {@code instance} may be null when there is no request path to name. */
    static byte[] body(int status, String code, String detail, String instance, List<InvalidField> errors) {
        ObjectNode body = Json.MAPPER.createObjectNode()
                .put("type", TYPE_BASE + code)
                .put("title", HttpStatus.forStatus(status).getMessage())
                .put("status", status)
                .put("detail", detail);
        if (instance != null) body.put("instance", instance);
        if (!errors.isEmpty()) {
            ArrayNode list = body.putArray("errors");
            errors.forEach(f -> list.addObject().put("field", f.field()).put("message", f.reason()));
        }
        return Json.writeUtf8(body);
    }

    /** The stable code of a bare status: {@code method_not_allowed}, {@code request_header_fields_too_large}. */
    static String code(int status) {
        return HttpStatus.forStatus(status).getMessage().toLowerCase().replaceAll("[^a-z]+", "_");
    }
}
