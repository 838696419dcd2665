package org.msapp.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.msapp.application.fixtures.OutboxEvents;

/** The wake-up of the relays: a commit that appends to the outbox is heard at once, also after the listener lost its connection. */
@ExtendWith(RequirePostgres.class)
class OutboxNotificationsIT {
    private static final TestDatabase DB = TestDatabase.named("notify");

    @AfterAll
    static void drop() {
        DB.close();
    }

    @Test
    void a_commit_that_appends_is_heard_at_once_and_a_rolled_back_one_is_not() throws Exception {
        PostgresPersistence store = DB.empty();
        AtomicInteger heard = new AtomicInteger();
        try (OutboxNotifications notifications = OutboxNotifications.listen(DB.settings(), heard::incrementAndGet)) {
            await(notifications::listening);
            await(() -> heard.get() == 1);   // once on listening: what was appended before is not missed

            try {
                store.inTransaction(s -> {
                    s.outbox().append(OutboxEvents.numbered(1, Instant.EPOCH));
                    throw new IllegalStateException("rolled back");
                });
            } catch (IllegalStateException expected) {
                // nothing committed
            }
            long started = System.nanoTime();
            store.inTransaction(s -> {
                s.outbox().append(OutboxEvents.numbered(2, Instant.EPOCH));
                s.outbox().append(OutboxEvents.numbered(3, Instant.EPOCH));
                return null;
            });
            await(() -> heard.get() == 2);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(200));
            Thread.sleep(300);
            assertThat(heard.get()).as("one wake-up for the one commit, none for the rollback").isEqualTo(2);
        }
    }

    @Test
    void a_listener_whose_connection_is_killed_listens_again_and_wakes_its_relay_on_return() throws Exception {
        PostgresPersistence store = DB.empty();
        AtomicInteger heard = new AtomicInteger();
        try (OutboxNotifications notifications = OutboxNotifications.listen(DB.settings(), heard::incrementAndGet)) {
            await(() -> heard.get() == 1);
            DB.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND application_name = 'ms-application outbox notifications'");
            await(() -> heard.get() == 2);   // listening again, and it says so, for what it may have missed

            store.inTransaction(s -> {
                s.outbox().append(OutboxEvents.numbered(4, Instant.EPOCH));
                return null;
            });
            await(() -> heard.get() == 3);
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) Thread.sleep(5);
        assertThat(condition.getAsBoolean()).isTrue();
    }
}
