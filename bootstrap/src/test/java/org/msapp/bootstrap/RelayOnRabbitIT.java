package org.msapp.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.msapp.adapters.http.Api;
import org.msapp.adapters.http.ApiClient;
import org.msapp.adapters.postgres.PostgresPersistence;
import org.msapp.adapters.postgres.PostgresSettings;
import org.msapp.application.fixtures.TcpProxy;
import org.msapp.adapters.postgres.TestDatabase;
import org.msapp.adapters.rabbitmq.TestBroker;
import org.msapp.adapters.rabbitmq.Topology;
import org.msapp.application.port.OutboxEvent;

/**
 * The relay of whole services on the local PostgreSQL and RabbitMQ: two instances share the work
 * without publishing an event twice, a broker outage costs no write and no event, and how fast events
 * go from commit to broker (printed, for the issue's closing note).
 */
class RelayOnRabbitIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Senha@123-relay";
    private static final TestDatabase DB = TestDatabase.named("relay");

    @AfterAll
    static void drop() {
        DB.close();
    }

    private static Map<String, String> env(PostgresSettings db, String... more) {
        List<String> all = new ArrayList<>(List.of("HOST_DATABASE", db.host(), "DATABASE_PORT", Integer.toString(db.port()),
                "DATABASE_NAME", db.database()));
        all.addAll(List.of(more));
        return EventsOnRabbitIT.env(all.toArray(String[]::new));
    }

    private static Set<UUID> ids(List<OutboxEvent> events) {
        return events.stream().map(OutboxEvent::id).collect(Collectors.toSet());
    }

    @Test
    void two_instances_on_one_database_and_broker_publish_2000_events_each_exactly_once() throws Exception {
        TestBroker.requireServer();
        PostgresPersistence store = DB.empty();
        List<OutboxEvent> events = new ArrayList<>();
        try (TestBroker.Queue consumer = TestBroker.bind(Topology.EXCHANGE, "#", false);
             Application one = Application.start(Config.fromEnvironment(env(DB.settings())), line -> { });
             Application two = Application.start(Config.fromEnvironment(env(DB.settings())), line -> { })) {
            Map<UUID, Long> committedAt = new ConcurrentHashMap<>();
            long started = System.nanoTime();
            for (int chunk = 0; chunk < 40; chunk++) {
                List<OutboxEvent> batch = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    long n = chunk * 50L + i + 1;
                    batch.add(new OutboxEvent(UUID.randomUUID(), "order.placed", "orders/" + n, Instant.now(),
                            Map.of("order_id", n, "user_id", 1L), 0));
                }
                store.inTransaction(s -> {
                    batch.forEach(s.outbox()::append);
                    return null;
                });
                long now = System.nanoTime();
                batch.forEach(e -> committedAt.put(e.id(), now));
                events.addAll(batch);
                Thread.sleep(5);
            }
            Set<UUID> wanted = ids(events);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!arrived(consumer, wanted).keySet().containsAll(wanted) && System.nanoTime() < deadline) Thread.sleep(50);
            Thread.sleep(1_000);   // room for a duplicate to show up

            Map<UUID, List<Long>> arrivals = arrived(consumer, wanted);
            assertThat(arrivals.keySet()).as("every event published").containsAll(wanted);
            assertThat(arrivals.values().stream().filter(a -> a.size() > 1).count()).as("events published twice").isZero();
            assertThat(DB.<Long>one("SELECT count(*) FROM outbox WHERE published_at IS NULL")).isZero();
            long last = arrivals.values().stream().mapToLong(a -> a.get(0)).max().orElseThrow();
            report("2 instances, 2000 events appended in 40 commits of 50", started, last, events.size(),
                    events.stream().map(e -> arrivals.get(e.id()).get(0) - committedAt.get(e.id())).toList());
        }
    }

    @Test
    void a_broker_outage_costs_no_write_and_no_event_all_500_orders_arrive_once_it_is_back() throws Exception {
        TestBroker.requireServer();
        DB.empty();
        String nick = "outage_" + UUID.randomUUID().toString().substring(0, 8);
        try (TcpProxy broker = TcpProxy.to(TestBroker.SERVER.host(), TestBroker.SERVER.port());
             TestBroker.Queue consumer = TestBroker.bind(Topology.EXCHANGE, "order.placed", false);
             Application app = Application.start(Config.fromEnvironment(env(DB.settings(), "RABBITMQ_HOST", "127.0.0.1",
                     "RABBITMQ_PORT", Integer.toString(broker.port()))), line -> { })) {
            ApiClient client = new ApiClient(app.port());
            long user = client.register(nick, PASSWORD);
            String[] auth = Api.bearer(client, nick, PASSWORD);
            Api.placeOrder(client, auth, user, 1, 100);
            awaitSubjects(consumer, 1, Duration.ofSeconds(5));

            broker.cut();
            Set<String> subjects = new java.util.HashSet<>();
            for (int i = 0; i < 500; i++) {
                var r = client.send("POST", "/users/" + user + "/orders", Api.orderBody("outage " + i, 1, 100), auth);
                assertThat(r.status()).as("order %d while the broker is away: %s", i, r.body()).isEqualTo(201);
                subjects.add("orders/" + r.json().get("order_id").asLong());
            }
            Thread.sleep(1_000);
            long restored = System.nanoTime();
            broker.restore();

            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!subjectsOf(consumer).containsAll(subjects) && System.nanoTime() < deadline) Thread.sleep(20);
            assertThat(subjectsOf(consumer)).as("the events of the 500 orders placed during the outage").containsAll(subjects);
            List<Long> backlog = consumer.arrivals().stream().filter(a -> subjects.contains(subject(a))).map(TestBroker.Arrival::nanos)
                    .sorted().toList();
            long first = backlog.get(0);
            long last = backlog.get(backlog.size() - 1);
            System.out.printf("RELAY MEASURE backlog of %d events: the first arrived %.0f ms after the broker came back (reconnection"
                    + " included), all within %.0f ms more (%.0f events/s drained)%n", subjects.size(), (first - restored) / 1e6,
                    (last - first) / 1e6, subjects.size() / Math.max(1e-3, (last - first) / 1e9));
        }
    }

    @Test
    void commit_to_broker_latency_at_500_orders_per_second() throws Exception {
        TestBroker.requireServer();
        DB.empty();
        String nick = "rate_" + UUID.randomUUID().toString().substring(0, 8);
        try (TestBroker.Queue consumer = TestBroker.bind(Topology.EXCHANGE, "order.placed", false);
             Application app = Application.start(Config.fromEnvironment(env(DB.settings())), line -> { })) {
            ApiClient client = new ApiClient(app.port());
            long user = client.register(nick, PASSWORD);
            String[] auth = Api.bearer(client, nick, PASSWORD);
            int orders = 1_000;
            Map<String, Long> answeredAt = new ConcurrentHashMap<>();
            ExecutorService clients = Executors.newFixedThreadPool(8);
            long started = System.nanoTime();
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < orders; i++) {
                long due = started + i * 2_000_000L;   // one every 2 ms: 500 per second
                int n = i;
                sent.add(clients.submit(() -> {
                    long wait = due - System.nanoTime();
                    if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
                    var r = client.send("POST", "/users/" + user + "/orders", Api.orderBody("rate " + n, 1, 100), auth);
                    long at = System.nanoTime();
                    assertThat(r.status()).isEqualTo(201);
                    answeredAt.put("orders/" + r.json().get("order_id").asLong(), at);
                    return null;
                }));
            }
            for (Future<?> f : sent) f.get();
            clients.shutdown();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!subjectsOf(consumer).containsAll(answeredAt.keySet()) && System.nanoTime() < deadline) Thread.sleep(50);
            Map<String, Long> first = new HashMap<>();
            for (TestBroker.Arrival a : consumer.arrivals()) first.putIfAbsent(subject(a), a.nanos());
            assertThat(first.keySet()).containsAll(answeredAt.keySet());
            long last = answeredAt.keySet().stream().mapToLong(first::get).max().orElseThrow();
            report("1 instance, 1000 orders over HTTP at 500/s (latency from the 201, after the commit)", started, last, orders,
                    answeredAt.entrySet().stream().map(e -> first.get(e.getKey()) - e.getValue()).toList());
        }
    }

    private static void report(String what, long started, long lastArrival, int events, List<Long> latenciesNanos) {
        List<Long> sorted = new ArrayList<>(latenciesNanos);
        Collections.sort(sorted);
        Function<Double, Double> ms = q -> sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
        System.out.printf("RELAY MEASURE %s: %d events in %.0f ms (%.0f events/s end to end); commit-to-broker p50 %.1f ms,"
                        + " p99 %.1f ms, max %.1f ms%n", what, events, (lastArrival - started) / 1e6,
                events / ((lastArrival - started) / 1e9), ms.apply(0.50), ms.apply(0.99), sorted.get(sorted.size() - 1) / 1e6);
    }

    private static Map<UUID, List<Long>> arrived(TestBroker.Queue queue, Set<UUID> wanted) {
        Map<UUID, List<Long>> byId = new HashMap<>();
        for (TestBroker.Arrival a : queue.arrivals()) {
            if (wanted.contains(a.messageId())) byId.computeIfAbsent(a.messageId(), id -> new ArrayList<>()).add(a.nanos());
        }
        return byId;
    }

    private static void awaitSubjects(TestBroker.Queue queue, int count, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (subjectsOf(queue).size() < count && System.nanoTime() < deadline) Thread.sleep(20);
        assertThat(subjectsOf(queue)).hasSizeGreaterThanOrEqualTo(count);
    }

    private static Set<String> subjectsOf(TestBroker.Queue queue) {
        return queue.arrivals().stream().map(RelayOnRabbitIT::subject).collect(Collectors.toSet());
    }

    private static String subject(TestBroker.Arrival arrival) {
        try {
            return JSON.readTree(arrival.delivery().getBody()).get("subject").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
