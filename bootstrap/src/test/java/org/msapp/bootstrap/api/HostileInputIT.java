package org.msapp.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.msapp.adapters.http.AliceAndHerOrder;
import org.msapp.adapters.http.Api;
import org.msapp.adapters.http.ApiClient.Response;
import org.msapp.adapters.http.ApiClient;
import org.msapp.bootstrap.TestService;

/**
 * Hostile input never gets a 5xx or a stack trace, on any route that takes a body, nor in paths,
 * queries and headers: every value goes as far as it can, into the store (PostgreSQL in the second
 * pass), which must refuse it as cleanly as the adapter does. The tests start from alice and her
 * order on the whole service; a sweep that happens to change her password renews her token.
 */
class HostileInputIT extends AliceAndHerOrder<TestService> {
    HostileInputIT() {
        super(TestService::start, service -> service.client);
    }

    /** A route that takes a body, the fields it reads, a valid JSON value for each, and whether the owner's token goes along. */
    private record Route(String name, String method, String path, Map<String, String> valid, boolean owned) {
    }

    /** The owner's bearer token for a route that needs a caller (as it is now: a sweep may have renewed it). */
    private String[] headers(Route route) {
        return route.owned() ? owner : new String[0];
    }

    private List<Route> routes() {
        Map<String, String> user = new LinkedHashMap<>();
        user.put("nick_name", "\"sweeper\"");
        user.put("password", "\"Senha@123-sweep\"");
        user.put("full_name", "\"Sweeper\"");
        user.put("cpf", "\"" + Api.CPF + "\"");
        user.put("email", "\"sweeper@example.com\"");
        user.put("phone_number", "\"123\"");
        Map<String, String> change = new LinkedHashMap<>();
        change.put("nick_name", "\"alice\"");
        change.put("full_name", "\"Alice\"");
        change.put("email", "\"alice@example.com\"");
        change.put("phone_number", "\"456\"");
        Map<String, String> password = new LinkedHashMap<>();
        password.put("password", "\"" + PASSWORD + "\"");
        password.put("new_password", "\"" + PASSWORD + "\"");   // the same: even a success leaves it unchanged
        Map<String, String> anOrder = new LinkedHashMap<>();
        anOrder.put("item_description", "\"Book\"");
        anOrder.put("item_quantity", "2");
        anOrder.put("item_price", "100");
        return List.of(
                new Route("register", "POST", "/users", user, false),
                new Route("change user", "PATCH", "/users/" + alice, change, true),
                new Route("change password", "PUT", "/users/" + alice + "/password", password, true),
                new Route("place order", "POST", orders(), anOrder, true),
                new Route("change order", "PATCH", "/orders/" + order, anOrder, true));
    }

    /** Whole bodies that are hostile on their own. */
    private static Map<String, String> hostileBodies() {
        Map<String, String> b = new LinkedHashMap<>();
        b.put("empty", "");
        b.put("blank", "   \n\t ");
        b.put("null", "null");
        b.put("empty array", "[]");
        b.put("string", "\"x\"");
        b.put("open brace", "{");
        b.put("close brace", "}");
        b.put("arrays 10,000 deep", "[".repeat(10_000) + "]".repeat(10_000));
        b.put("objects 10,000 deep", "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000));
        b.put("unclosed arrays 10,000 deep", "[".repeat(10_000));
        b.put("control characters", "\u0001\u0002\u001b\u007f");
        b.put("NUL", "\u0000");
        b.put("NUL inside an object", "{\"a\u0000\":1}");
        b.put("1e400", "1e400");
        b.put("huge integer", "99999999999999999999999");
        b.put("negative number", "-1");
        b.put("emoji", "\uD83D\uDE00");
        b.put("NaN", "NaN");
        b.put("byte order mark and object", "\uFEFF{}");
        b.put("60 KiB key", "{\"" + "k".repeat(60 * 1024) + "\":1}");
        b.put("many keys", "{" + String.join(",", java.util.stream.IntStream.range(0, 5_000).mapToObj(i -> "\"k" + i + "\":1").toList()) + "}");
        b.put("60 KiB number", "{\"item_quantity\":" + "9".repeat(60 * 1024) + "}");
        return b;
    }

    /** JSON values (as JSON text) to put in the fields. */
    private static Map<String, String> hostileValues() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("60 KiB string", "\"" + "s".repeat(60 * 1024) + "\"");
        v.put("escaped NUL", "\"\\u0000\"");
        v.put("NUL in the middle", "\"ab\\u0000cd\"");
        v.put("raw control characters", "\"a\u0001\u0007\u001bb\"");
        v.put("escaped control characters", "\"a\\u0001\\t\\n\\u001fb\"");
        v.put("lone surrogate", "\"\\ud800\"");
        v.put("right-to-left override", "\"\\u202eabc\"");
        v.put("emoji", "\"\uD83D\uDE00\"");
        v.put("many emoji", "\"" + "\uD83D\uDE00".repeat(300) + "\"");
        v.put("1e400", "1e400");
        v.put("-1e400", "-1e400");
        v.put("huge integer", "99999999999999999999999");
        v.put("huge negative integer", "-99999999999999999999999");
        v.put("long max", "9223372036854775807");
        v.put("long min", "-9223372036854775808");
        v.put("negative", "-1");
        v.put("zero", "0");
        v.put("fraction", "1.5");
        v.put("exponent", "1e2");
        v.put("NaN", "NaN");
        v.put("Infinity", "Infinity");
        v.put("null", "null");
        v.put("true", "true");
        v.put("empty string", "\"\"");
        v.put("blank string", "\"   \"");
        v.put("empty array", "[]");
        v.put("empty object", "{}");
        v.put("arrays 10,000 deep", "[".repeat(10_000) + "]".repeat(10_000));
        v.put("SQL", "\"'; DROP TABLE users; --\"");
        v.put("script", "\"<script>alert(1)</script>\"");
        return v;
    }

    private static String object(Map<String, String> fields) {
        List<String> parts = new ArrayList<>();
        fields.forEach((k, val) -> parts.add("\"" + k + "\":" + val));
        return "{" + String.join(",", parts) + "}";
    }

    private static void checkSafe(SoftAssertions soft, String what, Response r) {
        soft.assertThat(r.status()).as("%s: status, body %s", what, abbreviate(r.body())).isLessThan(500).isGreaterThanOrEqualTo(200);
        soft.assertThat(r.body()).as("%s: no stack trace", what).doesNotContain("at org.").doesNotContain("at java.")
                .doesNotContain("Exception");
        if (r.status() >= 400) {
            soft.assertThat(r.header("Content-Type")).as("%s: problem+json, body %s", what, abbreviate(r.body()))
                    .startsWith("application/problem+json");
        }
    }

    private static String abbreviate(String s) {
        return s == null || s.length() <= 300 ? s : s.substring(0, 300) + "...";
    }

    /** On a route with the owner's token: the credentials were taken, so what answered had the body to read. */
    private static void checkAuthenticated(SoftAssertions soft, String what, Route route, Response r) {
        if (route.owned()) soft.assertThat(r.status()).as("%s: the owner's token taken, body %s", what, abbreviate(r.body())).isNotEqualTo(401);
    }

    /** Sends, and records a refused connection as a failure instead of ending the sweep. */
    private Response sendSafely(SoftAssertions soft, String what, Route route, String body) {
        try {
            Response r = service.send(route.method(), route.path(), body, headers(route));
            checkSafe(soft, what, r);
            checkAuthenticated(soft, what, route, r);
            return r;
        } catch (RuntimeException e) {
            soft.fail("%s: no answer (%s)", what, e);
            return null;
        }
    }

    /**
     * Undoes a hostile request that happened to be valid, so that the owner's credentials stay as they
     * were; a change of password revoked the owner's token, so a new one is granted.
     */
    private void restore(Route route, String sent, Response r) {
        if (r == null) return;
        try {
            if (route.path().endsWith("/password") && r.status() == 204) {
                String now = Api.JSON.readTree(sent).get("new_password").asText();
                Response back = service.send("PUT", route.path(), Api.body("password", now, "new_password", PASSWORD), Api.auth("alice", now));
                assertThat(back.status()).as("password put back: %s", back.body()).isEqualTo(204);
                owner = Api.bearer(service.client, "alice", PASSWORD);
            }
            if (route.path().equals("/users/" + alice) && r.status() == 200 && !"alice".equals(r.json().path("nick_name").asText())) {
                String now = r.json().path("nick_name").asText();
                Response back = service.send("PATCH", route.path(), Api.body("nick_name", "alice"), Api.auth(now, PASSWORD));
                assertThat(back.status()).as("nick name put back: %s", back.body()).isEqualTo(200);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void sweep(SoftAssertions soft, Route route, String what, String body) {
        restore(route, body, sendSafely(soft, route.name() + " / " + what, route, body));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void hostile_bodies_never_get_a_5xx_or_a_stack_trace(int routeIndex) {
        Route route = routes().get(routeIndex);
        SoftAssertions soft = new SoftAssertions();
        int sent = 0;
        for (var body : hostileBodies().entrySet()) {
            sweep(soft, route, "body " + body.getKey(), body.getValue());
            sent++;
        }
        for (var value : hostileValues().entrySet()) {
            Map<String, String> all = new LinkedHashMap<>();
            route.valid().keySet().forEach(k -> all.put(k, value.getValue()));
            String every = object(all);
            if (every.getBytes(StandardCharsets.UTF_8).length <= 60 * 1024 + 512) {   // larger ones are 413s, tried on their own
                sweep(soft, route, "every field " + value.getKey(), every);
                sent++;
            }
            for (String field : route.valid().keySet()) {
                Map<String, String> one = new LinkedHashMap<>(route.valid());
                one.put(field, value.getValue());
                sweep(soft, route, field + " " + value.getKey(), object(one));
                sent++;
            }
        }
        soft.assertThat(sent).isGreaterThan(100);
        soft.assertAll();
        service.clock.shift(Duration.ofSeconds(61));   // the sweep's wrong current passwords throttled alice for a minute
        assertThat(service.send("PATCH", "/users/" + alice, "{}", Api.auth("alice", PASSWORD)).status())
                .as("the owner's credentials still work after the sweep").isEqualTo(200);
        assertThat(service.get("/health/live").status()).isEqualTo(200);
    }

    @Test
    void bodies_that_are_not_utf_8_never_get_a_5xx() {
        SoftAssertions soft = new SoftAssertions();
        byte[][] bodies = {
                {'{', '"', 'n', 'i', 'c', 'k', '_', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'},
                {(byte) 0xc3, (byte) 0x28},
                {(byte) 0xfe, (byte) 0xff, 0, '{', 0, '}'},
                {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                {'{', '"', 'a', '"', ':', '"', (byte) 0xf0, (byte) 0x9f, '"', '}'}};
        for (Route route : routes()) {
            for (int i = 0; i < bodies.length; i++) {
                Response plain = service.client.sendBytes(route.method(), route.path(), bodies[i], false, headers(route));
                checkSafe(soft, route.name() + " / bytes " + i, plain);
                checkAuthenticated(soft, route.name() + " / bytes " + i, route, plain);
                Response chunked = service.client.sendBytes(route.method(), route.path(), bodies[i], true, headers(route));
                checkSafe(soft, route.name() + " / chunked bytes " + i, chunked);
                checkAuthenticated(soft, route.name() + " / chunked bytes " + i, route, chunked);
            }
        }
        soft.assertAll();
    }

    @Test
    void hostile_paths_queries_and_headers_never_get_a_5xx_or_a_stack_trace() {
        SoftAssertions soft = new SoftAssertions();
        String user = "/users/" + alice;
        String[] gets = {"/users/99999999999999999999", "/users/9223372036854775807", "/users/-9223372036854775808",
                "/users/1e3", "/orders/%F0%9F%98%80", "/users/" + "9".repeat(5_000), "/users?limit=%00", "/users?after=%00",
                "/users?limit=2&after=" + "A".repeat(5_000), "/users?after=LTE", "/users?after=MA", "/users?after=OTk5OTk5OTk5OTk5OTk5OTk5OTk5",
                "/users?nick_name=%00", "/users?nick_name=", "/users?nick_name=" + "a".repeat(51), "/users?nick_name=%F0%9F%98%80",
                "/users?limit=", "/orders?limit=1&limit=2", "/users/" + alice + "/orders?after=%FF"};
        for (String path : gets) checkSafe(soft, "GET " + path, service.get(path, admin));   // past every check of access

        String[][] headers = {
                {"If-None-Match", "\"" + "9".repeat(100) + "\""}, {"If-None-Match", "W/"}, {"If-None-Match", ","},
                {"If-None-Match", "*"}, {"If-None-Match", "\"\""}};
        for (String[] h : headers) checkSafe(soft, "GET with " + h[0] + ": " + h[1], service.get(user, Api.with(owner, h)));

        String[][] auths = {
                {"Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8))},
                {"Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(":".getBytes(StandardCharsets.UTF_8))},
                {"Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("alice:".getBytes(StandardCharsets.UTF_8))},
                {"Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(":pw".getBytes(StandardCharsets.UTF_8))},
                {"Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(("alice:" + "p".repeat(5_000)).getBytes(StandardCharsets.UTF_8))},
                {"Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(("a".repeat(5_000) + ":pw").getBytes(StandardCharsets.UTF_8))},
                {"Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("al\u0000ice:pw".getBytes(StandardCharsets.UTF_8))},
                {"Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(new byte[] {'a', 'l', (byte) 0xff, ':', 'p'})},
                {"Authorization", "Basic"}, {"Authorization", "Basic ="}, {"Authorization", "Bearer x.y.z"},
                {"Authorization", "basic " + ApiClient.basic("alice", PASSWORD).substring(6)}};
        for (String[] h : auths) {
            Response r = service.send("PATCH", user, "{\"full_name\":\"A\"}", h);
            checkSafe(soft, "PATCH with " + abbreviate(h[1]), r);
        }

        String[][] conditional = {{"If-Match", "\"" + "9".repeat(100) + "\""}, {"If-Match", "W/\"1\""},
                {"If-Match", "\"-1\""}, {"If-Match", "\"\""}};
        for (String[] h : conditional) {
            checkSafe(soft, "PATCH order with " + h[0] + ": " + h[1],
                    service.send("PATCH", "/orders/" + order, "{\"item_quantity\":3}", Api.with(owner, h)));
        }

        String[] keys = {"k".repeat(256), "k".repeat(4_000), "a b", "\t", "x"};
        for (String key : keys) {
            checkSafe(soft, "POST order with Idempotency-Key " + abbreviate(key),
                    service.send("POST", orders(), Api.orderBody("Book", 1, 1), Api.with(owner, "Idempotency-Key", key)));
        }
        String[] types = {"application/json; charset=latin1", "application/json; charset=nonsense", "application/jsonx",
                "APPLICATION/JSON", "application/json, text/plain", "multipart/form-data; boundary=x"};
        for (String type : types) {
            checkSafe(soft, "POST order as " + type,
                    service.send("POST", orders(), Api.orderBody("Book", 1, 1), Api.with(owner, "Content-Type", type)));
        }
        soft.assertAll();
    }

    @Test
    void an_idempotency_key_that_breaks_the_rules_is_a_4xx_problem() {
        Response r = service.send("POST", orders(), Api.orderBody("Book", 1, 1), Api.with(owner, "Idempotency-Key", "k".repeat(256)));

        assertThat(r.status()).isBetween(400, 499);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Api.items(service.get("/orders", admin))).hasSize(1);
    }

    // ---- found by the sweeps: each a service bug while it fails ----

    @Test
    void an_if_match_that_names_no_tag_at_all_is_a_4xx_problem_never_a_500() {
        String user = "/users/" + alice;
        String anOrder = "/orders/" + order;
        String fullName = service.get(user, owner).json().get("full_name").asText();
        SoftAssertions soft = new SoftAssertions();
        for (String ifMatch : new String[] {",", " , ", ",,"}) {
            String[] h = Api.with(owner, "If-Match", ifMatch);
            for (Response r : List.of(
                    service.send("PATCH", user, "{\"full_name\":\"Changed\"}", h),
                    service.send("PUT", user + "/password", Api.body("password", PASSWORD, "new_password", "Nova#Senha-123"), h),
                    service.send("PATCH", anOrder, "{\"item_quantity\":5}", h),
                    service.send("DELETE", anOrder, null, h))) {
                soft.assertThat(r.status()).as("If-Match '%s': %s", ifMatch, r.body()).isBetween(400, 499).isNotEqualTo(401);
                soft.assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            }
        }
        soft.assertAll();
        assertThat(service.get(user, owner).json().get("full_name").asText()).isEqualTo(fullName);
        assertThat(service.get(anOrder, owner).json().get("item_quantity").asLong()).isEqualTo(2);
        assertThat(service.send("PATCH", user, "{}", Api.auth("alice", PASSWORD)).status()).as("password unchanged").isEqualTo(200);
    }
}
