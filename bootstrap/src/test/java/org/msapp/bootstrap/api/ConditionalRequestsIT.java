package org.msapp.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.msapp.adapters.http.Api.assertProblem;
import static org.msapp.adapters.http.Api.auth;
import static org.msapp.adapters.http.Api.body;
import static org.msapp.adapters.http.Api.with;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msapp.adapters.http.Api;
import org.msapp.adapters.http.ApiClient.Response;
import org.msapp.bootstrap.TestService;

/**
 * ETag, If-None-Match (304) on reads and If-Match (412 when stale) on changes, for users and orders,
 * each sent by the owner with their bearer token.
 */
class ConditionalRequestsIT {
    private static final String PASSWORD = "Senha@123";
    private TestService service;
    private long alice;
    private String user;
    private String[] owner;

    @BeforeEach
    void start() {
        service = TestService.start();
        alice = service.register("alice", PASSWORD);
        user = "/users/" + alice;
        owner = Api.bearer(service.client, "alice", PASSWORD);
    }

    @AfterEach
    void stop() {
        service.close();
    }

    private Response get(String path, String... headers) {
        return service.get(path, with(owner, headers));
    }

    private Response send(String method, String path, String body, String... headers) {
        return service.send(method, path, body, with(owner, headers));
    }

    @Test
    void a_read_with_a_stale_if_none_match_is_200_with_the_body_and_the_new_etag() {
        String stale = get(user).header("ETag");
        assertThat(send("PATCH", user, body("full_name", "Alice B")).status()).isEqualTo(200);

        Response r = get(user, "If-None-Match", stale);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("full_name").asText()).isEqualTo("Alice B");
        assertThat(r.header("ETag")).isNotEqualTo(stale);
        assertThat(get(user, "If-None-Match", "\"not-a-version\"").status()).isEqualTo(200);
    }

    @Test
    void a_user_patch_with_a_stale_if_match_is_412_and_changes_nothing() {
        String stale = get(user).header("ETag");
        assertThat(send("PATCH", user, body("full_name", "Second")).status()).isEqualTo(200);
        Response before = get(user);

        Response r = send("PATCH", user, body("full_name", "Lost update"), "If-Match", stale);

        assertProblem(r, 412, user);
        Response after = get(user);
        assertThat(after.json()).isEqualTo(before.json());
        assertThat(after.header("ETag")).isEqualTo(before.header("ETag"));
    }

    @Test
    void a_user_patch_with_the_current_if_match_succeeds() {
        String current = get(user).header("ETag");

        Response r = send("PATCH", user, body("full_name", "Checked"), "If-Match", current);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("full_name").asText()).isEqualTo("Checked");
        assertThat(r.header("ETag")).isNotEqualTo(current);
    }

    @Test
    void a_user_delete_with_a_stale_if_match_is_412_and_the_user_stays_then_the_current_one_deletes() {
        String stale = get(user).header("ETag");
        assertThat(send("PATCH", user, body("full_name", "Second")).status()).isEqualTo(200);

        Response r = send("DELETE", user, null, "If-Match", stale);

        assertProblem(r, 412, user);
        assertThat(get(user).status()).isEqualTo(200);
        String current = get(user).header("ETag");
        assertThat(send("DELETE", user, null, "If-Match", current).status()).isEqualTo(204);
        assertThat(service.get(user, Api.admin(service.client)).status()).as("as the administrator sees it").isEqualTo(404);
    }

    @Test
    void a_password_change_with_a_stale_if_match_is_412_and_keeps_the_old_password() {
        String stale = get(user).header("ETag");
        assertThat(send("PATCH", user, body("full_name", "Second")).status()).isEqualTo(200);

        Response r = send("PUT", user + "/password", body("password", PASSWORD, "new_password", "Nova#Senha-1"),
                "If-Match", stale);

        assertProblem(r, 412, user + "/password");
        assertThat(service.send("PATCH", user, body("full_name", "Third"), auth("alice", PASSWORD)).status())
                .as("the old password still works").isEqualTo(200);
        assertThat(send("PATCH", user, body("full_name", "Fourth")).status()).as("and so does the token granted before").isEqualTo(200);
    }

    @Test
    void an_order_patch_with_a_stale_if_match_is_412_and_changes_nothing_the_current_one_succeeds() {
        String order = "/orders/" + Api.placeOrder(service.client, owner, alice, 2, 100);
        String stale = get(order).header("ETag");
        assertThat(send("PATCH", order, body("item_quantity", 3L)).status()).isEqualTo(200);
        Response before = get(order);

        Response r = send("PATCH", order, body("item_quantity", 9L), "If-Match", stale);

        assertProblem(r, 412, order);
        Response after = get(order);
        assertThat(after.json()).isEqualTo(before.json());
        assertThat(after.json().get("total_value").asLong()).isEqualTo(300);
        Response ok = send("PATCH", order, body("item_quantity", 9L), "If-Match", after.header("ETag"));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("total_value").asLong()).isEqualTo(900);
    }

    @Test
    void an_order_delete_with_a_stale_if_match_is_412_and_the_order_stays_then_the_current_one_deletes() {
        String order = "/orders/" + Api.placeOrder(service.client, owner, alice, 2, 100);
        String stale = get(order).header("ETag");
        assertThat(send("PATCH", order, body("item_quantity", 3L)).status()).isEqualTo(200);

        assertProblem(send("DELETE", order, null, "If-Match", stale), 412, order);
        assertThat(get(order).status()).isEqualTo(200);

        String current = get(order).header("ETag");
        assertThat(send("DELETE", order, null, "If-Match", current).status()).isEqualTo(204);
        assertThat(get(order).status()).isEqualTo(404);
    }

    @Test
    void an_if_match_that_is_no_etag_at_all_is_412_never_a_5xx() {
        String order = "/orders/" + Api.placeOrder(service.client, owner, alice, 2, 100);

        assertProblem(send("PATCH", order, body("item_quantity", 3L), "If-Match", "\"garbage\""), 412, order);
        assertProblem(send("PATCH", order, body("item_quantity", 3L), "If-Match", "\"99999999999999999999999\""), 412, order);
        assertThat(get(order).json().get("item_quantity").asLong()).isEqualTo(2);
    }

    @Test
    void an_if_match_listing_the_current_etag_among_others_succeeds() {
        String first = get(user).header("ETag");
        assertThat(send("PATCH", user, body("full_name", "Second")).status()).isEqualTo(200);
        String current = get(user).header("ETag");

        // RFC 9110 13.1.1: the condition holds when any listed entity tag matches
        Response r = send("PATCH", user, body("full_name", "Third"), "If-Match", first + ", " + current);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("full_name").asText()).isEqualTo("Third");
    }

    @Test
    void a_weak_tag_in_if_match_never_matches() {
        Response before = get(user);
        String current = before.header("ETag");

        // RFC 9110 13.1.1: If-Match uses the strong comparison, under which a weak tag matches nothing
        Response r = send("PATCH", user, body("full_name", "Weak"), "If-Match", "W/" + current);

        assertProblem(r, 412, user);
        assertThat(get(user).json().get("full_name")).isEqualTo(before.json().get("full_name"));
    }
}
