package org.msapp.adapters.redis;

/** Redis did not answer in time, refused the command, or the breaker is open: the caller goes on without it. */
final class RedisUnavailable extends RuntimeException {
    RedisUnavailable(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
