package org.msapp.application.availability;

import org.msapp.domain.DomainException;
import org.msapp.domain.Kind;

/**
 * A backing service (database, hasher pool) cannot answer now; trying again later may work. Adapters
 * throw it in place of their library's failures, so no driver exception reaches the core or a client.
 */
public final class ServiceUnavailable extends DomainException implements RetryLater {
    public ServiceUnavailable(String what, Throwable cause) {
        super("service_unavailable", Kind.UNAVAILABLE, what + " is unavailable; try again shortly", cause);
    }

    public ServiceUnavailable(String what) {
        this(what, null);
    }

    @Override
    public long retryAfterSeconds() {
        return 1;
    }
}
