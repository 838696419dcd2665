package org.msapp.application.port;

import java.time.Instant;
import java.util.List;

/**
 * Log-in attempts per nick name (its {@link org.msapp.domain.user.NickName#key()}) that have not
 * succeeded, so that guessing can be slowed down. It may forget attempts older than the window it is
 * asked about, and, when it holds too many nick names, the oldest ones: it never grows without bound.
 */
public interface FailedLogins {
    /**
     * Atomically: counts an attempt at {@code at}, unless {@code max} or more were counted after
     * {@code since}. Returns the attempts counted after {@code since} before this one, oldest first;
     * when there are {@code max} of them or more, this one was not counted.
     */
    List<Instant> countUnlessFull(String nickNameKey, Instant at, Instant since, int max);

    /** Forgets the attempts of {@code nickNameKey}, as after a log-in that succeeded. */
    void clear(String nickNameKey);
}
