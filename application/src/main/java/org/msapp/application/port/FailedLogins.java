package org.msapp.application.port;

import java.time.Instant;
import java.util.List;

/**
 * Log-in attempts that have not succeeded, counted per key (the caller's choice: a nick name's, or a
 * nick name's and a client address's), so that guessing can be slowed down. It may forget attempts
 * older than the window it is asked about, and, when it holds too many keys, the oldest ones: it
 * never grows without bound.
 */
public interface FailedLogins {
    /**
     * Atomically: counts an attempt at {@code at}, unless {@code max} or more were counted after
     * {@code since}. Returns the attempts counted after {@code since} before this one, oldest first;
     * when there are {@code max} of them or more, this one was not counted.
     */
    List<Instant> countUnlessFull(String key, Instant at, Instant since, int max);

    /** Forgets the attempts of {@code key}, as after a log-in that succeeded. */
    void clear(String key);

    /**
     * Forgets one attempt of {@code key} counted at {@code at}, if there is one, and no other: a check
     * that succeeded (or never ran) is taken back from a count shared with other callers, whose
     * attempts stay counted.
     */
    void forget(String key, Instant at);
}
