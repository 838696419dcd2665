package org.msapp.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.msapp.bootstrap.reliability.SteadyLoad.PLACE_ORDER;
import static org.msapp.bootstrap.reliability.SteadyLoad.RENAME;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.msapp.adapters.http.Api;
import org.msapp.adapters.http.ApiClient;
import org.msapp.adapters.http.ApiClient.Response;
import org.msapp.bootstrap.reliability.SteadyLoad.Actor;
import org.msapp.bootstrap.reliability.SteadyLoad.Outcome;

/**
 * Three instances on the same PostgreSQL, RabbitMQ and Redis, as behind a load balancer: what one
 * writes, the others never read stale from the shared cache; their relays, racing for the same
 * outbox, publish each event once; and the log-in throttle counts the failures of all three.
 */
class SeveralInstancesIT {
    private static ProxiedServices services;
    private static final List<ApiClient> THREE = new ArrayList<>();

    @BeforeAll
    static void start() {
        services = new ProxiedServices("three");
        for (int i = 0; i < 3; i++) THREE.add(services.start().client());
    }

    @AfterAll
    static void stop() throws Exception {
        if (services != null) services.close();
    }

    @Test
    void a_write_on_one_instance_is_never_read_stale_from_another() {
        Actor alice = SteadyLoad.actors(THREE.get(0), "stale", 1).get(0);
        int reads = 0;
        for (int round = 0; round < 30; round++) {
            for (ApiClient each : THREE) {   // every instance reads, so the shared cache holds the value before the write
                assertThat(each.get("/users/" + alice.user(), alice.auth()).status()).isEqualTo(200);
                assertThat(each.get("/orders/" + alice.order(), alice.auth()).status()).isEqualTo(200);
            }
            ApiClient writer = THREE.get(round % 3);
            String name = "Round " + round;
            assertThat(writer.send("PATCH", "/users/" + alice.user(), Api.body("full_name", name), alice.auth()).status()).isEqualTo(200);
            Response order = writer.send("PATCH", "/orders/" + alice.order(), Api.body("item_quantity", round + 1), alice.auth());
            assertThat(order.status()).as(order.body()).isEqualTo(200);
            for (int i = 0; i < THREE.size(); i++) {
                ApiClient reader = THREE.get(i);
                assertThat(reader.get("/users/" + alice.user(), alice.auth()).json().get("full_name").asText())
                        .as("round %d: instance %d reads the user that instance %d wrote", round, i, round % 3).isEqualTo(name);
                assertThat(reader.get("/orders/" + alice.order(), alice.auth()).json().get("item_quantity").asLong())
                        .as("round %d: instance %d reads the order that instance %d wrote", round, i, round % 3).isEqualTo(round + 1);
                reads += 2;
            }
        }
        Report.print("3 instances, stale reads", "60 writes (a user and an order, 30 rounds, each instance writing in turn), "
                + reads + " reads after them from all three, none stale");
    }

    @Test
    void with_nothing_failing_the_three_relays_publish_each_event_once() throws Exception {
        List<Actor> actors = SteadyLoad.actors(THREE.get(1), "relay", 3);
        long lastOrder = Faults.lastOrder(services.db);
        long lastEvent = Events.lastPosition(services.db);
        List<Outcome> outcomes;
        try (SteadyLoad load = SteadyLoad.start(THREE, actors, 2, List.of(PLACE_ORDER, RENAME))) {
            Faults.soak(4_000);
            outcomes = load.stop();
        }

        assertThat(outcomes).allMatch(Outcome::succeeded);
        Faults.Stored stored = Faults.assertEveryAcknowledgedWriteIsWhole(services.db, lastOrder, outcomes, actors);
        Events.awaitEveryOneAfter(services.db, lastEvent, services.events, Duration.ofSeconds(30));
        Thread.sleep(1_000);   // room for a duplicate to arrive
        Events.Delivered delivered = Events.awaitEveryOneAfter(services.db, lastEvent, services.events, Duration.ofSeconds(1));
        assertThat(delivered.duplicated()).as("events published more than once").isZero();
        Report.print("3 instances, relays racing, nothing failing", outcomes, "%s; %s".formatted(stored, delivered));
    }

    @Test
    void the_log_in_throttle_counts_the_failed_log_ins_of_every_instance() {
        ApiClient any = THREE.get(2);
        any.register("guessed", SteadyLoad.PASSWORD);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<Integer> answers = new ArrayList<>();
        for (int attempt = 0; attempt < 9; attempt++) {
            Response r = THREE.get(attempt % 3).send("POST", "/auth/token", null, Api.auth("guessed", "Wrong@Password-" + attempt));
            answers.add(r.status());
            statuses.merge(r.status(), 1, Integer::sum);
            if (r.status() == 429) assertThat(r.header("Retry-After")).matches("[1-9][0-9]*");
        }
        assertThat(answers).as("5 wrong passwords a minute from one address, whichever instance checks them")
                .containsExactly(401, 401, 401, 401, 401, 429, 429, 429, 429);
        Report.print("3 instances, log-in throttle", "9 wrong passwords sent to the three in turn: by status " + statuses);
    }
}
