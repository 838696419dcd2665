package org.msapp.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What Jetty refuses before Javalin sees it is a problem too, on every method, naming the path that
 * was sent; sent over a plain socket, as java.net.http will not send such requests.
 */
class JettyRefusalsIT {
    private static TestServer service;

    @BeforeAll
    static void start() {
        service = TestServer.start();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static RawHttp.Answer send(String requestLine, String... headerLines) {
        return RawHttp.exchange(service.port(), requestLine + "\r\nHost: 127.0.0.1\r\n" + String.join("", headerLines) + "Connection: close\r\n");
    }

    private static JsonNode json(RawHttp.Answer a) {
        try {
            return Api.JSON.readTree(a.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + new String(a.body(), java.nio.charset.StandardCharsets.UTF_8), e);
        }
    }

    /** A problem with this status, on a connection it says is closing, and the instance it names (null when it names none). */
    private static String problemInstance(SoftAssertions soft, String what, RawHttp.Answer a, int status) {
        soft.assertThat(a.status()).as("%s: status", what).isEqualTo(status);
        soft.assertThat(a.header("Connection")).as("%s: Connection (Jetty closes it after a refusal)", what).isEqualTo("close");
        soft.assertThat(a.header("Content-Type")).as("%s: content type", what).isEqualTo(Problems.CONTENT_TYPE);
        if (a.body().length == 0) {
            soft.fail("%s: no body", what);
            return null;
        }
        JsonNode p = json(a);
        soft.assertThat(p.path("status").asInt()).as("%s: status in the body", what).isEqualTo(status);
        soft.assertThat(p.path("type").asText()).as("%s: type", what).startsWith("/problems/");
        soft.assertThat(p.path("detail").asText()).as("%s: detail", what).isNotBlank();
        return p.has("instance") ? p.get("instance").asText() : null;
    }

    @Test
    void a_malformed_content_length_is_a_problem_naming_the_path_on_every_method() {
        SoftAssertions soft = new SoftAssertions();
        for (String method : new String[] {"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}) {
            for (String path : new String[] {"/users", "/users/1", "/orders/1", "/users/1/password"}) {
                String what = method + " " + path;
                RawHttp.Answer a = send(method + " " + path + "?limit=2 HTTP/1.1", "Content-Length: 12abc\r\n");
                soft.assertThat(problemInstance(soft, what, a, 400)).as("%s: instance", what).isEqualTo(path);
            }
        }
        soft.assertAll();
    }

    @Test
    void a_malformed_content_length_on_head_says_it_is_a_problem_without_a_body() {
        RawHttp.Answer a = send("HEAD /users/1 HTTP/1.1", "Content-Length: -1\r\n");

        assertThat(a.status()).isEqualTo(400);
        assertThat(a.header("Content-Type")).isEqualTo(Problems.CONTENT_TYPE);
        assertThat(a.body()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/users/%", "/users/%zz", "/users/%00", "/orders/%G1/x", "/users/%E4", "/users/1%"})
    void a_path_that_jetty_cannot_decode_is_a_problem_naming_it_as_sent(String path) {
        SoftAssertions soft = new SoftAssertions();
        for (String method : new String[] {"GET", "DELETE", "PATCH"}) {
            String what = method + " " + path;
            RawHttp.Answer a = send(method + " " + path + "?after=x HTTP/1.1", "Content-Length: 0\r\n");
            soft.assertThat(problemInstance(soft, what, a, 400)).as("%s: instance", what).isEqualTo(path);
        }
        soft.assertAll();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /users/1 HTTP/9.9", "G@T /users/1 HTTP/1.1", "GET /users/a b HTTP/1.1", "GET /users/\u0001 HTTP/1.1"})
    void a_request_line_jetty_cannot_read_is_a_problem_that_names_no_path_it_did_not_read(String requestLine) {
        SoftAssertions soft = new SoftAssertions();
        RawHttp.Answer a = send(requestLine);

        soft.assertThat(a.status()).as(requestLine).isBetween(400, 505);
        String instance = problemInstance(soft, requestLine, a, a.status());
        soft.assertThat(instance).as("%s: instance", requestLine).isNull();
        soft.assertAll();
    }

    @Test
    void a_uri_too_long_is_a_problem_that_names_no_path_it_did_not_read() {
        SoftAssertions soft = new SoftAssertions();
        RawHttp.Answer a = send("GET /users/" + "9".repeat(10_000) + " HTTP/1.1");

        soft.assertThat(problemInstance(soft, "a 10 kB path", a, 414)).as("instance").isNull();
        soft.assertAll();
    }
}
