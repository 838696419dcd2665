package org.msapp.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.msapp.bootstrap.reliability.SteadyLoad.Outcome;

/**
 * RabbitMQ fails under a steady mixed load on one instance: cut for 10 s, then slowed by 200 ms per
 * round trip for 5 s. The broker is off the request path: every request answers 2xx in time, and once
 * the broker is back every event of every committed write reaches a bound queue, each at least once.
 */
class RabbitFaultIT extends OneInstanceUnderLoad {
    private static final Duration DELIVERY = Duration.ofSeconds(60);

    RabbitFaultIT() {
        super("rabbitfault");
    }

    @Test
    void cut_for_10_s_then_slowed_every_write_answers_2xx_and_every_event_arrives() throws Exception {
        long lastOrder = Faults.lastOrder(services.db);
        long lastEvent = Events.lastPosition(services.db);
        List<Outcome> outcomes;
        long restoredAt;
        long readinessMillis;
        try (SteadyLoad load = SteadyLoad.start(List.of(client), actors, 10)) {
            Faults.soak(2_000);
            services.rabbitmq.cut();
            long cutAt = System.nanoTime();
            readinessMillis = Faults.assertReadyWithout(client, "events");
            Thread.sleep(Math.max(0, 10_000 - (System.nanoTime() - cutAt) / 1_000_000));
            services.rabbitmq.slow(Duration.ofMillis(200));
            Thread.sleep(5_000);
            restoredAt = System.nanoTime();
            services.rabbitmq.restore();
            Thread.sleep(1_000);
            outcomes = load.stop();
        }

        Faults.assertEachAnsweredWithin(outcomes, Faults.BUDGET);
        assertThat(outcomes).as("answers while the broker is cut and slow").allMatch(Outcome::succeeded);
        Faults.Stored stored = Faults.assertEveryAcknowledgedWriteIsWhole(services.db, lastOrder, outcomes, actors);
        Events.Delivered delivered = Events.awaitEveryOneAfter(services.db, lastEvent, services.events, DELIVERY);
        Report.print("RabbitMQ cut 10 s, then slowed 200 ms per round trip 5 s", outcomes, "%s; %s; all delivered %d ms after the restore; readiness 200 with events DOWN %d ms into the cut"
                .formatted(stored, delivered, (delivered.lastArrivalNanos() - restoredAt) / 1_000_000, readinessMillis));
    }

    @Test
    void connections_reset_mid_stream_every_second_every_write_answers_2xx_and_every_event_arrives() throws Exception {
        long lastOrder = Faults.lastOrder(services.db);
        long lastEvent = Events.lastPosition(services.db);
        List<Outcome> outcomes;
        try (SteadyLoad load = SteadyLoad.start(List.of(client), actors, 10)) {
            Faults.repeatedly(services.rabbitmq::resetOpen, 1_000, 6_000);
            outcomes = load.stop();
        }

        Faults.assertEachAnsweredWithin(outcomes, Faults.BUDGET);
        assertThat(outcomes).as("answers while the broker's connections are reset").allMatch(Outcome::succeeded);
        Faults.Stored stored = Faults.assertEveryAcknowledgedWriteIsWhole(services.db, lastOrder, outcomes, actors);
        Events.Delivered delivered = Events.awaitEveryOneAfter(services.db, lastEvent, services.events, DELIVERY);
        Report.print("RabbitMQ connections reset mid-stream every second, 6 s", outcomes, "%s; %s".formatted(stored, delivered));
    }
}
