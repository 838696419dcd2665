package org.msapp.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.msapp.adapters.http.Api;
import org.msapp.adapters.http.ApiClient;
import org.msapp.adapters.http.ApiClient.Response;
import org.msapp.adapters.postgres.PostgresSettings;
import org.msapp.bootstrap.reliability.SteadyLoad.Actor;

/**
 * Property: whatever a client sends, on any route, the service answers below 500, every refusal is an
 * RFC 9457 problem whose status is the response's, and a request not answered 2xx changes no stored data. The
 * requests are generated ({@link HostileRequests}) from a seed, printed first, that
 * {@code -Dhostile.seed=...} replays; 2,000 of them, or {@code hostile.requests}, 20,000 with
 * {@code -Dreliability.long}. After each accepted request (a generated value may happen to be valid)
 * the stored data is read again, and the caller's token renewed.
 */
class HostileInputPropertiesIT {
    private static final String SNAPSHOT = """
            SELECT (SELECT md5(coalesce(string_agg(u::text, '|' ORDER BY u.user_id), '')) FROM users u)
                || (SELECT md5(coalesce(string_agg(o::text, '|' ORDER BY o.order_id), '')) FROM orders o)
                || '/' || (SELECT count(*) FROM outbox)""";

    private static ProxiedServices services;
    private static ApiClient client;
    private static Actor alice;
    private static String[] admin;
    private static Connection reader;

    @BeforeAll
    static void start() {
        services = new ProxiedServices("hostile");
        client = services.start("ADMIN_BOOTSTRAP_NICK_NAME", Api.ADMIN, "ADMIN_BOOTSTRAP_PASSWORD", Api.ADMIN_PASSWORD).client();
        alice = SteadyLoad.actors(client, "alice", 1).get(0);
        admin = Api.admin(client);
        PostgresSettings db = services.db.settings();
        try {
            reader = DriverManager.getConnection("jdbc:postgresql://" + db.host() + ":" + db.port() + "/" + db.database(), db.user(), db.password());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (reader != null) reader.close();
        if (services != null) services.close();
    }

    @Test
    void no_generated_request_gets_a_5xx_each_refusal_is_a_problem_and_changes_nothing() {
        long seed = Long.getLong("hostile.seed", System.nanoTime());
        int count = Integer.getInteger("hostile.requests", Boolean.getBoolean("reliability.long") ? 20_000 : 2_000);
        System.out.println("hostile input: seed " + seed + " (-Dhostile.seed=" + seed + " replays it)");
        HostileRequests generate = new HostileRequests(seed, alice.user(), alice.order());
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> accepted = new ArrayList<>();
        String stored = snapshot();
        int unsendable = 0;
        for (int i = 0; i < count; i++) {
            HostileRequests.Request request = generate.next(authorization(generate));
            Response r;
            try {
                r = client.sendBytes(request.method(), request.path(), request.body(), false, request.headers());
            } catch (IllegalArgumentException refusedByTheClient) {
                unsendable++;   // java.net.http refuses some header values before sending
                continue;
            } catch (UncheckedIOException noAnswer) {
                throw new AssertionError("seed " + seed + ", request " + i + ": " + request + " got no answer", noAnswer);
            }
            String what = "seed " + seed + ", request " + i + ": " + request + " -> " + r.status() + " " + r.body();
            statuses.merge(r.status(), 1, Integer::sum);
            assertThat(r.status()).as(what).isLessThan(500);
            if (r.status() >= 400) {
                assertThat(r.header("Content-Type")).as(what).startsWith("application/problem+json");
                JsonNode problem = r.json();
                assertThat(problem.path("status").asInt()).as(what).isEqualTo(r.status());
                assertThat(problem.path("title").asText()).as(what).isNotBlank();
            }
            if (r.status() >= 300) {
                assertThat(snapshot()).as("stored data after a request answered " + r.status() + ": " + what).isEqualTo(stored);
            } else {
                accepted.add(request.method() + " " + request.path());
                stored = snapshot();
                if (client.get("/users/" + alice.user(), alice.auth()).status() != 200) {   // a rename revokes her token
                    Response her = client.get("/users/" + alice.user(), admin);
                    assertThat(her.status()).as("alice, after %s: %s", what, her.body()).isEqualTo(200);
                    alice = new Actor(alice.user(), Api.bearer(client, her.json().get("nick_name").asText(), SteadyLoad.PASSWORD), alice.order());
                }
            }
        }
        Report.print("hostile input, generated", "seed %d; %d requests (%d more the HTTP client would not send); by status %s; none 5xx; each refusal a problem, the data unchanged; %d accepted"
                .formatted(seed, count - unsendable, unsendable, statuses, accepted.size()));
    }

    /** Alice's token, the administrator's, none, or a forged one (a wrong password for mallory, never alice: her log-ins must not be throttled). */
    private static String[] authorization(HostileRequests generate) {
        return switch (generate.below(4)) {
            case 0 -> alice.auth();
            case 1 -> admin;
            case 2 -> new String[0];
            default -> new String[] {"Authorization", generate.pick(List.of("Bearer x.y.z", "Basic !!!", "Bearer ", "Basic "
                    + Base64.getEncoder().encodeToString("mallory:wrong".getBytes(StandardCharsets.UTF_8)), "Negotiate abc"))};
        };
    }

    /** The stored data, in short, read on a connection of the test's own (one a request: a new one each would cost more than the request). */
    private static String snapshot() {
        try (Statement st = reader.createStatement(); ResultSet rs = st.executeQuery(SNAPSHOT)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
