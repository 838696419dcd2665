package org.msapp.application.port;

import java.time.Instant;
import org.msapp.application.StoredResponse;

/** The first response to a request that carried an idempotency key, and a hash of that request. */
public record IdempotencyRecord(String key, String requestHash, StoredResponse response, Instant expiresAt) {
}
