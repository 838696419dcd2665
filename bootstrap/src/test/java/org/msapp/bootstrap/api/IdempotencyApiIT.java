package org.msapp.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.msapp.adapters.http.Api.assertProblem;
import static org.msapp.adapters.http.Api.items;
import static org.msapp.adapters.http.Api.orderBody;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msapp.adapters.http.Api;
import org.msapp.adapters.http.ApiClient.Response;
import org.msapp.bootstrap.TestService;

/**
 * Idempotency-Key on POST /users and POST /users/{id}/orders: a retry gets the first answer, and
 * creates nothing. Orders go with the owner's bearer token; the lists of everyone are read by the
 * administrator, who is registered first and so is the first user of every list.
 */
class IdempotencyApiIT {
    private TestService service;
    private String[] admin;

    @BeforeEach
    void start() {
        service = TestService.start();
        admin = Api.admin(service.client);
    }

    /** The nick names of every user, the administrator's first. */
    private List<String> users() {
        return Api.nickNames(service.client, admin);
    }

    @AfterEach
    void stop() {
        service.close();
    }

    private static void assertSameAnswer(Response again, Response first) {
        assertThat(again.status()).isEqualTo(first.status());
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
    }

    @Test
    void registering_twice_with_one_key_and_one_body_answers_the_same_and_creates_one_user() {
        String body = Api.userBody("alice", "Senha@123");

        Response first = service.send("POST", "/users", body, "Idempotency-Key", "register-alice-1");
        Response again = service.send("POST", "/users", body, "Idempotency-Key", "register-alice-1");

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertSameAnswer(again, first);
        assertThat(again.header("Content-Type")).startsWith("application/json");
        assertThat(users()).containsExactly(Api.ADMIN, "alice");
    }

    @Test
    void without_a_key_the_same_registration_twice_is_a_conflict() {
        String body = Api.userBody("alice", "Senha@123");
        assertThat(service.send("POST", "/users", body).status()).isEqualTo(201);

        assertProblem(service.send("POST", "/users", body), 409, "/users");
    }

    @Test
    void one_key_with_another_registration_body_is_422_and_creates_nothing() {
        Response first = service.send("POST", "/users", Api.userBody("alice", "Senha@123"), "Idempotency-Key", "k-1");
        assertThat(first.status()).isEqualTo(201);

        Response other = service.send("POST", "/users", Api.userBody("bob", "Senha@123"), "Idempotency-Key", "k-1");

        assertProblem(other, 422, "/users");
        assertThat(users()).containsExactly(Api.ADMIN, "alice");
    }

    @Test
    void placing_twice_with_one_key_and_one_body_answers_the_same_and_places_one_order() {
        long alice = service.register("alice", "Senha@123");
        String[] owner = Api.bearer(service.client, "alice", "Senha@123");
        String path = "/users/" + alice + "/orders";
        String body = orderBody("Book", 2, 3_000);

        Response first = service.send("POST", path, body, Api.with(owner, "Idempotency-Key", "order-1"));
        Response again = service.send("POST", path, body, Api.with(owner, "Idempotency-Key", "order-1"));

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertSameAnswer(again, first);
        assertThat(items(service.get(path, owner))).hasSize(1);
        assertThat(items(service.get("/orders", admin))).hasSize(1);
    }

    @Test
    void one_key_with_another_order_body_is_422_and_places_nothing_more() {
        long alice = service.register("alice", "Senha@123");
        String[] owner = Api.bearer(service.client, "alice", "Senha@123");
        String path = "/users/" + alice + "/orders";
        assertThat(service.send("POST", path, orderBody("Book", 2, 3_000), Api.with(owner, "Idempotency-Key", "order-1")).status())
                .isEqualTo(201);

        Response other = service.send("POST", path, orderBody("Book", 3, 3_000), Api.with(owner, "Idempotency-Key", "order-1"));

        assertProblem(other, 422, path);
        assertThat(items(service.get("/orders", admin))).hasSize(1);
        assertThat(items(service.get("/orders", admin)).get(0).get("item_quantity").asLong()).isEqualTo(2);
    }

    @Test
    void different_keys_place_different_orders() {
        long alice = service.register("alice", "Senha@123");
        String[] owner = Api.bearer(service.client, "alice", "Senha@123");
        String path = "/users/" + alice + "/orders";
        String body = orderBody("Book", 2, 3_000);

        Response a = service.send("POST", path, body, Api.with(owner, "Idempotency-Key", "order-a"));
        Response b = service.send("POST", path, body, Api.with(owner, "Idempotency-Key", "order-b"));

        assertThat(a.status()).isEqualTo(201);
        assertThat(b.status()).isEqualTo(201);
        assertThat(b.header("Location")).isNotEqualTo(a.header("Location"));
        assertThat(items(service.get("/orders", admin))).hasSize(2);
    }

    @Test
    void sixteen_concurrent_registrations_with_one_key_answer_the_same_201_and_create_exactly_one_user() throws Exception {
        String body = Api.userBody("racer", "Senha@123");
        int n = 16;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch ready = new CountDownLatch(n);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    assertThat(go.await(10, TimeUnit.SECONDS)).isTrue();
                    return service.send("POST", "/users", body, "Idempotency-Key", "one-key-for-all");
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> f : futures) answers.add(f.get(30, TimeUnit.SECONDS));

            Response first = answers.get(0);
            assertThat(answers).extracting(Response::status).as("statuses").containsOnly(201);
            assertThat(answers).extracting(Response::body).containsOnly(first.body());
            assertThat(answers).extracting(r -> r.header("Location")).containsOnly(first.header("Location"));
            assertThat(users()).containsExactly(Api.ADMIN, "racer");
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
