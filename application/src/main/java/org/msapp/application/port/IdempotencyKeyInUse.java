package org.msapp.application.port;

/** Another unit of work saved a record under the same key first. */
public final class IdempotencyKeyInUse extends RuntimeException {
    public IdempotencyKeyInUse(String key) {
        super("idempotency key in use", null, false, false);
    }
}
