package org.msapp.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.msapp.adapters.http.Api.auth;
import static org.msapp.adapters.http.Api.body;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msapp.adapters.http.Api;
import org.msapp.adapters.http.ApiClient.Response;
import org.msapp.adapters.http.ApiClient;
import org.msapp.application.port.OutboxEvent;
import org.msapp.bootstrap.Secrets;
import org.msapp.bootstrap.TestService;

/**
 * Through a user's whole life (register, log in for a token, change, new password, orders, delete),
 * no response and no published event holds the password, its stored hash, or (events) the CPF in
 * clear. The user acts with their bearer token where no test of Basic is meant; the lists of
 * everyone are read by the administrator.
 */
class SecretsIT {
    private static final String PASSWORD = "Senha@123-secret";
    private static final String NEW_PASSWORD = "Nova#Senha-secret-456";

    private TestService service;
    private final List<Response> responses = new ArrayList<>();
    private final List<String> hashes = new ArrayList<>();

    @BeforeEach
    void start() {
        service = TestService.start();
    }

    @AfterEach
    void stop() {
        service.close();
    }

    private Response send(String method, String path, String body, String... headers) {
        Response r = service.send(method, path, body, headers);
        responses.add(r);
        return r;
    }

    private String hashOf(long id) {
        String hash = service.storedUser(id).passwordHash().phc();
        hashes.add(hash);
        return hash;
    }

    /** POST /auth/token, recorded; the header pair of the token granted. */
    private String[] token(String body, String... headers) {
        Response r = send("POST", "/auth/token", body, headers);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return new String[] {"Authorization", ApiClient.bearer(r.json().get("access_token").asText())};
    }

    /** Drives the user through every kind of change; returns the id. */
    private long aWholeLife() {
        String[] admin = Api.admin(service.client);
        Response registered = send("POST", "/users", Api.userBody("carol", PASSWORD).replace(Api.CPF, Api.CPF_DIGITS));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        long id = registered.json().get("user_id").asLong();
        String path = "/users/" + id;
        String first = hashOf(id);
        String[] carol = token(body("nick_name", "carol", "password", PASSWORD));
        send("POST", "/auth/token", body("nick_name", "carol", "password", "wrong-" + PASSWORD));   // 401
        send("GET", path, null, carol);
        send("GET", "/users?nick_name=carol", null, carol);
        send("GET", "/users", null, admin);
        assertThat(send("PATCH", path, body("full_name", "Carol C", "email", "carol@example.org"), auth("carol", PASSWORD)).status())
                .isEqualTo(200);
        send("PATCH", path, body("full_name", "Carol X"), auth("carol", "wrong-" + PASSWORD));
        send("PUT", path + "/password", body("password", "wrong-" + PASSWORD, "new_password", NEW_PASSWORD), auth("carol", PASSWORD));
        assertThat(send("PUT", path + "/password", body("password", PASSWORD, "new_password", NEW_PASSWORD), auth("carol", PASSWORD))
                .status()).isEqualTo(204);
        String second = hashOf(id);
        assertThat(second).isNotEqualTo(first);
        send("GET", path, null, carol);   // 401: the token went with the old password
        carol = token(null, auth("carol", NEW_PASSWORD));
        Response order = send("POST", path + "/orders", Api.orderBody("Book", 2, 3_000), carol);
        assertThat(order.status()).isEqualTo(201);
        String orderPath = order.header("Location");
        send("PATCH", orderPath, body("item_quantity", 3L), carol);
        send("POST", path + "/orders", Api.orderBody("Pen", 1, 100), Api.with(carol, "Idempotency-Key", "pen-1"));
        send("POST", path + "/orders", Api.orderBody("Pen", 1, 100), Api.with(carol, "Idempotency-Key", "pen-1"));
        send("GET", path + "/orders", null, carol);
        send("GET", "/orders", null, admin);
        send("DELETE", path, null, auth("carol", NEW_PASSWORD));   // 409: she has orders
        send("DELETE", orderPath, null, carol);
        send("POST", "/users", Api.userBody("carol", PASSWORD));   // 409: taken
        return id;
    }

    @Test
    void no_response_holds_the_password_or_the_stored_hash() {
        aWholeLife();

        assertThat(responses).hasSizeGreaterThan(10);
        assertThat(hashes).hasSize(2);
        Secrets secrets = Secrets.of(Api.CPF_DIGITS, Api.ADMIN_PASSWORD)
                .credentials("carol", PASSWORD).credentials("carol", NEW_PASSWORD);
        hashes.forEach(secrets::hash);
        for (Response r : responses) secrets.assertNoneIn("a response", r.headers().map() + "\n" + r.body());
    }

    @Test
    void no_published_event_holds_the_password_the_hash_or_the_cpf_in_clear() throws InterruptedException {
        long id = aWholeLife();
        // registered (carol, and the administrator), updated, password changed, 2 orders placed, 1 updated, 1 deleted
        Set<String> expected = Set.of("user.registered", "user.updated", "user.password_changed", "order.placed",
                "order.updated", "order.deleted");
        List<OutboxEvent> published = service.events.published();
        for (int i = 0; i < 50 && published.size() < 8; i++) {
            Thread.sleep(100);
            published = service.events.published();
        }

        assertThat(published).as("events published by the relay").hasSizeGreaterThanOrEqualTo(8);
        Set<String> types = published.stream().map(OutboxEvent::type).collect(Collectors.toSet());
        assertThat(types).containsAll(expected);
        assertThat(published).anySatisfy(e -> assertThat(e.subject()).isEqualTo("users/" + id));
        String cpfFormatted = Api.CPF;
        Secrets secrets = Secrets.of(Api.ADMIN_PASSWORD, Api.CPF_DIGITS, cpfFormatted, "$test-sha256$")
                .credentials("carol", PASSWORD).credentials("carol", NEW_PASSWORD).andInAnyCase("password_hash");
        hashes.forEach(secrets::hash);
        for (OutboxEvent e : published) {
            secrets.assertNoneIn("event " + e.type(), e.type() + " " + e.subject() + " " + e.data());
            if (e.data().containsKey("cpf")) assertThat(e.data().get("cpf")).isEqualTo(Api.CPF_MASKED);
        }
    }
}
