package org.msapp.application.port;

/** The cache did not answer; the caller goes on without it. */
public final class CacheUnavailable extends RuntimeException {
    public CacheUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
