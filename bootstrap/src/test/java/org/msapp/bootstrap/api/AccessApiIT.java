package org.msapp.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.msapp.adapters.http.Api;
import org.msapp.adapters.http.ApiClient.Response;
import org.msapp.adapters.http.ApiClient;
import org.msapp.bootstrap.TestService;

/**
 * DESIGN section 4, "Access, in full", over HTTP: every protected route, for every kind of caller,
 * with its exact status; tokens, their revocation, and the slowing of repeated failed log-ins.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessApiIT {
    private static final String PASSWORD = "Senha@123";
    /** A client behind the trusted proxy (the test itself), named in X-Forwarded-For. */
    private static final String GUESSER = "203.0.113.66";
    private static final String CHALLENGE = "Bearer realm=\"ms-application\", Basic realm=\"ms-application\", charset=\"UTF-8\"";
    private final AtomicInteger users = new AtomicInteger();
    private TestService service;

    enum Who { NOBODY, BAD_TOKEN, EXPIRED_TOKEN, SOMEONE_ELSE, OWNER, ADMINISTRATOR, OWNER_WITH_BASIC }

    /** A protected route; {user}, {order} and {nick} stand for the owner's. */
    record Route(String method, String path, String body, int success, boolean administratorsOnly) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Stream<Route> routes() {
        return Stream.of(
                new Route("GET", "/users/{user}", null, 200, false),
                new Route("PATCH", "/users/{user}", "{\"full_name\":\"New Name\"}", 200, false),
                new Route("PUT", "/users/{user}/password", "{\"password\":\"" + PASSWORD + "\",\"new_password\":\"Nova#Senha456\"}",
                        204, false),
                new Route("DELETE", "/users/{user}", null, 204, false),
                new Route("POST", "/users/{user}/orders", Api.orderBody("Pen", 2, 150), 201, false),
                new Route("GET", "/users/{user}/orders", null, 200, false),
                new Route("GET", "/orders/{order}", null, 200, false),
                new Route("PATCH", "/orders/{order}", "{\"item_quantity\":3}", 200, false),
                new Route("DELETE", "/orders/{order}", null, 204, false),
                new Route("GET", "/users?nick_name={nick}", null, 200, false),
                new Route("GET", "/users", null, 200, true),
                new Route("GET", "/orders", null, 200, true));
    }

    static Stream<Arguments> routesAndCallers() {
        return routes().flatMap(r -> Stream.of(Who.values()).map(who -> Arguments.of(r, who)));
    }

    @BeforeAll
    void start() {
        service = TestService.start();   // with its administrator
    }

    @AfterAll
    void stop() {
        service.close();
    }

    /** A new user of their own (with an order, unless the route deletes the user) for each case. */
    private record Owner(String nick, long user, long order) {
        String path(String template) {
            return template.replace("{user}", Long.toString(user)).replace("{order}", Long.toString(order)).replace("{nick}", nick);
        }
    }

    private Owner newOwner(boolean withOrder) {
        String nick = "user" + users.incrementAndGet();
        long user = service.register(nick, PASSWORD);
        if (!withOrder) return new Owner(nick, user, 0);
        Response placed = service.send("POST", "/users/" + user + "/orders", Api.orderBody("Notebook", 1, 100), Api.auth(nick, PASSWORD));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return new Owner(nick, user, placed.json().get("order_id").asLong());
    }

    private String[] bearer(String nick) {
        return new String[] {"Authorization", ApiClient.bearer(service.token(nick, PASSWORD))};
    }

    private String[] credentials(Who who, Owner owner) {
        return switch (who) {
            case NOBODY -> new String[0];
            case BAD_TOKEN -> new String[] {"Authorization", "Bearer not.a.token"};
            case EXPIRED_TOKEN -> {
                String[] token = bearer(owner.nick());
                service.clock.shift(Duration.ofMinutes(15).plusSeconds(1));
                yield token;
            }
            case SOMEONE_ELSE -> bearer(newOwner(false).nick());
            case OWNER -> bearer(owner.nick());
            case ADMINISTRATOR -> Api.admin(service.client);
            case OWNER_WITH_BASIC -> Api.auth(owner.nick(), PASSWORD);
        };
    }

    private static int expected(Route route, Who who) {
        return switch (who) {
            case NOBODY, BAD_TOKEN, EXPIRED_TOKEN -> 401;
            case SOMEONE_ELSE -> 403;
            case OWNER, OWNER_WITH_BASIC -> route.administratorsOnly() ? 403 : route.success();
            case ADMINISTRATOR -> route.success();
        };
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("routesAndCallers")
    void every_protected_route_answers_every_kind_of_caller_with_its_exact_status(Route route, Who who) {
        Owner owner = newOwner(!route.path().equals("/users/{user}") || !route.method().equals("DELETE"));

        Response r = service.send(route.method(), owner.path(route.path()), route.body(), credentials(who, owner));

        assertThat(r.status()).as("%s as %s: %s", route, who, r.body()).isEqualTo(expected(route, who));
        if (r.status() == 401) assertThat(r.header("WWW-Authenticate")).isEqualTo(CHALLENGE);
        if (r.status() >= 400) Api.assertProblem(r, r.status(), owner.path(route.path()).replaceAll("\\?.*", ""));
    }

    @Test
    void someone_else_replaying_an_owners_idempotency_key_and_body_gets_a_403_not_the_owners_order() {
        Owner owner = newOwner(false);
        String[] intruder = bearer(newOwner(false).nick());
        String path = "/users/" + owner.user() + "/orders";
        String body = Api.orderBody("Notebook", 1, 100);
        Response first = service.send("POST", path, body, Api.with(bearer(owner.nick()), "Idempotency-Key", "order-1"));
        assertThat(first.status()).isEqualTo(201);

        Response replayed = service.send("POST", path, body, Api.with(intruder, "Idempotency-Key", "order-1"));

        Api.assertProblem(replayed, 403, path);
        assertThat(replayed.body()).doesNotContain("order_id");
    }

    @Test
    void an_administrator_with_basic_credentials_may_list_everyone() {
        assertThat(service.get("/users", Api.auth(Api.ADMIN, Api.ADMIN_PASSWORD)).status()).isEqualTo(200);
        assertThat(service.get("/orders", Api.auth(Api.ADMIN, Api.ADMIN_PASSWORD)).status()).isEqualTo(200);
    }

    @Test
    void a_token_is_issued_for_basic_credentials_or_a_json_body_and_never_cached() {
        Owner owner = newOwner(false);

        Response basic = service.send("POST", "/auth/token", null, Api.auth(owner.nick(), PASSWORD));
        Response json = service.send("POST", "/auth/token", Api.body("nick_name", owner.nick(), "password", PASSWORD));

        for (Response r : List.of(basic, json)) {
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("token_type").asText()).isEqualTo("Bearer");
            assertThat(r.json().get("expires_in").asLong()).isEqualTo(900);
            assertThat(r.header("Cache-Control")).isEqualTo("no-store");
            String[] auth = {"Authorization", ApiClient.bearer(r.json().get("access_token").asText())};
            assertThat(service.get("/users/" + owner.user(), auth).status()).isEqualTo(200);
        }
    }

    @Test
    void wrong_credentials_get_no_token() {
        Owner owner = newOwner(false);

        Response r = service.send("POST", "/auth/token", null, Api.auth(owner.nick(), "wrong-password"));

        Api.assertProblem(r, 401, "/auth/token");
        assertThat(r.header("WWW-Authenticate")).isEqualTo(CHALLENGE);
        assertThat(r.body()).doesNotContain("access_token");
    }

    @Test
    void a_tampered_token_and_an_unknown_scheme_are_401() {
        Owner owner = newOwner(false);
        String token = service.token(owner.nick(), PASSWORD);
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");

        assertThat(service.get("/users/" + owner.user(), "Authorization", ApiClient.bearer(tampered)).status()).isEqualTo(401);
        assertThat(service.get("/users/" + owner.user(), "Authorization", "Digest username=x").status()).isEqualTo(401);
        assertThat(service.get("/users/" + owner.user(), "Authorization", "Bearer ").status()).isEqualTo(401);
    }

    @Test
    void after_a_change_of_password_the_old_token_is_refused_and_a_new_one_works() {
        Owner owner = newOwner(false);
        String[] old = bearer(owner.nick());
        Response changed = service.send("PUT", "/users/" + owner.user() + "/password",
                Api.body("password", PASSWORD, "new_password", "Nova#Senha456"), old);
        assertThat(changed.status()).as(changed.body()).isEqualTo(204);

        Response refused = service.get("/users/" + owner.user(), old);

        Api.assertProblem(refused, 401, "/users/" + owner.user());
        assertThat(refused.json().get("detail").asText()).contains("revoked");
        String fresh = service.token(owner.nick(), "Nova#Senha456");
        assertThat(service.get("/users/" + owner.user(), "Authorization", ApiClient.bearer(fresh)).status()).isEqualTo(200);
    }

    @Test
    void after_the_user_is_deleted_their_token_is_refused() {
        Owner owner = newOwner(false);
        String[] token = bearer(owner.nick());
        assertThat(service.send("DELETE", "/users/" + owner.user(), null, token).status()).isEqualTo(204);

        assertThat(service.get("/users/" + owner.user(), token).status()).isEqualTo(401);
    }

    @Test
    void the_sixth_failed_log_in_within_a_minute_is_429_and_a_correct_one_after_the_window_passes() {
        Owner owner = newOwner(false);
        for (int i = 1; i <= 5; i++) {
            assertThat(service.send("POST", "/auth/token", null, Api.auth(owner.nick(), "wrong-" + i)).status())
                    .as("failure %d", i).isEqualTo(401);
        }

        Response sixth = service.send("POST", "/auth/token", null, Api.auth(owner.nick(), PASSWORD));
        Response basic = service.get("/users/" + owner.user(), Api.auth(owner.nick(), PASSWORD));

        Api.assertProblem(sixth, 429, "/auth/token");
        assertThat(Long.parseLong(sixth.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(basic.status()).as("Basic credentials are throttled alike").isEqualTo(429);

        service.clock.shift(Duration.ofSeconds(61));
        assertThat(service.send("POST", "/auth/token", null, Api.auth(owner.nick(), PASSWORD)).status()).isEqualTo(200);
    }

    @Test
    void a_guesser_at_one_address_does_not_lock_the_owner_out_from_another() {
        Owner owner = newOwner(false);
        for (int i = 1; i <= 5; i++) {
            assertThat(service.send("POST", "/auth/token", null, Api.authFrom(GUESSER, owner.nick(), "wrong-" + i)).status())
                    .as("failure %d", i).isEqualTo(401);
        }

        Api.assertProblem(service.send("POST", "/auth/token", null, Api.authFrom(GUESSER, owner.nick(), PASSWORD)), 429, "/auth/token");
        assertThat(service.get("/users/" + owner.user(), Api.authFrom(GUESSER, owner.nick(), PASSWORD)).status())
                .as("Basic credentials from the guesser's address").isEqualTo(429);
        assertThat(service.send("POST", "/auth/token", null, Api.authFrom("198.51.100.7", owner.nick(), PASSWORD)).status())
                .as("the owner, at another address").isEqualTo(200);
        assertThat(service.get("/users/" + owner.user(), Api.authFrom("198.51.100.7", owner.nick(), PASSWORD)).status())
                .as("with Basic credentials too").isEqualTo(200);
        assertThat(service.send("POST", "/auth/token", null, Api.authFrom(GUESSER, owner.nick(), PASSWORD)).status())
                .as("the guesser, still").isEqualTo(429);
    }

    @Test
    void a_request_with_a_bearer_token_spends_no_time_in_argon2_while_basic_hashes_every_time() {
        Owner owner = newOwner(true);
        String[] token = bearer(owner.nick());

        int before = service.hasher.calls();
        List<Integer> statuses = new ArrayList<>();
        for (String path : List.of("/users/" + owner.user(), "/users/" + owner.user() + "/orders", "/orders/" + owner.order())) {
            statuses.add(service.get(path, token).status());
        }
        int afterBearer = service.hasher.calls();
        service.get("/users/" + owner.user(), Api.auth(owner.nick(), PASSWORD));

        assertThat(statuses).containsOnly(200);
        assertThat(afterBearer).as("password hashes spent on three bearer requests").isEqualTo(before);
        assertThat(service.hasher.calls()).as("a Basic request hashes").isEqualTo(afterBearer + 1);
    }
}
