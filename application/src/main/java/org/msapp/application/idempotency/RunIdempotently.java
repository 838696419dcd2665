package org.msapp.application.idempotency;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.msapp.application.availability.ServiceUnavailable;
import org.msapp.application.port.IdempotencyKeyInUse;
import org.msapp.application.port.IdempotencyRecord;
import org.msapp.application.port.Persistence;
import org.msapp.domain.InvalidField;

/**
 * Runs a creating request at most once per idempotency key: the first response is kept for 24 hours
 * and given again to a retry with the same request. The work joins the same unit of work as the
 * record, so either both commit or neither. The key is held first: of two concurrent requests with
 * one key, the second waits for the first to commit, then replays its response (should a store let
 * both through, the loser's save fails, its unit of work rolls back, and it tries again).
 */
public final class RunIdempotently {
    public static final Duration KEPT_FOR = Duration.ofHours(24);
    private static final int ATTEMPTS = 3;

    /**
     * {@code scope}: whose key it is (the caller, or anonymous): keys of different callers never meet,
     * so no one can replay another's response; {@code key}: 1..255 visible ASCII characters;
     * {@code requestHash}: a digest of what was asked.
     */
    public record Request(String scope, String key, String requestHash) {
        public Request {
            requireNonNull(scope, "scope");
            if (key == null || key.isEmpty() || key.length() > 255 || !key.chars().allMatch(ch -> ch > 32 && ch < 127)) {
                throw new InvalidField("Idempotency-Key", "must be 1 to 255 visible ASCII characters");
            }
        }

        String storedKey() {
            return scope + " " + key;
        }
    }

    private final Persistence persistence;
    private final Clock clock;

    public RunIdempotently(Persistence persistence, Clock clock) {
        this.persistence = persistence;
        this.clock = clock;
    }

    /** @throws IdempotencyKeyReused when the key was used for another request */
    public StoredResponse handle(Request request, Supplier<StoredResponse> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return persistence.inTransaction(stores -> {
                    stores.idempotency().hold(request.storedKey());
                    var now = clock.instant();
                    var earlier = stores.idempotency().find(request.storedKey(), now);
                    if (earlier.isPresent()) {
                        if (!earlier.get().requestHash().equals(request.requestHash())) throw new IdempotencyKeyReused();
                        return new StoredResponse(earlier.get().status(), earlier.get().headers(), earlier.get().body());
                    }
                    StoredResponse response = work.get();
                    stores.idempotency().save(new IdempotencyRecord(request.storedKey(), request.requestHash(), response.status(),
                            response.headers(), response.body(), now.plus(KEPT_FOR)), now);
                    return response;
                });
            } catch (IdempotencyKeyInUse raced) {
                if (attempt == ATTEMPTS) throw new ServiceUnavailable("idempotency records", raced);
            }
        }
    }
}
