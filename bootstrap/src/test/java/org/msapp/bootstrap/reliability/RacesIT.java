package org.msapp.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.msapp.adapters.http.Api;
import org.msapp.adapters.http.ApiClient;
import org.msapp.adapters.http.ApiClient.Response;
import org.msapp.bootstrap.reliability.SteadyLoad.Actor;

/**
 * Requests that race for the same row, on the real PostgreSQL, all released at once: one wins and the
 * others lose cleanly, with the status that says why, and the database holds what the winner wrote.
 */
class RacesIT {
    private static final int RACERS = 16;
    private static ProxiedServices services;
    private static ApiClient client;
    private static String[] admin;
    private static ExecutorService pool;

    @BeforeAll
    static void start() {
        services = new ProxiedServices("races");
        client = services.start("ADMIN_BOOTSTRAP_NICK_NAME", Api.ADMIN, "ADMIN_BOOTSTRAP_PASSWORD", Api.ADMIN_PASSWORD).client();
        admin = Api.admin(client);
        pool = Executors.newFixedThreadPool(RACERS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (pool != null) pool.shutdownNow();
        if (services != null) services.close();
    }

    @Test
    void patches_with_the_same_if_match_one_answers_200_and_the_others_412() throws Exception {
        Actor alice = SteadyLoad.actors(client, "ifmatch", 1).get(0);
        String etag = client.get("/users/" + alice.user(), alice.auth()).header("ETag");
        List<Response> answers = race(RACERS, i -> () -> client.send("PATCH", "/users/" + alice.user(),
                Api.body("full_name", "Racer " + i), Api.with(alice.auth(), "If-Match", etag)));

        Map<Integer, Long> statuses = statuses(answers);
        assertThat(statuses).isEqualTo(Map.of(200, 1L, 412, (long) RACERS - 1));
        String winner = answers.stream().filter(r -> r.status() == 200).findFirst().orElseThrow().json().get("full_name").asText();
        assertThat(services.db.<String>one("SELECT full_name FROM users WHERE user_id = " + alice.user())).isEqualTo(winner);
        assertThat(services.db.<Number>one("SELECT version FROM users WHERE user_id = " + alice.user()).longValue()).isEqualTo(2);
        Report.print("race: 16 PATCHes with one If-Match", "by status " + statuses + "; the database holds the winner's value, version 2");
    }

    @Test
    void posts_with_one_idempotency_key_create_one_order_and_all_answer_it() throws Exception {
        Actor bob = SteadyLoad.actors(client, "idem", 1).get(0);
        String body = Api.orderBody("one order, sent sixteen times", 3, 250);
        List<Response> answers = race(RACERS, i -> () -> client.send("POST", "/users/" + bob.user() + "/orders", body,
                Api.with(bob.auth(), "Idempotency-Key", "race-" + bob.user())));

        Map<Integer, Long> statuses = statuses(answers);
        assertThat(statuses).isEqualTo(Map.of(201, (long) RACERS));
        assertThat(answers.stream().map(r -> r.json().get("order_id").asLong()).distinct()).hasSize(1);
        assertThat(services.db.<Long>one("SELECT count(*) FROM orders WHERE user_id = " + bob.user())).as("orders: the first and the raced one")
                .isEqualTo(2);
        Report.print("race: 16 POSTs with one Idempotency-Key", "by status " + statuses + "; one order created, every answer names it");
    }

    @Test
    void placing_an_order_while_the_user_is_deleted_never_leaves_an_order_without_its_user() throws Exception {
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int round = 0; round < 20; round++) {
            long user = client.register("doomed_" + round, SteadyLoad.PASSWORD);
            int placeFirst = round % 2;   // which of the two is handed to the pool first, in turn
            List<Response> answers = race(2, i -> () -> i == placeFirst
                    ? client.send("POST", "/users/" + user + "/orders", Api.orderBody("last order", 1, 100), admin)
                    : client.send("DELETE", "/users/" + user, null, admin));
            Response place = answers.get(placeFirst);
            Response delete = answers.get(1 - placeFirst);
            String pair = place.status() + " place, " + delete.status() + " delete";
            assertThat(pair).as("round %d: %s / %s", round, place.body(), delete.body())
                    .isIn("201 place, 409 delete", "404 place, 204 delete");
            outcomes.merge(pair, 1, Integer::sum);
        }
        assertThat(services.db.<Long>one("SELECT count(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.user_id = o.user_id)"))
                .as("orders without their user").isZero();
        Report.print("race: order placement against deletion of its user, 20 rounds", "outcomes " + outcomes + "; no order without its user");
    }

    /** Sends {@code count} requests released together; their answers, in the order of {@code i}. */
    private static List<Response> race(int count, IntFunction<Callable<Response>> request) throws Exception {
        CountDownLatch ready = new CountDownLatch(count);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Callable<Response> send = request.apply(i);
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return send.call();
            }));
        }
        ready.await();
        go.countDown();
        List<Response> answers = new ArrayList<>();
        for (Future<Response> f : futures) answers.add(f.get());
        return answers;
    }

    private static Map<Integer, Long> statuses(List<Response> answers) {
        Map<Integer, Long> byStatus = new TreeMap<>();
        answers.forEach(r -> byStatus.merge(r.status(), 1L, Long::sum));
        return byStatus;
    }
}
