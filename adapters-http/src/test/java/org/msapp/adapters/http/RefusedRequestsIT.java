package org.msapp.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.msapp.adapters.http.Api.assertProblem;

import java.nio.charset.StandardCharsets;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.msapp.adapters.http.ApiClient.Response;

/** 413, 415, 404, 405, 431, HEAD and the methods no route takes: each refusal a problem, and nothing changed. */
class RefusedRequestsIT extends AliceAndHerOrderOnTestServer {
    @Test
    void a_body_over_64_kib_is_413() {
        String big = "{\"nick_name\":\"" + "a".repeat(70 * 1024) + "\"}";

        assertProblem(post("/users", big), 413, "/users");
        assertProblem(service.send("PATCH", "/orders/" + order, big, owner), 413, "/orders/" + order);
        assertThat(registered()).isEqualTo(ALICE_AND_THE_ADMIN);
    }

    @Test
    void a_body_over_64_kib_sent_in_chunks_without_a_length_is_413_too() {
        byte[] big = ("{\"item_description\":\"" + "a".repeat(70 * 1024) + "\",\"item_quantity\":1,\"item_price\":1}")
                .getBytes(StandardCharsets.UTF_8);

        Response r = service.sendBytes("POST", orders(), big, true, owner);

        assertProblem(r, 413, orders());
        assertThat(Api.items(service.get("/orders", admin))).hasSize(1);
    }

    @Test
    void a_body_that_is_not_json_is_415() {
        String json = Api.userBody("bob", "Senha@123");

        assertProblem(service.send("POST", "/users", json, "Content-Type", "text/plain"), 415, "/users");
        assertProblem(service.send("POST", orders(), Api.orderBody("Book", 1, 1),
                Api.with(owner, "Content-Type", "application/x-www-form-urlencoded")), 415, orders());
        assertProblem(service.send("PATCH", "/orders/" + order, "{\"item_quantity\":3}", Api.with(owner, "Content-Type", "text/plain")),
                415, "/orders/" + order);
        assertProblem(service.send("PUT", "/users/" + alice + "/password", "{}", Api.with(owner, "Content-Type", "text/plain")),
                415, "/users/" + alice + "/password");
        assertThat(registered()).isEqualTo(ALICE_AND_THE_ADMIN);
        assertThat(service.get("/orders/" + order, owner).json().get("item_quantity").asLong()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nope", "/users/1/nope", "/orders/1/items", "/users/abc", "/orders/abc", "/users/0", "/users/-1",
            "/orders/99999999999999999999", "/users/1.0", "/users/%20", "/users/abc/orders"})
    void an_unknown_route_or_an_id_that_is_no_id_is_404(String path) {
        Response r = service.get(path, owner);

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().path("status").asInt()).isEqualTo(404);
        assertThat(r.json().path("type").asText()).isNotBlank();
        assertThat(r.json().path("title").asText()).isNotBlank();
        assertThat(r.json().path("detail").asText()).isNotBlank();
        assertThat(r.json().path("instance").asText()).isNotBlank();
    }

    @Test
    void a_non_numeric_id_is_404_on_every_method() {
        assertProblem(service.get("/users/abc", owner), 404, "/users/abc");
        assertProblem(service.send("PATCH", "/orders/abc", "{\"item_quantity\":3}", owner), 404, "/orders/abc");
        assertProblem(service.send("DELETE", "/orders/abc", null, owner), 404, "/orders/abc");
        assertProblem(service.send("POST", "/users/abc/orders", Api.orderBody("Book", 1, 1), owner), 404, "/users/abc/orders");
    }

    @Test
    void a_wrong_method_is_405() {
        assertProblem(service.send("PUT", "/orders", "{}", admin), 405, "/orders");
        assertProblem(service.send("DELETE", "/users", null, admin), 405, "/users");
        assertProblem(service.send("POST", "/orders/" + order, Api.orderBody("Book", 1, 1), owner), 405, "/orders/" + order);
        assertProblem(service.send("GET", "/users/" + alice + "/password", null, owner), 405, "/users/" + alice + "/password");
        assertThat(service.get("/orders/" + order, owner).status()).isEqualTo(200);
    }

    @Test
    void a_path_that_jetty_refuses_is_a_problem_too() {
        Response nul = service.get("/users/%00", owner);
        assertThat(nul.status()).isBetween(400, 404);
        assertThat(nul.header("Content-Type")).as("GET /users/%%00: %s", nul.body()).startsWith("application/problem+json");
    }

    @Test
    void headers_too_large_are_431_as_a_problem() {
        Response header = service.send("POST", orders(), Api.orderBody("Book", 1, 1), Api.with(owner, "Idempotency-Key", "k".repeat(10_000)));
        assertThat(header.status()).isEqualTo(431);
        assertThat(header.header("Content-Type")).as("header too large: %s", header.body()).startsWith("application/problem+json");
        assertThat(Api.items(service.get("/orders", admin))).hasSize(1);
    }

    @Test
    void a_405_says_which_methods_are_allowed() {
        Response r = service.send("PUT", "/orders", "{}", admin);

        assertProblem(r, 405, "/orders");
        assertThat(r.header("Allow")).as("Allow header (RFC 9110 15.5.6)").isNotNull();
        assertThat(r.header("Allow")).contains("GET");
    }

    @Test
    void a_head_answers_as_the_get_would_without_the_body() {
        Response missing = service.send("HEAD", "/users/999999", null, admin);
        assertThat(missing.status()).as("HEAD of a missing user").isEqualTo(404);
        assertThat(service.send("HEAD", "/users/abc", null, owner).status()).as("HEAD of a non-numeric id").isEqualTo(404);
        assertThat(service.send("HEAD", "/orders?limit=0", null, admin).status()).as("HEAD of a bad page").isEqualTo(422);

        Response present = service.send("HEAD", "/users/" + alice, null, owner);
        assertThat(present.status()).isEqualTo(200);
        assertThat(present.body()).isEmpty();
        assertThat(present.header("ETag")).as("ETag on HEAD").isEqualTo(service.get("/users/" + alice, owner).header("ETag"));
    }

    @Test
    void head_options_trace_propfind_and_connect_never_get_a_5xx_and_every_refusal_is_a_problem() {
        SoftAssertions soft = new SoftAssertions();
        for (String path : new String[] {"/users/" + alice, "/users", "/orders/" + order, "/nope"}) {
            for (String method : new String[] {"HEAD", "OPTIONS", "TRACE", "PROPFIND"}) {
                Response r = service.send(method, path, null, admin);
                soft.assertThat(r.status()).as("%s %s", method, path).isLessThan(500);
                if (r.status() >= 400) soft.assertThat(r.header("Content-Type")).as("%s %s", method, path).startsWith(Problems.CONTENT_TYPE);
            }
            // java.net.http refuses to send CONNECT, so it goes over a plain socket
            RawHttp.Answer connect = RawHttp.exchange(service.port(),
                    "CONNECT " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + admin[0] + ": " + admin[1] + "\r\nConnection: close\r\n");
            soft.assertThat(connect.status()).as("CONNECT %s", path).isBetween(400, 499);
            soft.assertThat(connect.header("Content-Type")).as("CONNECT %s", path).startsWith(Problems.CONTENT_TYPE);
        }
        soft.assertAll();
    }
}
