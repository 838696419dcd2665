package org.msapp.application.authentication;

import org.msapp.application.availability.RetryLater;
import org.msapp.domain.DomainException;
import org.msapp.domain.Kind;

/** Too many failed log-ins for one nick name of late; no password is checked until the window passes. */
public final class LoginThrottled extends DomainException implements RetryLater {
    private final long retryAfterSeconds;

    public LoginThrottled(long retryAfterSeconds) {
        super("too_many_failed_logins", Kind.TOO_MANY_ATTEMPTS,
                "too many failed log-ins for this nick name; try again in " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
