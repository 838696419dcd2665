package org.msapp.application.availability;

/** A refusal that may succeed when asked again after {@link #retryAfterSeconds()}. */
public interface RetryLater {
    long retryAfterSeconds();
}
