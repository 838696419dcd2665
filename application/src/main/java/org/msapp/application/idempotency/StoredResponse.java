package org.msapp.application.idempotency;

import java.util.Map;

/** A response as it was first given, kept so that a retried request gets it again. */
public record StoredResponse(int status, Map<String, String> headers, String body) {
    public StoredResponse {
        headers = Map.copyOf(headers);
    }
}
