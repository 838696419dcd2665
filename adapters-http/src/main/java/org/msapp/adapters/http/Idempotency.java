package org.msapp.adapters.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.msapp.application.idempotency.RunIdempotently;
import org.msapp.application.idempotency.StoredResponse;

/** The {@code Idempotency-Key} header on creating requests: a retry gets the first response again. */
final class Idempotency {
    private static final String HMAC = "HmacSHA256";
    private final RunIdempotently run;
    private final SecretKeySpec requestKey;

    /** {@code requestKey}: the same on every instance, so that a retry may reach any of them. */
    Idempotency(RunIdempotently run, byte[] requestKey) {
        this.run = run;
        this.requestKey = new SecretKeySpec(requestKey, HMAC);
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

    /**
     * An HMAC, not a plain digest: a registration's body holds a password in clear, and a digest
     * kept for a day would let a reader of the table guess it at SHA-256 speed.
     */
    private String requestHash(Context ctx) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(requestKey);
            mac.update((ctx.method() + " " + ctx.path() + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(ctx.bodyAsBytes()));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
