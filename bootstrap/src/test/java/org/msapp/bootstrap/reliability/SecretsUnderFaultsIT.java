package org.msapp.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.msapp.adapters.http.Api;
import org.msapp.adapters.http.ApiClient;
import org.msapp.adapters.http.ApiClient.Response;
import org.msapp.adapters.http.LogCapture;
import org.msapp.adapters.redis.TestRedis;
import org.msapp.application.fixtures.TcpProxy;
import org.msapp.bootstrap.Secrets;

/**
 * A user's credentials go through the service while each backing service fails in turn: registered
 * (with the CPF in clear), logged in, failed log-ins, a new password, requests with Basic and bearer
 * credentials during each outage. Afterwards no log line (the access log included), no event, no
 * cache value and no problem holds a password, a hash, the CPF in clear, a token or a Basic value.
 */
class SecretsUnderFaultsIT {
    private static final String PASSWORD = "Secret@Password-1";
    private static final String NEW_PASSWORD = "Another#Secret-22";

    @Test
    void no_secret_in_any_log_line_event_cache_value_or_problem_through_every_outage() throws Exception {
        List<Response> problems = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        try (LogCapture logged = LogCapture.of(Logger.ROOT_LOGGER_NAME, Level.INFO);
             LogCapture access = LogCapture.of("msapp.access", Level.INFO);   // the build runs it at WARN: here every request's line
             ProxiedServices services = new ProxiedServices("secrets")) {
            ApiClient client = services.start().client();
            long lastEvent = Events.lastPosition(services.db);
            Response registered = client.send("POST", "/users", Api.userBody("carol", PASSWORD).replace(Api.CPF, Api.CPF_DIGITS));
            assertThat(registered.status()).as(registered.body()).isEqualTo(201);
            long id = registered.json().get("user_id").asLong();
            String[] basic = Api.auth("carol", PASSWORD);
            String[] bearer = bearer(client, tokens, "carol", PASSWORD);
            keep(problems, client.send("POST", "/auth/token", null, Api.auth("carol", "Wrong-" + PASSWORD)));
            keep(problems, client.send("POST", "/auth/token", Api.body("nick_name", "carol", "password", "Wrong-" + PASSWORD)));
            client.get("/users/" + id, bearer);
            Api.placeOrder(client, bearer, id, 1, 100);
            keep(problems, client.send("PUT", "/users/" + id + "/password", Api.body("password", PASSWORD, "new_password", NEW_PASSWORD), basic));
            String[] renewed = bearer(client, tokens, "carol", NEW_PASSWORD);
            String[] newBasic = Api.auth("carol", NEW_PASSWORD);

            for (TcpProxy broken : List.of(services.postgres, services.redis, services.rabbitmq)) {
                broken.cut();
                keep(problems, client.get("/users/" + id, renewed));
                keep(problems, client.send("PATCH", "/users/" + id, Api.body("full_name", "Carol During An Outage"), newBasic));
                keep(problems, client.send("POST", "/auth/token", null, newBasic));
                keep(problems, client.send("POST", "/auth/token", null, Api.auth("carol", "Wrong-" + NEW_PASSWORD)));
                keep(problems, client.send("POST", "/users/" + id + "/orders", Api.orderBody("during an outage", 1, 1), renewed));
                keep(problems, client.get("/users/" + id, bearer));   // the token from before the new password: refused
                services.restoreAll();
                Thread.sleep(1_500);
            }
            Events.awaitEveryOneAfter(services.db, lastEvent, services.events, Duration.ofSeconds(30));

            Secrets secrets = Secrets.of(Api.CPF_DIGITS).credentials("carol", PASSWORD).credentials("carol", NEW_PASSWORD)
                    .credentials("carol", "Wrong-" + PASSWORD).credentials("carol", "Wrong-" + NEW_PASSWORD);
            services.db.<String>column("SELECT password FROM users").forEach(secrets::hash);
            tokens.forEach(secrets::and);
            List<String> lines = logged.wholeLines();
            Map<String, String> cached = TestRedis.values(services.cachePrefix);
            List<String> events = services.events.received().stream().map(d -> new String(d.getBody(), StandardCharsets.UTF_8)).toList();

            assertThat(lines).as("log lines").isNotEmpty();
            assertThat(cached).as("cache values").isNotEmpty();
            lines.forEach(line -> secrets.assertNoneIn("a log line", line));
            events.forEach(event -> secrets.assertNoneIn("an event", event));
            cached.forEach((key, value) -> secrets.assertNoneIn("the cache value of " + key, key + " " + value));
            problems.forEach(p -> secrets.assertNoneIn("a problem", p.body()));
            Report.print("secrets through every outage", "%d log lines, %d events, %d cache values, %d problems (%d of them 503): no password, hash, clear CPF, token or Basic value in any"
                    .formatted(lines.size(), events.size(), cached.size(), problems.size(), problems.stream().filter(p -> p.status() == 503).count()));
        }
    }

    private static String[] bearer(ApiClient client, List<String> tokens, String nick, String password) {
        String token = client.token(nick, password);
        tokens.add(token);
        return new String[] {"Authorization", ApiClient.bearer(token)};
    }

    private static void keep(List<Response> problems, Response r) {
        if (r.status() >= 400) problems.add(r);
    }
}
