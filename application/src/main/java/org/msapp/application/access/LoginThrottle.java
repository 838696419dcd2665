package org.msapp.application.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.msapp.application.port.FailedLogins;

/**
 * Slows down password guessing: after {@code maxFailures} failed log-ins for one nick name within
 * {@code window}, every log-in for it is refused, unchecked, until the oldest of them leaves the window.
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

    /** @throws LoginThrottled while {@code nickNameKey} has had too many failures of late */
    void check(String nickNameKey) {
        Instant now = clock.instant();
        List<Instant> recent = failures.after(nickNameKey, now.minus(settings.window()));
        if (recent.size() < settings.maxFailures()) return;
        Instant freed = recent.get(recent.size() - settings.maxFailures()).plus(settings.window());
        long millis = Duration.between(now, freed).toMillis();
        throw new LoginThrottled(Math.max(1, (millis + 999) / 1000));
    }

    void failed(String nickNameKey) {
        failures.add(nickNameKey, clock.instant());
    }

    void succeeded(String nickNameKey) {
        failures.clear(nickNameKey);
    }
}
