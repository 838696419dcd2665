package org.msapp.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.msapp.adapters.http.Api;
import org.msapp.adapters.http.ApiClient;
import org.msapp.adapters.http.ApiClient.Response;
import org.msapp.adapters.postgres.PostgresSettings;
import org.msapp.application.fixtures.TcpProxy;
import org.msapp.adapters.postgres.TestDatabase;
import org.msapp.adapters.rabbitmq.TestBroker;
import org.msapp.adapters.rabbitmq.Topology;

/**
 * The whole service with RABBITMQ_HOST set, against the local RabbitMQ: a consumer's queue bound to
 * {@code msapp.events} sees one CloudEvent per change, and a broker that is away at start delays the
 * events, never the writes.
 */
class EventsOnRabbitIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Senha@123-events";
    private static final TestDatabase DB = TestDatabase.named("events");

    @AfterAll
    static void drop() {
        DB.close();
    }

    /** The environment of a service on the local RabbitMQ, on HTTP port 0, plus {@code more} name, value pairs. */
    static Map<String, String> env(String... more) {
        Map<String, String> env = new HashMap<>(Map.of("HTTP_HOST", "127.0.0.1", "HTTP_PORT", "0",
                "RABBITMQ_HOST", TestBroker.SERVER.host(), "RABBITMQ_PORT", Integer.toString(TestBroker.SERVER.port())));
        for (int i = 0; i < more.length; i += 2) env.put(more[i], more[i + 1]);
        return env;
    }

    /** One change over HTTP: when its answer came, and the event it must yield. */
    private record Change(String what, long answeredAt, String type, String subject, Consumer<JsonNode> data) {
    }

    @Test
    void every_state_change_over_http_yields_one_event_of_its_type_subject_and_data_within_a_second() throws Exception {
        TestBroker.requireServer();
        PostgresSettings db = DB.settings();
        String nick = "ev_" + UUID.randomUUID().toString().substring(0, 8);
        List<String> lines = new ArrayList<>();
        try (TestBroker.Queue consumer = TestBroker.bind(Topology.EXCHANGE, "#", false);
             Application app = Application.start(Config.fromEnvironment(env("HOST_DATABASE", db.host(),
                     "DATABASE_PORT", Integer.toString(db.port()), "DATABASE_NAME", db.database())), lines::add)) {
            assertThat(lines).anyMatch(l -> l.matches("\\[✓] RabbitMQ \\d+\\.\\d+.* at " + TestBroker.SERVER.host() + ":"
                    + TestBroker.SERVER.port() + ", exchange msapp.events"));
            ApiClient client = new ApiClient(app.port());
            List<Change> changes = new ArrayList<>();

            Response r = client.send("POST", "/users", Api.userBody(nick, PASSWORD));
            long user = r.json().get("user_id").asLong();
            changes.add(new Change("register", answered(r, 201), "user.registered", "users/" + user, d -> {
                assertThat(d.get("nick_name").asText()).isEqualTo(nick);
                assertThat(d.get("cpf").asText()).isEqualTo(Api.CPF_MASKED);
            }));
            String[] auth = Api.auth(nick, PASSWORD);
            r = client.send("PATCH", "/users/" + user, Api.body("full_name", "Renamed " + nick), auth);
            changes.add(new Change("update user", answered(r, 200), "user.updated", "users/" + user,
                    d -> assertThat(d.get("full_name").asText()).isEqualTo("Renamed " + nick)));
            r = client.send("PUT", "/users/" + user + "/password", Api.body("password", PASSWORD, "new_password", PASSWORD + "2"), auth);
            changes.add(new Change("change password", answered(r, 204), "user.password_changed", "users/" + user,
                    d -> assertThat(d.get("user_id").asLong()).isEqualTo(user)));
            auth = Api.auth(nick, PASSWORD + "2");
            r = client.send("POST", "/users/" + user + "/orders", Api.orderBody("Caneta", 3, 250), auth);
            long order = r.json().get("order_id").asLong();
            changes.add(new Change("place order", answered(r, 201), "order.placed", "orders/" + order,
                    d -> assertThat(d.get("total_value").asLong()).isEqualTo(750)));
            r = client.send("PATCH", "/orders/" + order, Api.body("item_quantity", 4L), auth);
            changes.add(new Change("update order", answered(r, 200), "order.updated", "orders/" + order,
                    d -> assertThat(d.get("total_value").asLong()).isEqualTo(1_000)));
            r = client.send("DELETE", "/orders/" + order, null, auth);
            changes.add(new Change("delete order", answered(r, 204), "order.deleted", "orders/" + order,
                    d -> assertThat(d.get("user_id").asLong()).isEqualTo(user)));
            r = client.send("DELETE", "/users/" + user, null, auth);
            changes.add(new Change("delete user", answered(r, 204), "user.deleted", "users/" + user,
                    d -> assertThat(d.get("nick_name").asText()).isEqualTo(nick)));

            long deadline = changes.get(changes.size() - 1).answeredAt() + Duration.ofSeconds(2).toNanos();
            while (System.nanoTime() < deadline) Thread.sleep(20);   // room for a duplicate to show up
            List<TestBroker.Arrival> arrivals = consumer.arrivals();
            for (Change change : changes) {
                List<TestBroker.Arrival> ofChange = arrivals.stream().filter(a -> {
                    JsonNode ce = json(a);
                    return ce.get("type").asText().equals("org.msapp." + change.type()) && ce.get("subject").asText().equals(change.subject());
                }).toList();
                assertThat(ofChange).as("events of '%s'", change.what()).hasSize(1);
                TestBroker.Arrival arrival = ofChange.get(0);
                assertThat(Duration.ofNanos(arrival.nanos() - change.answeredAt())).as("'%s': from the answer to the event", change.what())
                        .isLessThan(Duration.ofSeconds(1));
                assertThat(arrival.delivery().getEnvelope().getRoutingKey()).isEqualTo(change.type());
                assertThat(arrival.delivery().getProperties().getDeliveryMode()).isEqualTo(2);
                JsonNode ce = json(arrival);
                assertThat(ce.get("id").asText()).isEqualTo(arrival.delivery().getProperties().getMessageId());
                assertThat(new String(arrival.delivery().getBody())).doesNotContain(PASSWORD).doesNotContain(Api.CPF_DIGITS)
                        .doesNotContain("argon2");
                change.data().accept(ce.get("data"));
            }
        }
    }

    @Test
    void with_the_broker_away_at_start_the_service_starts_says_so_stays_ready_takes_writes_and_catches_up() throws Exception {
        TestBroker.requireServer();
        String nick = "down_" + UUID.randomUUID().toString().substring(0, 8);
        List<String> lines = new ArrayList<>();
        try (TcpProxy broker = TcpProxy.to(TestBroker.SERVER.host(), TestBroker.SERVER.port());
             TestBroker.Queue consumer = TestBroker.bind(Topology.EXCHANGE, "user.registered", false)) {
            broker.cut();
            try (Application app = Application.start(Config.fromEnvironment(env("RABBITMQ_HOST", "127.0.0.1",
                    "RABBITMQ_PORT", Integer.toString(broker.port()))), lines::add)) {
                assertThat(lines).anyMatch(l -> l.startsWith("[X] RabbitMQ at 127.0.0.1:" + broker.port() + ": ")
                        && l.endsWith(", events wait in the outbox"));
                assertThat(lines).anyMatch(l -> l.startsWith("[!] RabbitMQ with in-memory persistence"));
                ApiClient client = new ApiClient(app.port());
                Response ready = client.get("/health/ready");
                assertThat(ready.status()).as(ready.body()).isEqualTo(200);
                assertThat(Readiness.components(ready, Integer.toString(broker.port())).at("/events/status").asText()).isEqualTo("DOWN");

                long user = client.register(nick, PASSWORD);
                Thread.sleep(600);   // the relay tries, the broker is away: nothing may be confirmed
                assertThat(consumer.received()).isEmpty();

                broker.restore();
                long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                while (!hasSubject(consumer, "users/" + user) && System.nanoTime() < deadline) Thread.sleep(50);
                assertThat(hasSubject(consumer, "users/" + user)).as("the event of the write made while the broker was away").isTrue();
                // readiness keeps its answer for a second
                ready = client.get("/health/ready");
                for (long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                     !ready.json().at("/components/events/status").asText().equals("UP") && System.nanoTime() < until; ) {
                    Thread.sleep(100);
                    ready = client.get("/health/ready");
                }
                assertThat(ready.json().get("components").get("events").get("status").asText()).isEqualTo("UP");
            }
        }
    }

    private static boolean hasSubject(TestBroker.Queue queue, String subject) {
        return queue.arrivals().stream().anyMatch(a -> json(a).get("subject").asText().equals(subject));
    }

    private static long answered(Response r, int status) {
        long at = System.nanoTime();
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return at;
    }

    private static JsonNode json(TestBroker.Arrival arrival) {
        try {
            return JSON.readTree(arrival.delivery().getBody());
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + new String(arrival.delivery().getBody()), e);
        }
    }
}
