package org.msapp.adapters.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Supplier;
import org.msapp.application.idempotency.RunIdempotently;
import org.msapp.application.StoredResponse;

/** The {@code Idempotency-Key} header on creating requests: a retry gets the first response again. */
final class Idempotency {
    private final RunIdempotently run;

    Idempotency(RunIdempotently run) {
        this.run = run;
    }

    void respond(Context ctx, Supplier<StoredResponse> work) {
        String key = ctx.header("Idempotency-Key");
        StoredResponse response = key == null ? work.get()
                : run.handle(new RunIdempotently.Request(scope(ctx), key, requestHash(ctx)), work);
        ctx.status(response.status());
        response.headers().forEach(ctx::header);
        ctx.contentType("application/json").result(response.body());
    }

    /** Keys are the caller's own: another caller's same key and body is another request. */
    private static String scope(Context ctx) {
        return ctx.routeRoles().contains(Authentication.CALLER) ? "user " + Authentication.caller(ctx).userId() : "anonymous";
    }

    static StoredResponse created(String location, long version, Object view) {
        return new StoredResponse(201, Map.of("Location", location, "ETag", ETags.of(version)), Json.write(view));
    }

    private static String requestHash(Context ctx) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((ctx.method() + " " + ctx.path() + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(ctx.bodyAsBytes()));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
