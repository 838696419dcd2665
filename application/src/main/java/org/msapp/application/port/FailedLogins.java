package org.msapp.application.port;

import java.time.Instant;
import java.util.List;

/**
 * Failed log-ins per nick name (its {@link org.msapp.domain.user.NickName#key()}), so that guessing
 * can be slowed down. It may forget failures older than the window it is asked about, and, when it
 * holds too many nick names, the oldest ones: it never grows without bound.
 */
public interface FailedLogins {
    void add(String nickNameKey, Instant at);

    /** The failures of {@code nickNameKey} after {@code since}, oldest first. */
    List<Instant> after(String nickNameKey, Instant since);

    void clear(String nickNameKey);
}
