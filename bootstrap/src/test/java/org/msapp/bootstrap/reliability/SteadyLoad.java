package org.msapp.bootstrap.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.msapp.adapters.http.Api;
import org.msapp.adapters.http.ApiClient;
import org.msapp.adapters.http.ApiClient.Response;

/**
 * A steady load of mixed requests: one thread per {@link Actor}, each going round its own user's
 * requests (read the user, read an order, place an order, rename the user), with a pause between two,
 * on the instances in turn, until {@link #stop()}. Every request is kept as an {@link Outcome}: a request
 * that got no answer (refused, reset, or none within the client's 10 s) has status 0.
 */
final class SteadyLoad implements AutoCloseable {
    static final String READ_USER = "GET /users/{id}";
    static final String READ_ORDER = "GET /orders/{id}";
    static final String PLACE_ORDER = "POST /users/{id}/orders";
    static final String RENAME = "PATCH /users/{id}";
    private static final List<String> MIX = List.of(READ_USER, READ_ORDER, PLACE_ORDER, RENAME);
    /** The password of every user that {@link #actors} registers. */
    static final String PASSWORD = "Load@Password-1";

    /** A user of the load: its id, its Authorization header pair, and one of its orders, to read. */
    record Actor(long user, String[] auth, long order) {
    }

    /**
     * One request: what it was, its answer (null without one), when it started (nanos) and how long it
     * took, and the value it wrote (the full name of a rename, the body of an order), if a write.
     */
    record Outcome(String kind, int actor, Response response, long startedNanos, long tookNanos, String written, String error) {
        int status() {
            return response == null ? 0 : response.status();
        }

        boolean succeeded() {
            return status() >= 200 && status() < 300;
        }

        long tookMillis() {
            return tookNanos / 1_000_000;
        }
    }

    private final List<ApiClient> instances;
    private final List<Actor> actors;
    private final long pauseMillis;
    private final List<String> mix;
    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();

    private SteadyLoad(List<ApiClient> instances, List<Actor> actors, long pauseMillis, List<String> mix) {
        this.instances = instances;
        this.actors = actors;
        this.pauseMillis = pauseMillis;
        this.mix = mix;
    }

    /** Registers {@code count} users through {@code client}, each with a bearer token and one order. */
    static List<Actor> actors(ApiClient client, String prefix, int count) {
        List<Actor> actors = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String nick = prefix + "_" + i;
            long user = client.register(nick, PASSWORD);
            String[] auth = Api.bearer(client, nick, PASSWORD);
            actors.add(new Actor(user, auth, Api.placeOrder(client, auth, user, 1, 100)));
        }
        return actors;
    }

    /** Starts the mixed load: reads and writes. */
    static SteadyLoad start(List<ApiClient> instances, List<Actor> actors, long pauseMillis) {
        return start(instances, actors, pauseMillis, MIX);
    }

    /** Starts a load of the requests {@code mix} names, in that order, round and round. */
    static SteadyLoad start(List<ApiClient> instances, List<Actor> actors, long pauseMillis, List<String> mix) {
        SteadyLoad load = new SteadyLoad(instances, actors, pauseMillis, mix);
        for (int i = 0; i < actors.size(); i++) {
            int actor = i;
            Thread thread = new Thread(() -> load.run(actor), "steady-load-" + i);
            thread.setDaemon(true);
            load.threads.add(thread);
            thread.start();
        }
        return load;
    }

    private void run(int index) {
        Actor actor = actors.get(index);
        for (long n = 0; running.get(); n++) {
            String kind = mix.get((int) (n % mix.size()));
            ApiClient client = instances.get((int) ((n + index) % instances.size()));
            String written = switch (kind) {
                case PLACE_ORDER -> Api.orderBody("load " + index + " " + n, 1 + n % 5, 100 + n);
                case RENAME -> "Load " + index + " Round " + n;
                default -> null;
            };
            long started = System.nanoTime();
            Response response = null;
            String error = null;
            try {
                response = switch (kind) {
                    case READ_USER -> client.get("/users/" + actor.user(), actor.auth());
                    case READ_ORDER -> client.get("/orders/" + actor.order(), actor.auth());
                    case PLACE_ORDER -> client.send("POST", "/users/" + actor.user() + "/orders", written, actor.auth());
                    case RENAME -> client.send("PATCH", "/users/" + actor.user(), Api.body("full_name", written), actor.auth());
                    default -> throw new IllegalArgumentException(kind);
                };
            } catch (RuntimeException e) {
                error = e.getMessage();
            }
            outcomes.add(new Outcome(kind, index, response, started, System.nanoTime() - started, written, error));
            pause();
        }
    }

    private void pause() {
        try {
            Thread.sleep(pauseMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }

    /** Stops every thread (each finishes the request it is in) and returns every outcome, in the order they ended. */
    List<Outcome> stop() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) thread.join(15_000);
        return List.copyOf(outcomes);
    }

    /** Stops the load, if a test has not: a test that fails midway leaves no thread sending. */
    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
