package org.msapp.application.port;

import java.time.Instant;
import java.util.Map;

/** The first response ({@code status}, {@code headers}, {@code body}) to a request that carried an idempotency key, and a hash of that request. */
public record IdempotencyRecord(String key, String requestHash, int status, Map<String, String> headers, String body,
                                Instant expiresAt) {
    public IdempotencyRecord {
        headers = Map.copyOf(headers);
    }
}
