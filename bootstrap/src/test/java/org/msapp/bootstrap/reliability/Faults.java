package org.msapp.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.msapp.bootstrap.reliability.SteadyLoad.PLACE_ORDER;
import static org.msapp.bootstrap.reliability.SteadyLoad.RENAME;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.msapp.adapters.http.ApiClient;
import org.msapp.adapters.postgres.TestDatabase;
import org.msapp.bootstrap.reliability.SteadyLoad.Actor;
import org.msapp.bootstrap.reliability.SteadyLoad.Outcome;

/** The checks that every fault scenario makes of what its load saw and of what the database holds afterwards. */
final class Faults {
    /** A request's time budget: the pool's wait for a connection (1 s) plus a statement's (1 s). */
    static final Duration BUDGET = Duration.ofSeconds(2);
    /** How much longer the load runs around each fault with {@code -Dreliability.long}: a soak, for outside CI. */
    private static final int SOAK = Boolean.getBoolean("reliability.long") ? 30 : 1;

    /** Lets the load run {@code millis}, or 30 times as long with {@code -Dreliability.long}. */
    static void soak(long millis) throws InterruptedException {
        Thread.sleep(millis * SOAK);
    }
    private Faults() {
    }

    /** Runs {@code fault} every {@code everyMillis} for {@code forMillis}, the load going on. */
    static void repeatedly(Runnable fault, long everyMillis, long forMillis) throws InterruptedException {
        for (long done = 0; done < forMillis; done += everyMillis) {
            fault.run();
            Thread.sleep(everyMillis);
        }
    }

    /**
     * Readiness says {@code part} is down within 3 s (it keeps an answer for a second), and the service
     * ready all the same (200, DEGRADED): a part it can do without. Returns how long that took.
     */
    static long assertReadyWithout(ApiClient client, String part) throws InterruptedException {
        long asked = System.nanoTime();
        while (true) {
            ApiClient.Response ready = client.get("/health/ready");
            if (ready.json().path("components").path(part).path("status").asText().equals("DOWN")) {
                assertThat(ready.status()).as(ready.body()).isEqualTo(200);
                assertThat(ready.json().path("status").asText()).as(ready.body()).isEqualTo("DEGRADED");
                return (System.nanoTime() - asked) / 1_000_000;
            }
            assertThat(System.nanoTime() - asked).as("readiness naming %s down: %s", part, ready.body())
                    .isLessThan(Duration.ofSeconds(3).toNanos());
            Thread.sleep(100);
        }
    }

    /** Every request got an answer, within {@code budget}. */
    static void assertEachAnsweredWithin(List<Outcome> outcomes, Duration budget) {
        assertThat(outcomes).as("requests sent").isNotEmpty();
        assertThat(outcomes.stream().filter(o -> o.status() == 0).map(o -> o.kind() + ": " + o.error()).toList())
                .as("requests without an answer").isEmpty();
        Outcome slowest = outcomes.stream().max(Comparator.comparingLong(Outcome::tookNanos)).orElseThrow();
        assertThat(Duration.ofNanos(slowest.tookNanos())).as("the longest request, %s answering %d", slowest.kind(), slowest.status())
                .isLessThan(budget);
    }

    /** Every answer is a success, or a 503 problem with Retry-After. */
    static void assertOnly2xxOr503WithRetryAfter(List<Outcome> outcomes) {
        for (Outcome o : outcomes) {
            if (o.succeeded()) continue;
            assertThat(o.status()).as("%s: %s", o.kind(), o.response().body()).isEqualTo(503);
            assertThat(o.response().header("Content-Type")).startsWith("application/problem+json");
            assertThat(o.response().header("Retry-After")).as("Retry-After of a 503").matches("[1-9][0-9]*");
        }
    }

    /** The id of the last order placed so far: the orders of a scenario that starts now come after it. */
    static long lastOrder(TestDatabase db) {
        return db.<Number>one("SELECT coalesce(max(order_id), 0) FROM orders").longValue();
    }

    /** What the database holds of the load's writes. */
    record Stored(long ordersAcknowledged, long ordersFound, long ordersOfRefusedRequests, long renamesAcknowledged,
                  long renamesRefused) {
        @Override
        public String toString() {
            return "orders acknowledged %d, found %d (plus %d from requests answered 503 or not at all, committed all the same); renames acknowledged %d, refused %d"
                    .formatted(ordersAcknowledged, ordersFound, ordersOfRefusedRequests, renamesAcknowledged, renamesRefused);
        }
    }

    /**
     * Of the orders placed after {@code lastOrderBefore}: every one that got a 201 is stored, and at most one
     * per refused request besides; no order is stored without its {@code order.placed} event, nor
     * such an event without its order; each user's version counts its {@code user.updated} events; and each
     * user's full name is the last rename it acknowledged, or one refused after it (a commit whose answer
     * was lost), never an older one.
     */
    static Stored assertEveryAcknowledgedWriteIsWhole(TestDatabase db, long lastOrderBefore, List<Outcome> outcomes,
                                                      List<Actor> actors) {
        Set<Long> acknowledged = new HashSet<>();
        outcomes.stream().filter(o -> o.kind().equals(PLACE_ORDER) && o.status() == 201)
                .forEach(o -> acknowledged.add(o.response().json().get("order_id").asLong()));
        Set<Long> stored = new HashSet<>(db.<Long>column("SELECT order_id::bigint FROM orders WHERE order_id > " + lastOrderBefore));
        long found = acknowledged.stream().filter(stored::contains).count();
        assertThat(stored).as("orders in the database").containsAll(acknowledged);
        long refusedPlacements = outcomes.stream().filter(o -> o.kind().equals(PLACE_ORDER) && !o.succeeded()).count();
        long extra = stored.stream().filter(id -> !acknowledged.contains(id)).count();
        assertThat(extra).as("orders stored that no 201 acknowledged, at most one per refused request").isLessThanOrEqualTo(refusedPlacements);

        assertThat(db.<Long>one("""
                SELECT count(*) FROM orders o WHERE NOT EXISTS
                  (SELECT 1 FROM outbox e WHERE e.type = 'order.placed' AND e.aggregate = 'orders/' || o.order_id)""")).as("orders without their event").isZero();
        assertThat(db.<Long>one("""
                SELECT count(*) FROM outbox e WHERE e.type = 'order.placed' AND NOT EXISTS
                  (SELECT 1 FROM orders o WHERE e.aggregate = 'orders/' || o.order_id)""")).as("order events without their order").isZero();
        assertThat(db.<Long>one("""
                SELECT count(*) FROM users u WHERE u.version - 1 <>
                  (SELECT count(*) FROM outbox e WHERE e.type = 'user.updated' AND e.aggregate = 'users/' || u.user_id)"""))
                .as("users whose version does not count their update events").isZero();

        for (int i = 0; i < actors.size(); i++) {
            int actor = i;
            List<Outcome> renames = outcomes.stream().filter(o -> o.actor() == actor && o.kind().equals(RENAME))
                    .sorted(Comparator.comparingLong(Outcome::startedNanos)).toList();
            int last = -1;
            for (int r = 0; r < renames.size(); r++) if (renames.get(r).succeeded()) last = r;
            Set<String> possible = new HashSet<>();
            for (int r = Math.max(0, last); r < renames.size(); r++) {
                if (r == last || !renames.get(r).succeeded()) possible.add(renames.get(r).written());
            }
            if (last < 0) continue;
            String fullName = db.one("SELECT full_name FROM users WHERE user_id = " + actors.get(actor).user());
            assertThat(fullName).as("user %d's full name", actors.get(actor).user()).isIn(possible);
        }
        long renamesAcknowledged = outcomes.stream().filter(o -> o.kind().equals(RENAME) && o.succeeded()).count();
        long renamesRefused = outcomes.stream().filter(o -> o.kind().equals(RENAME) && !o.succeeded()).count();
        return new Stored(acknowledged.size(), found, extra, renamesAcknowledged, renamesRefused);
    }
}
