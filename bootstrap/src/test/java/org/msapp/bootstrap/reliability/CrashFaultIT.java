package org.msapp.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.msapp.bootstrap.reliability.SteadyLoad.PLACE_ORDER;
import static org.msapp.bootstrap.reliability.SteadyLoad.RENAME;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.msapp.bootstrap.reliability.ProxiedServices.Instance;
import org.msapp.bootstrap.reliability.SteadyLoad.Actor;
import org.msapp.bootstrap.reliability.SteadyLoad.Outcome;

/**
 * The service, the runnable jar in a process of its own, killed with SIGKILL while it takes writes and
 * relays their events, then started again: every write it acknowledged is in the database, whole, and
 * every event of every committed write reaches the broker; a duplicate carries its event's id.
 */
class CrashFaultIT {
    @Test
    void killed_mid_write_and_started_again_it_loses_no_acknowledged_write_and_no_event() throws Exception {
        try (ProxiedServices services = new ProxiedServices("crash")) {
            Instance first = services.startJar("crash-first");
            List<Actor> actors = SteadyLoad.actors(first.client(), "crash", 4);
            long lastOrder = Faults.lastOrder(services.db);
            long lastEvent = Events.lastPosition(services.db);
            List<Outcome> outcomes;
            try (SteadyLoad load = SteadyLoad.start(List.of(first.client()), actors, 2, List.of(PLACE_ORDER, RENAME))) {
                Faults.soak(3_000);
                first.kill();
                outcomes = load.stop();
            }
            long unpublished = services.db.<Long>one("SELECT count(*) FROM outbox WHERE published_at IS NULL AND position > " + lastEvent);

            assertThat(outcomes.stream().filter(o -> o.status() != 0)).as("answers before the kill").isNotEmpty()
                    .allMatch(Outcome::succeeded);
            long started = System.nanoTime();
            Instance second = services.startJar("crash-second");
            long upMillis = (System.nanoTime() - started) / 1_000_000;
            Faults.Stored stored = Faults.assertEveryAcknowledgedWriteIsWhole(services.db, lastOrder, outcomes, actors);
            Events.Delivered delivered = Events.awaitEveryOneAfter(services.db, lastEvent, services.events, Duration.ofSeconds(60));
            assertThat(second.client().get("/health/ready").status()).isEqualTo(200);
            Report.print("SIGKILL while writing, then a restart", outcomes,
                    "%s; %d events unpublished at the kill; the new process up in %d ms; %s".formatted(stored, unpublished, upMillis, delivered));
        }
    }
}
