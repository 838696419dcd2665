package org.msapp.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.msapp.adapters.http.ApiClient.Response;
import org.msapp.application.port.OutboxEvent;
import org.msapp.application.tracing.Trace;

/**
 * Every answer names its request in {@code X-Request-Id}: the caller's id when it is a safe short
 * token, a fresh one otherwise; and the events a request causes keep that id and the caller's
 * {@code traceparent}.
 */
class RequestIdsIT extends AliceAndHerOrderOnTestServer {
    private static final String UUID_FORM = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void a_request_that_sends_no_id_gets_a_fresh_one_each_time() {
        String first = service.get("/users/" + alice, owner).header(RequestIds.HEADER);
        String second = service.get("/users/" + alice, owner).header(RequestIds.HEADER);

        assertThat(first).matches(UUID_FORM);
        assertThat(second).matches(UUID_FORM).isNotEqualTo(first);
    }

    @Test
    void a_safe_id_comes_back_as_sent_whatever_the_outcome() {
        SoftAssertions soft = new SoftAssertions();
        record Call(String what, String method, String path, String body, String[] auth) {
        }
        service.register("bob", "Senha@123-bob");
        List<Call> calls = List.of(
                new Call("a read", "GET", "/users/" + alice, null, owner),
                new Call("a HEAD", "HEAD", "/users/" + alice, null, owner),
                new Call("a creation", "POST", "/users", Api.userBody("carol", "Senha@123-carol"), new String[0]),
                new Call("a 204", "DELETE", "/orders/" + order, null, owner),
                new Call("no credentials", "GET", "/users/" + alice, null, new String[0]),
                new Call("someone else's user", "GET", "/users/" + alice, null, Api.bearer(service.client, "bob", "Senha@123-bob")),
                new Call("an unknown path", "GET", "/nothing/here", null, new String[0]),
                new Call("a method the path has not", "PUT", "/orders", "{}", admin),
                new Call("a rule broken", "POST", "/users", "{\"nick_name\":\"x\"}", new String[0]),
                new Call("malformed JSON", "POST", "/users", "{", new String[0]),
                new Call("a body over 64 KiB", "POST", "/users", "{\"a\":\"" + "x".repeat(70_000) + "\"}", new String[0]),
                new Call("the health", "GET", "/health/ready", null, new String[0]),
                new Call("the docs", "GET", "/docs", null, new String[0]));
        int n = 0;
        for (Call call : calls) {
            String id = "call-" + ++n;
            Response r = service.send(call.method(), call.path(), call.body(), Api.with(call.auth(), RequestIds.HEADER, id));
            soft.assertThat(r.header(RequestIds.HEADER)).as("%s (%d)", call.what(), r.status()).isEqualTo(id);
        }
        soft.assertAll();
    }

    @Test
    void an_id_that_is_too_long_or_unsafe_is_replaced_by_a_fresh_one() {
        for (String bad : List.of("x".repeat(65), "two words", "<script>alert(1)</script>", "a\"b", "ação")) {
            Response r = service.get("/users/" + alice, Api.with(owner, RequestIds.HEADER, bad));

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header(RequestIds.HEADER)).as("the answer to %s", bad).matches(UUID_FORM);
        }
    }

    @Test
    void what_jetty_refuses_before_a_route_runs_carries_an_id_too() {
        for (String head : List.of("GET /users/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 12abc\r\nX-Request-Id: refused-1\r\n",
                "GET /users/%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Request-Id: refused-2\r\n",
                "GET /users/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + "p".repeat(20_000) + "\r\n")) {
            RawHttp.Answer a = RawHttp.exchange(service.port(), head + "Connection: close\r\n");

            assertThat(a.status()).isBetween(400, 499);
            assertThat(a.header(RequestIds.HEADER)).as("the answer to %s", head.substring(0, 20)).isNotBlank()
                    .matches("refused-\\d|" + UUID_FORM);
        }
    }

    @Test
    void the_events_a_request_causes_keep_its_id_and_its_traceparent() {
        service.send("POST", "/users", Api.userBody("carol", "Senha@123-carol"), RequestIds.HEADER, "register-carol",
                RequestIds.TRACEPARENT, TRACEPARENT);
        service.send("PATCH", "/users/" + alice, Api.body("full_name", "Alice Renamed"), Api.with(owner, RequestIds.HEADER, "rename-alice"));

        List<OutboxEvent> events = service.services.pendingEvents();

        assertThat(events).filteredOn(e -> e.type().equals("user.registered") && e.data().get("nick_name").equals("carol"))
                .extracting(OutboxEvent::trace).containsExactly(new Trace("register-carol", TRACEPARENT));
        assertThat(events).filteredOn(e -> e.type().equals("user.updated"))
                .extracting(OutboxEvent::trace).containsExactly(new Trace("rename-alice", null));
    }

    @Test
    void an_invalid_traceparent_is_not_carried_into_the_events() {
        Response r = service.send("POST", "/users", Api.userBody("dave", "Senha@123-dave"), RequestIds.TRACEPARENT,
                "00-00000000000000000000000000000000-00f067aa0ba902b7-01");

        assertThat(service.services.pendingEvents()).filteredOn(e -> e.type().equals("user.registered") && e.data().get("nick_name").equals("dave"))
                .extracting(OutboxEvent::trace).containsExactly(new Trace(r.header(RequestIds.HEADER), null));
    }
}
