package org.msapp.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msapp.adapters.http.ApiClient.Response;
import org.slf4j.event.KeyValuePair;

/**
 * One access line per request: method, route template, status, duration, request id, caller; never
 * a credential, a query or a body.
 */
class AccessLogIT extends AliceAndHerOrderOnTestServer {
    private LogCapture access;

    @BeforeEach
    void capture() {
        access = LogCapture.of(AccessLog.LOGGER, Level.INFO);
    }

    @AfterEach
    void release() {
        access.close();
    }

    private ILoggingEvent lineOf(String requestId) {
        return access.await("of request " + requestId, e -> requestId.equals(e.getMDCPropertyMap().get(RequestIds.MDC_KEY)));
    }

    private static Map<String, Object> fields(ILoggingEvent e) {
        Map<String, Object> fields = new TreeMap<>();
        for (KeyValuePair pair : e.getKeyValuePairs() == null ? List.<KeyValuePair>of() : e.getKeyValuePairs()) fields.put(pair.key, pair.value);
        return fields;
    }

    @Test
    void an_authenticated_request_is_one_line_with_its_route_template_status_duration_request_id_and_caller() {
        Response r = service.get("/users/" + alice, Api.with(owner, RequestIds.HEADER, "read-alice"));
        assertThat(r.status()).isEqualTo(200);

        ILoggingEvent line = lineOf("read-alice");

        assertThat(line.getLevel()).isEqualTo(Level.INFO);
        assertThat(line.getFormattedMessage()).matches("GET /users/\\{id} 200 \\d+ ms caller " + alice);
        Map<String, Object> fields = fields(line);
        assertThat(fields).containsEntry("method", "GET").containsEntry("route", "/users/{id}").containsEntry("status", 200)
                .containsEntry("caller_id", alice).containsKey("duration_ms");
        assertThat((Long) fields.get("duration_ms")).isNotNegative();
        assertThat(access.events()).filteredOn(e -> "read-alice".equals(e.getMDCPropertyMap().get(RequestIds.MDC_KEY))).hasSize(1);
    }

    @Test
    void a_refused_request_names_its_route_and_no_caller() {
        service.get("/orders/" + order, RequestIds.HEADER, "no-credentials");
        service.send("PATCH", "/orders/" + order, "{\"item_quantity\":0}", Api.with(owner, RequestIds.HEADER, "broken-rule"));

        assertThat(lineOf("no-credentials").getFormattedMessage()).matches("GET /orders/\\{id} 401 \\d+ ms");
        assertThat(fields(lineOf("no-credentials"))).doesNotContainKey("caller_id");
        assertThat(lineOf("broken-rule").getFormattedMessage()).matches("PATCH /orders/\\{id} 422 \\d+ ms caller " + alice);
    }

    @Test
    void a_path_no_route_matches_is_logged_as_sent_without_its_query() {
        service.get("/nothing/here?secret=1", RequestIds.HEADER, "unknown-path");
        service.send("PUT", "/orders", "{}", Api.with(admin, RequestIds.HEADER, "no-such-method"));

        assertThat(lineOf("unknown-path").getFormattedMessage()).matches("GET /nothing/here 404 \\d+ ms");
        assertThat(lineOf("no-such-method").getFormattedMessage()).matches("PUT /orders 405 \\d+ ms");
    }

    @Test
    void a_request_jetty_refuses_is_logged_with_the_id_its_answer_carries() {
        RawHttp.Answer a = RawHttp.exchange(service.port(),
                "GET /users/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 12abc\r\nX-Request-Id: jetty-refused\r\nConnection: close\r\n");

        assertThat(a.status()).isEqualTo(400);
        assertThat(lineOf(a.header(RequestIds.HEADER)).getFormattedMessage()).matches("GET /users/1 400 \\d+ ms");
    }

    @Test
    void no_line_holds_a_credential_a_query_or_a_body() {
        String basic = ApiClient.basic("alice", PASSWORD);
        service.send("PATCH", "/users/" + alice, Api.body("full_name", "Alice Secret-Name"), "Authorization", basic,
                RequestIds.HEADER, "with-basic");
        service.get("/users/" + alice + "?token=query-secret", Api.with(owner, RequestIds.HEADER, "with-bearer"));
        service.send("POST", "/auth/token", Api.body("nick_name", "alice", "password", PASSWORD), RequestIds.HEADER, "log-in");
        service.send("POST", "/users", Api.userBody("eve", "Senha@123-eve"), RequestIds.HEADER, "register-eve");
        for (String id : List.of("with-basic", "with-bearer", "log-in", "register-eve")) lineOf(id);

        List<String> lines = access.events().stream().map(e -> e.getFormattedMessage() + " " + fields(e) + " " + e.getMDCPropertyMap()).toList();
        String bearer = owner[1].substring("Bearer ".length());
        for (String line : lines) {
            assertThat(line).doesNotContain(PASSWORD, basic.substring("Basic ".length()), bearer, "Secret-Name", "query-secret",
                    "Senha@123-eve", "Authorization", "Bearer", "Basic");
        }
    }
}
