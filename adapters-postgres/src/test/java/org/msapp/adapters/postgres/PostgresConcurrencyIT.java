package org.msapp.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msapp.application.fixtures.OutboxEvents;
import org.msapp.application.fixtures.Users;
import org.msapp.application.port.OutboxEvent;
import org.msapp.domain.user.NickNameTaken;
import org.msapp.domain.user.User;

/** What only a real database shows: concurrent units of work on one row, one key, one batch of events. */
class PostgresConcurrencyIT {
    private static final TestDatabase DB = TestDatabase.named("concurrency");
    private final ExecutorService threads = Executors.newFixedThreadPool(16);
    private PostgresPersistence db;

    @BeforeEach
    void emptyDatabase() {
        db = DB.empty();
    }

    @AfterAll
    static void drop() {
        DB.close();
    }

    @Test
    void of_sixteen_concurrent_registrations_of_one_nick_name_in_any_case_exactly_one_wins() throws Exception {
        CyclicBarrier start = new CyclicBarrier(16);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String nick = i % 2 == 0 ? "alice" : "ALICE";
            int n = i;
            outcomes.add(threads.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                try {
                    db.inTransaction(s -> {
                        User user = Users.withNick(nick).withId(s.users().nextId().value()).withEmail("a" + n + "@example.com").build();
                        s.users().add(user);
                        return user;
                    });
                    return "added";
                } catch (NickNameTaken taken) {
                    return "taken";
                }
            }));
        }
        List<String> results = new ArrayList<>();
        for (Future<String> f : outcomes) results.add(f.get(30, TimeUnit.SECONDS));

        assertThat(results).filteredOn("added"::equals).hasSize(1);
        assertThat(results).filteredOn("taken"::equals).hasSize(15);
        List<User> stored = db.inTransaction(s -> s.users().list(Optional.empty(), 100));
        assertThat(stored).hasSize(1);
    }

    @Test
    void two_relays_claiming_at_once_never_get_the_same_event() throws Exception {
        Instant now = Instant.parse("2024-05-01T12:00:00Z");
        db.inTransaction(s -> {
            for (int i = 0; i < 40; i++) s.outbox().append(OutboxEvents.numbered(i + 1, now));
            return null;
        });
        CountDownLatch bothClaimed = new CountDownLatch(2);
        Callable<List<UUID>> relay = () -> db.inTransaction(s -> {
            List<UUID> mine = s.outbox().claimDue(now, 25, now.plus(Duration.ofSeconds(30))).stream().map(OutboxEvent::id).toList();
            bothClaimed.countDown();
            await(bothClaimed);   // both transactions hold their row locks at the same time
            return mine;
        });

        Future<List<UUID>> first = threads.submit(relay);
        Future<List<UUID>> second = threads.submit(relay);
        List<UUID> a = first.get(30, TimeUnit.SECONDS);
        List<UUID> b = second.get(30, TimeUnit.SECONDS);

        Set<UUID> overlap = new HashSet<>(a);
        overlap.retainAll(b);
        assertThat(overlap).as("events claimed by both relays").isEmpty();
        assertThat(a.size() + b.size()).as("events claimed in all").isEqualTo(40);
        List<OutboxEvent> left = db.inTransaction(s -> s.outbox().claimDue(now, 100, now.plusSeconds(30)));
        assertThat(left).as("nothing left due").isEmpty();
    }

    @Test
    void a_database_migrated_by_a_newer_build_stops_the_start_with_a_clear_message() {
        DB.execute("""
                INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by,
                                                   execution_time, success)
                VALUES (99, '99', 'from the future', 'SQL', 'V99__from_the_future.sql', 0, 'postgres', 1, true)""");
        try {
            PostgresPersistence.start(DB.settings());
            throw new AssertionError("a database ahead of the code was accepted");
        } catch (IllegalStateException e) {
            assertThat(e.getMessage()).contains("schema version 99").contains("newer than this build");
        } finally {
            DB.execute("DELETE FROM flyway_schema_history WHERE version = '99'");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) throw new AssertionError("the other relay never claimed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
