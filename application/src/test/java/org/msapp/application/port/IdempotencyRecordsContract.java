package org.msapp.application.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msapp.application.fixtures.TestClock;

/** The contract of {@link Persistence.Stores#idempotency()}, for every persistence adapter. */
public abstract class IdempotencyRecordsContract {
    private static final Instant NOW = TestClock.START;
    private static final Instant EXPIRES = NOW.plus(Duration.ofHours(24));
    private static final Duration MS = Duration.ofMillis(1);

    /** A fresh, empty store; called once before each test. */
    protected abstract Persistence persistence();

    private Persistence db;

    @BeforeEach
    void openTheStore() {
        db = persistence();
    }

    private <T> T tx(Function<Persistence.Stores, T> work) {
        return db.inTransaction(work);
    }

    private static IdempotencyRecord record(String key, String hash, int status, Instant expiresAt) {
        return new IdempotencyRecord(key, hash,
                status, Map.of("Location", "/users/" + status, "Content-Type", "application/json"),
                "{\"user_id\":" + status + ",\"nick_name\":\"alice\"}", expiresAt);
    }

    private void save(IdempotencyRecord record, Instant now) {
        tx(s -> {
            s.idempotency().save(record, now);
            return null;
        });
    }

    private int purgeExpired(Instant at) {
        return tx(s -> s.idempotency().purgeExpired(at));
    }

    private Optional<IdempotencyRecord> find(String key, Instant now) {
        return tx(s -> s.idempotency().find(key, now));
    }

    @Test
    void a_unit_of_work_that_holds_a_key_held_by_another_waits_for_it_and_then_sees_its_record() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        Thread first = new Thread(() -> tx(s -> {
            s.idempotency().hold("key-1");
            held.countDown();
            sleep(300);
            s.idempotency().save(record("key-1", "hash-a", 201, EXPIRES), NOW);
            return null;
        }));
        first.start();
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

        Optional<IdempotencyRecord> seen = tx(s -> {
            s.idempotency().hold("key-1");
            return s.idempotency().find("key-1", NOW);
        });

        first.join(10_000);
        assertThat(seen).as("what the holder saved, once it let go").map(IdempotencyRecord::requestHash).contains("hash-a");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_saved_record_is_found_as_it_was_saved() {
        IdempotencyRecord saved = record("key-1", "hash-a", 201, EXPIRES);

        save(saved, NOW);

        Optional<IdempotencyRecord> found = find("key-1", NOW);
        assertThat(found).contains(saved);
        assertThat(found.orElseThrow().headers()).containsEntry("Location", "/users/201");
        assertThat(found.orElseThrow().body()).isEqualTo("{\"user_id\":201,\"nick_name\":\"alice\"}");
    }

    @Test
    void a_key_never_saved_is_not_found() {
        save(record("key-1", "hash-a", 201, EXPIRES), NOW);

        assertThat(find("key-2", NOW)).isEmpty();
    }

    @Test
    void a_record_is_found_until_it_expires_and_not_after() {
        save(record("key-1", "hash-a", 201, EXPIRES), NOW);

        assertThat(find("key-1", EXPIRES.minus(MS))).isPresent();
        assertThat(find("key-1", EXPIRES.plus(MS))).isEmpty();
    }

    @Test
    void saving_a_key_that_an_unexpired_record_holds_is_refused() {
        IdempotencyRecord first = record("key-1", "hash-a", 201, EXPIRES);
        save(first, NOW);

        assertThatThrownBy(() -> save(record("key-1", "hash-b", 202, EXPIRES.plusSeconds(60)), NOW.plusSeconds(60)))
                .isInstanceOf(IdempotencyKeyInUse.class);
        assertThat(find("key-1", NOW.plusSeconds(60))).contains(first);
    }

    @Test
    void an_expired_record_may_be_replaced() {
        save(record("key-1", "hash-a", 201, EXPIRES), NOW);
        Instant later = EXPIRES.plusSeconds(1);
        IdempotencyRecord second = record("key-1", "hash-b", 202, later.plus(Duration.ofHours(24)));

        save(second, later);

        assertThat(find("key-1", later)).contains(second);
    }

    @Test
    void purge_deletes_only_the_expired_records_and_counts_them() {
        save(record("old-1", "h", 201, NOW.plusSeconds(10)), NOW);
        save(record("old-2", "h", 201, NOW.plusSeconds(20)), NOW);
        IdempotencyRecord fresh = record("fresh", "h", 201, NOW.plusSeconds(60));
        save(fresh, NOW);
        Instant at = NOW.plusSeconds(30);

        int purged = purgeExpired(at);

        assertThat(purged).isEqualTo(2);
        assertThat(find("fresh", at)).contains(fresh);
        assertThat(purgeExpired(at)).isZero();
    }

    @Test
    void a_purged_key_may_be_saved_again() {
        save(record("key-1", "hash-a", 201, NOW.plusSeconds(10)), NOW);
        tx(s -> s.idempotency().purgeExpired(NOW.plusSeconds(11)));
        IdempotencyRecord again = record("key-1", "hash-b", 202, EXPIRES);

        save(again, NOW.plusSeconds(11));

        assertThat(find("key-1", NOW.plusSeconds(11))).contains(again);
    }

    @Test
    void a_failed_unit_of_work_keeps_no_record() {
        assertThatThrownBy(() -> tx(s -> {
            s.idempotency().save(record("key-1", "hash-a", 201, EXPIRES), NOW);
            throw new IllegalStateException("give up");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(find("key-1", NOW)).isEmpty();
        save(record("key-1", "hash-b", 202, EXPIRES), NOW);
        assertThat(find("key-1", NOW).map(IdempotencyRecord::requestHash)).contains("hash-b");
    }
}
