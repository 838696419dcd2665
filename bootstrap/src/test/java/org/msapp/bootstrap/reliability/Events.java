package org.msapp.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.msapp.adapters.postgres.TestDatabase;
import org.msapp.adapters.rabbitmq.TestBroker;

/** What reached the broker of what the outbox holds. */
final class Events {
    private Events() {
    }

    /** The outbox position of the last event appended so far: the events of a scenario that starts now come after it. */
    static long lastPosition(TestDatabase db) {
        return db.<Number>one("SELECT coalesce(max(position), 0) FROM outbox").longValue();
    }

    /** Events expected (in the outbox), received (distinct ids), received more than once, and when the last expected one arrived. */
    record Delivered(int expected, int received, int duplicated, long lastArrivalNanos) {
        @Override
        public String toString() {
            return "events expected %d, received %d (%d of them more than once, with the same id)".formatted(expected, received, duplicated);
        }
    }

    /**
     * Waits until every event appended after {@code position} has reached {@code queue}, and asserts
     * that it did within {@code within}; counts the duplicates (the same id, delivered again).
     */
    static Delivered awaitEveryOneAfter(TestDatabase db, long position, TestBroker.Queue queue, Duration within)
            throws InterruptedException {
        Set<UUID> expected = new HashSet<>(db.<UUID>column("SELECT event_id FROM outbox WHERE position > " + position));
        assertThat(expected).as("events of the scenario's writes").isNotEmpty();
        long deadline = System.nanoTime() + within.toNanos();
        while (!new HashSet<>(queue.messageIds()).containsAll(expected) && System.nanoTime() < deadline) Thread.sleep(50);
        Map<UUID, Integer> times = new HashMap<>();
        long last = 0;
        for (TestBroker.Arrival arrival : queue.arrivals()) {
            if (!expected.contains(arrival.messageId())) continue;
            if (times.merge(arrival.messageId(), 1, Integer::sum) == 1) last = Math.max(last, arrival.nanos());
        }
        assertThat(times.keySet()).as("events that reached the bound queue within %d s", within.toSeconds()).containsAll(expected);
        int duplicated = (int) times.values().stream().filter(n -> n > 1).count();
        return new Delivered(expected.size(), times.size(), duplicated, last);
    }
}
