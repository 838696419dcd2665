package org.msapp.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.msapp.adapters.http.Api;
import org.msapp.adapters.http.ApiClient.Response;
import org.msapp.adapters.http.ApiClient;
import org.msapp.adapters.postgres.PostgresSettings;
import org.msapp.adapters.postgres.RequirePostgres;
import org.msapp.application.fixtures.TcpProxy;
import org.msapp.adapters.postgres.TestDatabase;

/**
 * The real service on PostgreSQL (the default timeouts: 1 s to connect, 1 s per statement), through
 * a {@link TcpProxy} that the test cuts (the database is dead) or stalls (the database hangs): each
 * request answers 503 with Retry-After within 2 s, readiness says the persistence is down, and once
 * the proxy forwards again the same process serves again, with the data as it was.
 */
@ExtendWith(RequirePostgres.class)
class DatabaseOutageIT {
    private static final Duration BUDGET = Duration.ofSeconds(2);
    private static final Duration RECOVERY = Duration.ofSeconds(10);
    private static final String NICK = "outage_user";
    private static final String PASSWORD = "Senha@123";
    private static final List<String> TIMES = new ArrayList<>();

    private static TestDatabase db;
    private static PostgresSettings direct;
    private static TcpProxy proxy;
    private static Application app;
    private static ApiClient client;
    private static long id;
    private static String bearer;

    @BeforeAll
    static void start() {
        db = TestDatabase.named("outage");
        direct = db.settings();
        proxy = TcpProxy.to(direct.host(), direct.port());
        app = Application.start(Config.fromEnvironment(Map.of(
                "HOST_DATABASE", "127.0.0.1",
                "DATABASE_PORT", Integer.toString(proxy.port()),
                "DATABASE_NAME", direct.database(),
                "HTTP_HOST", "127.0.0.1",
                "HTTP_PORT", "0",
                "AUTH_TOKEN_SECRET", "the outage test's key, well over thirty-two bytes long")), line -> { });
        client = new ApiClient(app.port());

        Response registered = send("POST", "/users",
                Api.userJson(NICK, PASSWORD).put("full_name", "Before The Outage").toString(), null);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        id = registered.json().get("user_id").asLong();
        Response token = send("POST", "/auth/token", null, ApiClient.basic(NICK, PASSWORD));
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        bearer = ApiClient.bearer(token.json().get("access_token").asText());
    }

    @AfterEach
    void mend() {
        proxy.restore();
    }

    @AfterAll
    static void stop() {
        TIMES.forEach(line -> System.out.println("[outage] " + line));
        if (app != null) app.close();
        if (proxy != null) proxy.close();
        if (db != null) db.close();
    }

    @Test
    void a_dead_database_answers_503_quickly_and_the_service_recovers_by_itself() {
        outage("cut", proxy::cut);
    }

    @Test
    void a_hung_database_answers_503_quickly_and_the_service_recovers_by_itself() {
        outage("stall", proxy::stall);
    }

    private void outage(String kind, Runnable breakIt) {
        Response before = send("GET", "/users/" + id, null, bearer);
        assertThat(before.status()).as(before.body()).isEqualTo(200);
        assertThat(before.header("ETag")).isNotNull();
        long usersBefore = countUsers();

        breakIt.run();
        for (int i = 1; i <= 3; i++) {
            assertUnavailable(kind + ", read GET /users/{id} #" + i, "GET", "/users/" + id, null, bearer);
        }
        for (int i = 1; i <= 2; i++) {
            assertUnavailable(kind + ", write PATCH /users/{id} #" + i, "PATCH", "/users/" + id,
                    "{\"full_name\":\"Written During The Outage\"}", bearer);
        }
        // a write that needs no caller (its nick-name check is the first round trip to fail)
        assertUnavailable(kind + ", write POST /users", "POST", "/users",
                Api.userJson("during_" + kind, PASSWORD).put("full_name", "Written During The Outage").toString(), null);
        Response ready = readiness(kind + ", GET /health/ready", 503);
        assertThat(ready.json().at("/components/persistence/status").asText()).isEqualTo("DOWN");
        String reason = Readiness.components(ready, direct.database(), Integer.toString(proxy.port()))
                .at("/persistence/detail").asText();
        assertThat(reason).as("why the persistence is down").matches("PostgreSQL: [a-z ]+");
        TIMES.add("%s, readiness: %s".formatted(kind, reason));

        proxy.restore();
        long restored = System.nanoTime();
        Response after;
        while (true) {
            after = send("GET", "/users/" + id, null, bearer);
            if (after.status() == 200) break;
            assertThat(after.status()).as(after.body()).isEqualTo(503);
            if (System.nanoTime() - restored > RECOVERY.toNanos()) fail("no recovery within " + RECOVERY.toSeconds() + " s: " + after.body());
            sleep(100);
        }
        TIMES.add("%s, recovered: GET /users/{id} 200 again %d ms after restore()".formatted(kind,
                Duration.ofNanos(System.nanoTime() - restored).toMillis()));

        // nothing lost, nothing half-written: the user is as before the outage, at the same version
        assertThat(after.json()).isEqualTo(before.json());
        assertThat(after.header("ETag")).isEqualTo(before.header("ETag"));
        assertThat(countUsers()).isEqualTo(usersBefore);
        readiness(kind + ", GET /health/ready after restore()", 200);

        // and writes work again, exactly once
        Response patched = send("PATCH", "/users/" + id, "{\"full_name\":\"After The " + kind + "\"}", bearer);
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("full_name").asText()).isEqualTo("After The " + kind);
        assertThat(patched.header("ETag")).isNotEqualTo(before.header("ETag"));
        Response reread = send("GET", "/users/" + id, null, bearer);
        assertThat(reread.json().get("full_name").asText()).isEqualTo("After The " + kind);
        assertThat(reread.json().get("updated_at").asText()).isNotEqualTo(before.json().get("updated_at").asText());
        Response registeredNow = send("POST", "/users",
                Api.userJson("during_" + kind, PASSWORD).put("full_name", "After The Outage").toString(), null);
        assertThat(registeredNow.status()).as(registeredNow.body()).isEqualTo(201);
        assertThat(countUsers()).isEqualTo(usersBefore + 1);
    }

    private static void assertUnavailable(String what, String method, String path, String body, String authorization) {
        Response a = timed(what, method, path, body, authorization);
        assertThat(a.status()).as(what + ": " + a.body()).isEqualTo(503);
        assertThat(a.header("Content-Type")).startsWith("application/problem+json");
        assertThat(a.header("Retry-After")).as("Retry-After").isNotNull().matches("[1-9][0-9]*");
        assertThat(a.json().get("status").asInt()).isEqualTo(503);
    }

    /** Sends, records the wall time, and asserts it is within the budget. */
    private static Response timed(String what, String method, String path, String body, String authorization) {
        long start = System.nanoTime();
        Response a = send(method, path, body, authorization);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        TIMES.add("%s: %d in %d ms".formatted(what, a.status(), took.toMillis()));
        assertThat(took).as(what + " took " + took.toMillis() + " ms").isLessThan(BUDGET);
        return a;
    }

    /**
     * Readiness keeps its answer for a second: asks (each answer within the budget) until it says
     * {@code status}, which it must within that second and the budget of one more check.
     */
    private static Response readiness(String what, int status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(1).plus(BUDGET).toNanos();
        Response ready = timed(what, "GET", "/health/ready", null, null);
        while (ready.status() != status && System.nanoTime() < deadline) {
            sleep(100);
            ready = timed(what, "GET", "/health/ready", null, null);
        }
        assertThat(ready.status()).as(ready.body()).isEqualTo(status);
        return ready;
    }

    /** Users in the database, counted behind the service's back (not through the proxy). */
    private static long countUsers() {
        return db.<Long>one("SELECT count(*) FROM users");
    }

    /** One request, with these credentials (an Authorization header) or none. */
    private static Response send(String method, String path, String body, String authorization) {
        return authorization == null ? client.send(method, path, body) : client.send(method, path, body, "Authorization", authorization);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
