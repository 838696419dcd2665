package org.msapp.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msapp.adapters.http.Api;
import org.msapp.adapters.http.ApiClient;
import org.msapp.adapters.postgres.PostgresSettings;
import org.msapp.adapters.postgres.TestDatabase;
import org.msapp.adapters.rabbitmq.TestBroker;
import org.msapp.adapters.redis.TestRedis;

/**
 * GET /metrics of the service as it is configured, started from its settings: on the embedded
 * default in the in-memory run, and on PostgreSQL, RabbitMQ and Redis in the PostgreSQL run. After a
 * little traffic, every family that the README's table names is in the scrape, and no label carries
 * an id or a path that a client made up.
 */
class MetricsIT {
    private static final String SECRET = "a test key of at least thirty-two bytes, for HS256";
    private static final List<String> FAMILIES = List.of(
            "http_server_requests_seconds", "jetty_server_requests_seconds", "jetty_threads_current",
            "jetty_connections_current_connections",
            "jvm_memory_used_bytes", "jvm_gc_memory_allocated_bytes", "jvm_threads_live_threads", "jvm_classes_loaded_classes",
            "jvm_info", "process_cpu_usage", "system_cpu_count", "process_uptime_seconds", "process_files_open_files",
            "msapp_outbox_backlog", "msapp_outbox_oldest_age_seconds",
            "msapp_relay_published", "msapp_relay_confirmed", "msapp_relay_failed", "msapp_relay_returned",
            "msapp_cache_requests", "msapp_cache_errors", "msapp_cache_breaker_open",
            "msapp_login_failures", "msapp_login_throttled",
            "msapp_password_hashes_running", "msapp_password_hashes_waiting", "msapp_password_hashes_refused");
    private static final List<String> POOL_FAMILIES = List.of(
            "hikaricp_connections_active", "hikaricp_connections_idle", "hikaricp_connections_pending",
            "hikaricp_connections_timeout", "hikaricp_connections_acquire_seconds", "hikaricp_connections_max");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static TestDatabase database;

    private Application app;
    private ApiClient client;
    private String redisPrefix;

    @BeforeEach
    void start() {
        Map<String, String> env = new HashMap<>(Map.of("HTTP_HOST", "127.0.0.1", "HTTP_PORT", "0", "AUTH_TOKEN_SECRET", SECRET));
        if (TestService.onPostgres()) {
            if (database == null) database = TestDatabase.named("metrics");
            PostgresSettings db = database.settings();
            env.putAll(Map.of("HOST_DATABASE", db.host(), "DATABASE_PORT", Integer.toString(db.port()),
                    "DATABASE_NAME", db.database()));
            TestRedis.requireServer();
            redisPrefix = TestRedis.prefix();
            env.putAll(Map.of("CACHE_REDIS_HOST", TestRedis.HOST, "CACHE_REDIS_PORT", Integer.toString(TestRedis.PORT),
                    "CACHE_KEY_PREFIX", redisPrefix));
            TestBroker.requireServer();
            env.putAll(Map.of("RABBITMQ_HOST", TestBroker.SERVER.host(), "RABBITMQ_PORT", Integer.toString(TestBroker.SERVER.port())));
        }
        app = Application.start(Config.fromEnvironment(env), line -> { });
        client = new ApiClient(app.port());
    }

    @AfterEach
    void stop() {
        if (app != null) app.close();
        if (redisPrefix != null) TestRedis.deleteKeys(redisPrefix);
    }

    @AfterAll
    static void drop() {
        if (database != null) database.close();
    }

    /** Register, a token, reads, a 404, a wrong password, an order. */
    private long aLittleTraffic() {
        String nickName = "metered-" + UUID.randomUUID().toString().substring(0, 8);   // the database outlives a test
        long id = client.register(nickName, "Senha@123");
        String[] bearer = Api.bearer(client, nickName, "Senha@123");
        assertThat(client.get("/users/" + id, bearer).status()).isEqualTo(200);
        assertThat(client.get("/users/" + id, bearer).status()).isEqualTo(200);
        assertThat(client.get("/no/such/thing/" + id).status()).isEqualTo(404);
        assertThat(client.send("POST", "/auth/token", "", "Authorization", ApiClient.basic(nickName, "wrong password")).status())
                .isEqualTo(401);
        long order = Api.placeOrder(client, bearer, id, 2, 150);
        assertThat(client.get("/orders/" + order, bearer).status()).isEqualTo(200);
        return id;
    }

    private String scrape() {
        var r = client.get("/metrics");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/plain");
        return r.body();
    }

    private static boolean hasFamily(String scrape, String family) {
        return Pattern.compile("^# TYPE " + Pattern.quote(family) + "(_total)? ", Pattern.MULTILINE).matcher(scrape).find();
    }

    @Test
    void after_a_little_traffic_every_family_is_scraped() {
        aLittleTraffic();

        String scrape = scrape();

        SoftAssertions soft = new SoftAssertions();
        List<String> types = scrape.lines().filter(l -> l.startsWith("# TYPE ")).toList();
        for (String family : FAMILIES) soft.assertThat(hasFamily(scrape, family)).as(family + " among " + types).isTrue();
        for (String family : POOL_FAMILIES) soft.assertThat(hasFamily(scrape, family)).as(family).isEqualTo(TestService.onPostgres());
        soft.assertAll();
    }

    @Test
    void the_counts_follow_the_traffic() {
        aLittleTraffic();

        String scrape = scrape();
        // the second GET of the user hits; on Redis the token path's credentials are looked up too, once per
        // bearer request (four): the first misses, the three after it hit
        String hits = TestService.onPostgres() ? "4.0" : "1.0";

        assertThat(scrape).contains("http_server_requests_seconds_count{method=\"GET\",route=\"/users/{id}\",status=\"200\"} 2")
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"NOT_FOUND\",status=\"404\"} 1")
                .contains("msapp_login_failures_total 1.0")
                .contains("msapp_cache_requests_total{result=\"hit\"} " + hits)
                .contains("msapp_cache_breaker_open 0.0")
                .contains("msapp_password_hashes_running 0.0");
        assertThat(scrape).containsPattern("msapp_cache_requests_total\\{result=\"miss\"} [1-9]");
    }

    @Test
    void no_label_names_an_id_or_a_path_a_client_sent() {
        long id = aLittleTraffic();

        List<String> values = new ArrayList<>();
        for (String line : scrape().split("\n")) {
            if (line.startsWith("#")) continue;
            Matcher m = LABEL.matcher(line);
            while (m.find()) values.add(m.group(1) + "=" + m.group(2));
        }

        assertThat(values).isNotEmpty()
                .noneMatch(v -> v.contains("/users/" + id) || v.contains("/orders/") && v.matches(".*/orders/\\d.*"))
                .noneMatch(v -> v.contains("/no/such/thing"))
                .noneMatch(v -> v.startsWith("route=") && v.matches(".*\\d.*"));
    }
}
