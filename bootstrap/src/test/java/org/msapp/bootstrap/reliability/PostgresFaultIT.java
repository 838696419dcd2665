package org.msapp.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.msapp.bootstrap.reliability.SteadyLoad.PLACE_ORDER;
import static org.msapp.bootstrap.reliability.SteadyLoad.RENAME;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.msapp.bootstrap.reliability.SteadyLoad.Outcome;

/**
 * PostgreSQL fails under a steady mixed load on one instance (its Redis cache and RabbitMQ working):
 * cut for 5 s, then slowed by 200 ms per round trip. No request goes past the time budget, a write
 * the database cannot take answers 503 with Retry-After, the service serves again by itself, and the
 * database holds every acknowledged write and no half of one.
 */
class PostgresFaultIT extends OneInstanceUnderLoad {
    private static final Duration CUT = Duration.ofSeconds(5);
    private static final Duration RECOVERY = Duration.ofSeconds(5);

    PostgresFaultIT() {
        super("pgfault");
    }

    @Test
    void cut_for_5_s_writes_answer_503_in_time_the_service_recovers_and_every_acknowledged_write_is_whole() throws Exception {
        long lastOrder = Faults.lastOrder(services.db);
        List<Outcome> outcomes;
        long restoredAt;
        long cutAt;
        try (SteadyLoad load = SteadyLoad.start(List.of(client), actors, 10)) {
            Faults.soak(2_000);
            services.postgres.cut();
            cutAt = System.nanoTime();
            Thread.sleep(CUT.toMillis());
            restoredAt = System.nanoTime();
            services.postgres.restore();
            Thread.sleep(RECOVERY.toMillis() + 2_000);
            outcomes = load.stop();
        }

        Faults.assertEachAnsweredWithin(outcomes, Faults.BUDGET);
        Faults.assertOnly2xxOr503WithRetryAfter(outcomes);
        List<Outcome> writesDuringCut = outcomes.stream().filter(o -> isWrite(o) && o.startedNanos() > cutAt
                && o.startedNanos() + o.tookNanos() < restoredAt).toList();
        assertThat(writesDuringCut).as("writes while the database is cut").isNotEmpty()
                .allSatisfy(o -> assertThat(o.status()).as(o.kind()).isEqualTo(503));
        long firstWriteBack = outcomes.stream().filter(o -> isWrite(o) && o.succeeded() && o.startedNanos() > restoredAt)
                .mapToLong(o -> o.startedNanos() + o.tookNanos()).min().orElseThrow();
        assertThat(Duration.ofNanos(firstWriteBack - restoredAt)).as("from the restore to the first write answered 2xx")
                .isLessThan(RECOVERY);
        long settled = restoredAt + RECOVERY.toNanos();
        assertThat(outcomes.stream().filter(o -> o.startedNanos() > settled)).as("requests once recovered")
                .isNotEmpty().allMatch(Outcome::succeeded);

        Faults.Stored stored = Faults.assertEveryAcknowledgedWriteIsWhole(services.db, lastOrder, outcomes, actors);
        Report.print("PostgreSQL cut 5 s", outcomes, "%d writes answered 503 during the cut; first write 2xx %d ms after the restore; %s"
                .formatted(writesDuringCut.size(), (firstWriteBack - restoredAt) / 1_000_000, stored));
    }

    @Test
    void slowed_by_200_ms_per_round_trip_no_request_goes_past_its_budget() throws Exception {
        long lastOrder = Faults.lastOrder(services.db);
        services.postgres.slow(Duration.ofMillis(200));
        List<Outcome> outcomes;
        try (SteadyLoad load = SteadyLoad.start(List.of(client), actors, 10)) {
            Faults.soak(8_000);
            outcomes = load.stop();
        }
        services.postgres.restore();

        Faults.assertEachAnsweredWithin(outcomes, Faults.BUDGET);
        Faults.assertOnly2xxOr503WithRetryAfter(outcomes);
        assertThat(outcomes.stream().filter(o -> isWrite(o) && o.succeeded())).as("writes that a slow database still took")
                .isNotEmpty();
        Faults.Stored stored = Faults.assertEveryAcknowledgedWriteIsWhole(services.db, lastOrder, outcomes, actors);
        Report.print("PostgreSQL slowed 200 ms per round trip, 8 s", outcomes, stored.toString());
    }

    @Test
    void connections_reset_mid_stream_every_250_ms_no_request_goes_past_its_budget_and_no_write_is_half_done() throws Exception {
        long lastOrder = Faults.lastOrder(services.db);
        List<Outcome> outcomes;
        try (SteadyLoad load = SteadyLoad.start(List.of(client), actors, 10)) {
            Faults.repeatedly(services.postgres::resetOpen, 250, 5_000);
            Thread.sleep(1_000);
            outcomes = load.stop();
        }

        Faults.assertEachAnsweredWithin(outcomes, Faults.BUDGET);
        Faults.assertOnly2xxOr503WithRetryAfter(outcomes);
        Faults.Stored stored = Faults.assertEveryAcknowledgedWriteIsWhole(services.db, lastOrder, outcomes, actors);
        Report.print("PostgreSQL connections reset mid-stream every 250 ms, 5 s", outcomes, stored.toString());
    }

    private static boolean isWrite(Outcome o) {
        return o.kind().equals(PLACE_ORDER) || o.kind().equals(RENAME);
    }
}
