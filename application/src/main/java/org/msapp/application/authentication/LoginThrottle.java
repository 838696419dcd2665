package org.msapp.application.authentication;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import org.msapp.application.availability.Overloaded;
import org.msapp.application.availability.ServiceUnavailable;
import org.msapp.application.port.FailedLogins;

/**
 * Slows down password guessing with two limits on the checks of one account's password that did not
 * succeed: {@code perOrigin}, for the checks from one origin (a client address), which stops a
 * guesser there without locking the owner out from elsewhere; and {@code perAccount}, looser, for the
 * checks from every origin, which stops a guesser spread over many. Past either, an attempt is
 * refused, unchecked, until the oldest failure leaves that limit's window.
 *
 * <p>An attempt is counted against both before its check, so a burst of parallel guesses gets no more
 * checks than a sequence of them. A check that succeeds forgets its origin's failures, and takes its
 * own attempt back from the account's count, where the others' stay: a client that checks its password
 * on every request does not use up the account's allowance, nor does it lift a guesser's.
 *
 * <p>It counts, for monitoring to read, the checks that failed and the attempts it refused.
 */
public final class LoginThrottle {
    /** At most {@code maxFailures} within {@code window}. */
    public record Limit(int maxFailures, Duration window) {
    }

    public record Settings(Limit perOrigin, Limit perAccount) {
        public static Settings defaults() {
            return new Settings(new Limit(5, Duration.ofMinutes(1)), new Limit(100, Duration.ofHours(1)));
        }

        /** The most attempts a store of failed log-ins has to keep under one key. */
        public int mostCounted() {
            return Math.max(perOrigin.maxFailures(), perAccount.maxFailures());
        }
    }

    private final FailedLogins failures;
    private final Clock clock;
    private final Settings settings;
    private final LongAdder failedChecks = new LongAdder();
    private final LongAdder refusals = new LongAdder();

    public LoginThrottle(FailedLogins failures, Clock clock, Settings settings) {
        this.failures = failures;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Counts an attempt to check a password of {@code nickNameKey} from {@code origin}; it stays
     * counted as a failure unless its {@link Attempt#check} succeeds.
     *
     * @throws LoginThrottled while too many attempts from that origin, or for that account from
     *     anywhere, have not succeeded of late
     */
    public Attempt attempt(String nickNameKey, String origin) {
        Instant now = clock.instant();
        String fromOrigin = "from:" + origin + "/" + nickNameKey;   // an origin holds no '/': one key per pair
        String ofAccount = "account:" + nickNameKey;
        count(fromOrigin, now, settings.perOrigin());
        try {
            count(ofAccount, now, settings.perAccount());
        } catch (LoginThrottled refused) {
            failures.forget(fromOrigin, now);
            throw refused;
        }
        return new Attempt(fromOrigin, ofAccount, now);
    }

    /** Password checks that failed since the start (a wrong password, or a nick name no one holds). */
    public long failedChecks() {
        return failedChecks.sum();
    }

    /** Attempts refused unchecked since the start, past either limit. */
    public long throttled() {
        return refusals.sum();
    }

    private void count(String key, Instant now, Limit limit) {
        List<Instant> recent = failures.countUnlessFull(key, now, now.minus(limit.window()), limit.maxFailures());
        if (recent.size() < limit.maxFailures()) return;
        Instant freed = recent.get(recent.size() - limit.maxFailures()).plus(limit.window());
        long millis = Duration.between(now, freed).toMillis();
        refusals.increment();
        throw new LoginThrottled(Math.max(1, (millis + 999) / 1000));
    }

    /** An attempt counted and allowed its one check. */
    public final class Attempt {
        private final String fromOrigin;
        private final String ofAccount;
        private final Instant at;

        private Attempt(String fromOrigin, String ofAccount, Instant at) {
            this.fromOrigin = fromOrigin;
            this.ofAccount = ofAccount;
            this.at = at;
        }

        /**
         * Runs the password check and answers its outcome. A success forgets the origin's failures and
         * takes this attempt back from the account's count; a check the hasher refused to run is no
         * failure, and is taken back from both.
         */
        public boolean check(BooleanSupplier passwordCheck) {
            boolean right;
            try {
                right = passwordCheck.getAsBoolean();
            } catch (Overloaded | ServiceUnavailable notChecked) {
                failures.forget(fromOrigin, at);
                failures.forget(ofAccount, at);
                throw notChecked;
            }
            if (right) {
                failures.clear(fromOrigin);
                failures.forget(ofAccount, at);
            } else {
                failedChecks.increment();
            }
            return right;
        }
    }
}
