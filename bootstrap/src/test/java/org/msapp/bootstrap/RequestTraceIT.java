package org.msapp.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msapp.adapters.http.Api;
import org.msapp.adapters.http.ApiClient;
import org.msapp.adapters.http.ApiClient.Response;
import org.msapp.adapters.rabbitmq.RabbitEventPublisher;
import org.msapp.adapters.rabbitmq.TestBroker;
import org.msapp.adapters.rabbitmq.Topology;
import org.msapp.application.Ports;
import org.msapp.application.fixtures.FailingCache;
import org.msapp.application.fixtures.FastPasswordHasher;
import org.msapp.application.memory.InMemoryCache;
import org.msapp.application.memory.InMemoryFailedLogins;
import org.msapp.application.memory.InMemoryPersistence;
import org.msapp.application.memory.InProcessProbe;
import org.msapp.application.memory.RandomIds;
import org.slf4j.LoggerFactory;

/**
 * One request id from end to end, with the log in JSON ({@code LOG_FORMAT=json}'s encoder on the root
 * logger) and events on the local RabbitMQ: the id a request sent (or the one made up for it) is in
 * its answer, in every JSON line the service logged while serving it (the application's own, through
 * System.Logger, included), in its access line, and in the CloudEvent it caused.
 */
class RequestTraceIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Senha@123-trace";
    private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger access = (Logger) LoggerFactory.getLogger("msapp.access");
    private final Level accessLevel = access.getLevel();
    private final OutputStreamAppender<ILoggingEvent> json = new OutputStreamAppender<>();
    private final FailingCache cache = new FailingCache(new InMemoryCache(Clock.systemUTC(), 1_000));
    private TestBroker.Queue consumer;
    private Application app;
    private ApiClient client;

    @BeforeEach
    void start() {
        TestBroker.requireServer();
        LogEncoder encoder = new LogEncoder();
        encoder.setFormat("json");
        encoder.setContext(root.getLoggerContext());
        encoder.start();
        json.setContext(root.getLoggerContext());
        json.setEncoder(encoder);
        json.setOutputStream(logged);
        json.start();
        root.addAppender(json);
        access.setLevel(Level.INFO);   // the build's tests run with it at WARN

        consumer = TestBroker.bind(Topology.EXCHANGE, "user.registered", false);
        app = Application.start(Config.embedded(0).withAccess(TestService.SECRET, Optional.empty()), new Ports(
                new InMemoryPersistence(), RabbitEventPublisher.start(TestBroker.SERVER), cache, new FastPasswordHasher(),
                new JwtAccessTokens(TestService.SECRET.bytes(), Clock.systemUTC()), new InMemoryFailedLogins(1_000, 10),
                new RandomIds(), Clock.systemUTC(), List.of(new InProcessProbe("persistence", true, "in-memory"))));
        client = new ApiClient(app.port());
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) app.close();
        if (consumer != null) consumer.close();
        root.detachAppender(json);
        json.stop();
        access.setLevel(accessLevel);
    }

    @Test
    void the_id_of_a_request_is_in_its_answer_its_json_log_lines_its_access_line_and_the_event_it_caused() throws Exception {
        String nick = "trace_" + Long.toHexString(System.nanoTime());
        Response registered = client.send("POST", "/users", Api.userBody(nick, PASSWORD), "X-Request-Id", "register-" + nick,
                "traceparent", TRACEPARENT);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.header("X-Request-Id")).isEqualTo("register-" + nick);
        long user = registered.json().get("user_id").asLong();
        cache.fail(true);   // the read logs the cache's failure while it serves the request
        Response read = client.get("/users/" + user, Api.with(Api.auth(nick, PASSWORD), "X-Request-Id", "read-" + nick));
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        cache.fail(false);

        JsonNode event = awaitRegistration(nick);
        List<JsonNode> lines = awaitLines(2, "register-" + nick, "read-" + nick);

        assertThat(event.path("subject").asText()).isEqualTo("users/" + user);
        assertThat(event.path("requestid").asText()).isEqualTo("register-" + nick);
        assertThat(event.path("traceparent").asText()).isEqualTo(TRACEPARENT);
        assertThat(ofRequest(lines, "register-" + nick)).as("the access line of the registration").anyMatch(l ->
                l.path("loggerName").asText().equals("msapp.access") && l.path("level").asText().equals("INFO")
                        && l.path("formattedMessage").asText().matches("POST /users 201 \\d+ ms")
                        && l.path("kvpList").toString().contains("{\"route\":\"/users\"}"));
        List<JsonNode> ofRead = ofRequest(lines, "read-" + nick);
        assertThat(ofRead).as("the application's line about the failing cache, written while it served the read").anyMatch(l ->
                l.path("loggerName").asText().endsWith("CacheAside") && l.path("level").asText().equals("WARN"));
        assertThat(ofRead).as("the access line of the read").anyMatch(l -> l.path("loggerName").asText().equals("msapp.access")
                && l.path("formattedMessage").asText().matches("GET /users/\\{id} 200 \\d+ ms caller " + user)
                && l.path("kvpList").toString().contains("{\"caller_id\":\"" + user + "\"}"));
    }

    @Test
    void an_id_that_is_not_a_short_safe_token_is_replaced_and_logged_nowhere() throws Exception {
        String bad = "not safe: <" + "x".repeat(80) + ">";
        Response r = client.get("/health/live", "X-Request-Id", bad);

        String id = r.header("X-Request-Id");
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(ofRequest(awaitLines(1, id), id)).anyMatch(l -> l.path("loggerName").asText().equals("msapp.access"));
        assertThat(text()).doesNotContain("not safe");
    }

    private static List<JsonNode> ofRequest(List<JsonNode> lines, String requestId) {
        return lines.stream().filter(l -> l.path("mdc").path("request_id").asText().equals(requestId)).toList();
    }

    /** What the appender wrote so far: it writes each line whole, and the stream takes each write under its own lock. */
    private String text() {
        return logged.toString(StandardCharsets.UTF_8);
    }

    /**
     * Every line logged so far, each parsed as one JSON object (any other line fails the test), once
     * {@code requests} access lines of these request ids are among them, or 5 s have passed: Jetty writes
     * an access line once the answer is complete, which may be a moment after the client read it.
     */
    private List<JsonNode> awaitLines(int requests, String... requestIds) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : text().split("\n")) {
                if (line.isBlank()) continue;
                try {
                    lines.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new UncheckedIOException("a log line that is not one JSON object: " + line, e);
                }
            }
            long accessLines = lines.stream().filter(l -> l.path("loggerName").asText().equals("msapp.access"))
                    .filter(l -> List.of(requestIds).contains(l.path("mdc").path("request_id").asText())).count();
            if (accessLines >= requests || System.nanoTime() > deadline) return lines;
            Thread.sleep(20);
        }
    }

    /** The event of {@code nick}'s registration (other services on this broker publish to the same exchange). */
    private JsonNode awaitRegistration(String nick) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (TestBroker.Arrival a : consumer.arrivals()) {
                JsonNode ce = JSON.readTree(a.delivery().getBody());
                if (ce.path("type").asText().equals("org.msapp.user.registered") && ce.path("data").path("nick_name").asText().equals(nick)) {
                    return ce;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no event of the registration of " + nick + " within 10 s");
    }
}
