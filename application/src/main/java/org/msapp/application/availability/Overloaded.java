package org.msapp.application.availability;

import org.msapp.domain.DomainException;
import org.msapp.domain.Kind;

/**
 * A part of the service is at capacity and refused the call at once, as it must under a flood; asking
 * again later may work. Unlike {@link ServiceUnavailable} nothing is broken, so a refusal is not worth
 * a log line of its own: the part that refuses says how many it refused, now and then.
 */
public final class Overloaded extends DomainException implements RetryLater {
    public Overloaded(String what) {
        super("service_unavailable", Kind.UNAVAILABLE, what + " is busy; try again shortly");
    }

    @Override
    public long retryAfterSeconds() {
        return 1;
    }
}
