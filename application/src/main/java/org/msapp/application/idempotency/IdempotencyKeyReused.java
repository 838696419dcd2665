package org.msapp.application.idempotency;

import org.msapp.domain.DomainException;
import org.msapp.domain.Kind;

/** The idempotency key was used before for a different request. */
public final class IdempotencyKeyReused extends DomainException {
    public IdempotencyKeyReused() {
        super("idempotency_key_reused", Kind.INVALID,
                "this Idempotency-Key was used for a different request; use a new key for a new request");
    }
}
