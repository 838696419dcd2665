package org.msapp.application.authentication;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.msapp.application.port.FailedLogins;

/**
 * Slows down password guessing: at most {@code maxFailures} password checks for one nick name within
 * {@code window} that did not succeed; past that, every attempt is refused, unchecked, until the
 * oldest leaves the window. An attempt is counted before its check, so a burst of parallel guesses
 * gets no more checks than a sequence of them.
 */
public final class LoginThrottle {
    public record Settings(int maxFailures, Duration window) {
        public static Settings defaults() {
            return new Settings(5, Duration.ofMinutes(1));
        }
    }

    private final FailedLogins failures;
    private final Clock clock;
    private final Settings settings;

    public LoginThrottle(FailedLogins failures, Clock clock, Settings settings) {
        this.failures = failures;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Counts an attempt to check a password of {@code nickNameKey}; it stays counted as a failure
     * unless {@link #succeeded} follows.
     *
     * @throws LoginThrottled while too many attempts for it have not succeeded of late
     */
    public void attempt(String nickNameKey) {
        Instant now = clock.instant();
        List<Instant> recent = failures.countUnlessFull(nickNameKey, now, now.minus(settings.window()), settings.maxFailures());
        if (recent.size() < settings.maxFailures()) return;
        Instant freed = recent.get(recent.size() - settings.maxFailures()).plus(settings.window());
        long millis = Duration.between(now, freed).toMillis();
        throw new LoginThrottled(Math.max(1, (millis + 999) / 1000));
    }

    public void succeeded(String nickNameKey) {
        failures.clear(nickNameKey);
    }
}
