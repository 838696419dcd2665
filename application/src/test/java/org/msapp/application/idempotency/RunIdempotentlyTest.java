package org.msapp.application.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.msapp.application.fixtures.InMemoryServices;
import org.msapp.application.fixtures.Users;
import org.msapp.application.idempotency.StoredResponse;
import org.msapp.application.user.ListUsers;
import org.msapp.domain.InvalidField;
import org.msapp.domain.user.User;

class RunIdempotentlyTest {
    private final InMemoryServices app = new InMemoryServices();
    private final AtomicInteger runs = new AtomicInteger();

    /** The work of POST /users: registers a user and answers 201 with its place. */
    private Supplier<StoredResponse> registering(Users.Builder user) {
        return () -> {
            runs.incrementAndGet();
            User registered = app.register(user);
            return new StoredResponse(201, Map.of("Location", "/users/" + registered.id()),
                    "{\"user_id\":" + registered.id() + "}");
        };
    }

    private List<User> users() {
        return app.listUsers.handle(new ListUsers.Query(InMemoryServices.ADMIN, 200, Optional.empty())).items();
    }

    private static RunIdempotently.Request request(String key, String hash) {
        return new RunIdempotently.Request("user 1", key, hash);
    }

    @Test
    void the_same_key_with_the_same_request_gets_the_first_response_and_the_work_runs_once() {
        StoredResponse first = app.runIdempotently.handle(request("key-1", "hash-a"), registering(Users.alice()));
        StoredResponse again = app.runIdempotently.handle(request("key-1", "hash-a"), registering(Users.alice()));

        assertThat(again).isEqualTo(first);
        assertThat(first.status()).isEqualTo(201);
        assertThat(runs).hasValue(1);
        assertThat(users()).hasSize(1);
    }

    @Test
    void the_same_key_with_another_request_is_refused_and_the_work_does_not_run() {
        app.runIdempotently.handle(request("key-1", "hash-a"), registering(Users.alice()));

        assertThatThrownBy(() -> app.runIdempotently.handle(request("key-1", "hash-b"), registering(Users.bob())))
                .isInstanceOf(IdempotencyKeyReused.class);
        assertThat(runs).hasValue(1);
        assertThat(users()).extracting(u -> u.nickName().value()).containsExactly("alice");
    }

    @Test
    void the_same_key_and_request_of_another_caller_is_another_request_and_never_replays_the_first_response() {
        app.runIdempotently.handle(request("key-1", "hash-a"), registering(Users.alice()));

        StoredResponse others = app.runIdempotently.handle(new RunIdempotently.Request("user 2", "key-1", "hash-a"),
                registering(Users.bob()));

        assertThat(runs).hasValue(2);
        assertThat(others.body()).isEqualTo("{\"user_id\":2}");
    }

    @Test
    void another_key_runs_the_work_again() {
        app.runIdempotently.handle(request("key-1", "hash-a"), registering(Users.alice()));
        app.runIdempotently.handle(request("key-2", "hash-a"), registering(Users.bob()));

        assertThat(runs).hasValue(2);
        assertThat(users()).hasSize(2);
    }

    @Test
    void work_that_fails_stores_nothing_neither_its_changes_nor_a_response() {
        IllegalStateException failure = new IllegalStateException("broken after the write");
        Supplier<StoredResponse> failing = () -> {
            app.register(Users.alice());
            throw failure;
        };

        assertThatThrownBy(() -> app.runIdempotently.handle(request("key-1", "hash-a"), failing)).isSameAs(failure);
        assertThat(users()).isEmpty();
        assertThat(app.pendingEvents()).isEmpty();

        StoredResponse retried = app.runIdempotently.handle(request("key-1", "hash-a"), registering(Users.alice()));

        assertThat(retried.status()).isEqualTo(201);
        assertThat(runs).hasValue(1);
        assertThat(users()).hasSize(1);
    }

    @Test
    void after_24_hours_the_key_may_be_used_afresh() {
        app.runIdempotently.handle(request("key-1", "hash-a"), registering(Users.alice()));
        app.clock.advance(RunIdempotently.KEPT_FOR.minusMillis(1));
        app.runIdempotently.handle(request("key-1", "hash-a"), registering(Users.alice()));
        assertThat(runs).hasValue(1);

        app.clock.advance(Duration.ofMillis(1));
        app.runIdempotently.handle(request("key-1", "hash-b"), registering(Users.bob()));

        assertThat(runs).hasValue(2);
        assertThat(users()).hasSize(2);
    }

    @Test
    void two_requests_racing_with_one_key_run_the_work_once_and_get_one_response() throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        Supplier<StoredResponse> slow = () -> {
            int run = runs.incrementAndGet();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new StoredResponse(201, Map.of("Location", "/users/" + run), "{\"run\":" + run + "}");
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<StoredResponse>> answers = pool.invokeAll(List.of(
                    () -> {
                        start.await(5, TimeUnit.SECONDS);
                        return app.runIdempotently.handle(request("key-1", "hash-a"), slow);
                    },
                    () -> {
                        start.await(5, TimeUnit.SECONDS);
                        return app.runIdempotently.handle(request("key-1", "hash-a"), slow);
                    }), 10, TimeUnit.SECONDS);

            assertThat(answers.get(0).get()).isEqualTo(answers.get(1).get());
            assertThat(runs).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_key_must_be_1_to_255_visible_ascii_characters() {
        for (String bad : new String[] {null, "", "has space", "tab\t", "é-accent", "k".repeat(256)}) {
            assertThatThrownBy(() -> request(bad, "hash")).as("key %s", bad).isInstanceOfSatisfying(InvalidField.class,
                    e -> assertThat(e.field()).isEqualTo("Idempotency-Key"));
        }
        assertThat(request("k".repeat(255), "hash").key()).hasSize(255);
        assertThat(request("550e8400-e29b-41d4-a716-446655440000", "hash").key()).isNotEmpty();
    }
}
