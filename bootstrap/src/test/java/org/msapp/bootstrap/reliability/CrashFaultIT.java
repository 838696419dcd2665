package org.msapp.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.msapp.bootstrap.reliability.SteadyLoad.PLACE_ORDER;
import static org.msapp.bootstrap.reliability.SteadyLoad.RENAME;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

    @Test
    void a_sigterm_under_load_cuts_no_request_off_and_the_process_exits_cleanly() throws Exception {
        try (ProxiedServices services = new ProxiedServices("sigterm")) {
            Instance instance = services.startJar("sigterm", "SHUTDOWN_DRAIN", "2");
            List<Actor> actors = SteadyLoad.actors(instance.client(), "term", 4);
            List<Outcome> outcomes;
            long notReadyMillis;
            try (SteadyLoad load = SteadyLoad.start(List.of(instance.client()), actors, 5)) {
                Faults.soak(2_000);
                long signalled = System.nanoTime();
                instance.terminate();
                while (instance.client().get("/health/ready").status() != 503) Thread.sleep(20);
                notReadyMillis = (System.nanoTime() - signalled) / 1_000_000;
                Thread.sleep(1_000);   // a load balancer takes the instance out on that 503; the drain serves it meanwhile
                outcomes = load.stop();
            }
            assertThat(instance.process().waitFor(15, TimeUnit.SECONDS)).as("the process ended within the drain and the grace").isTrue();

            assertThat(outcomes).as("requests until readiness said 503 and a second after").allMatch(Outcome::succeeded);
            assertThat(instance.process().exitValue()).as("exit status after SIGTERM").isIn(0, 143);
            Report.print("SIGTERM under load (SHUTDOWN_DRAIN=2)", outcomes, "readiness 503 %d ms after the signal; none cut off; exit status %d"
                    .formatted(notReadyMillis, instance.process().exitValue()));
        }
    }
}
