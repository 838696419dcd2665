package org.msapp.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.msapp.bootstrap.api.Api.assertProblem;
import static org.msapp.bootstrap.api.Api.auth;
import static org.msapp.bootstrap.api.Api.body;
import static org.msapp.bootstrap.api.Api.with;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msapp.bootstrap.TestService;
import org.msapp.bootstrap.TestService.Response;

/** ETag, If-None-Match (304) on reads and If-Match (412 when stale) on changes, for users and orders. */
class ConditionalRequestsIT {
    private static final String PASSWORD = "Senha@123";
    private TestService service;
    private long alice;
    private String user;

    @BeforeEach
    void start() {
        service = TestService.start();
        alice = service.register("alice", PASSWORD);
        user = "/users/" + alice;
    }

    @AfterEach
    void stop() {
        service.close();
    }

    private String[] owner() {
        return auth("alice", PASSWORD);
    }

    @Test
    void a_read_with_if_none_match_equal_to_the_etag_is_304_without_a_body() {
        String order = "/orders/" + Api.placeOrder(service, alice, 1, 100);
        for (String path : new String[] {user, order}) {
            String etag = service.get(path).header("ETag");
            assertThat(etag).as(path).isNotBlank();

            Response r = service.get(path, "If-None-Match", etag);

            assertThat(r.status()).as(path).isEqualTo(304);
            assertThat(r.body()).as(path).isEmpty();
            assertThat(r.header("ETag")).as(path).isEqualTo(etag);
        }
    }

    @Test
    void a_read_with_a_stale_if_none_match_is_200_with_the_body_and_the_new_etag() {
        String stale = service.get(user).header("ETag");
        assertThat(service.send("PATCH", user, body("full_name", "Alice B"), owner()).status()).isEqualTo(200);

        Response r = service.get(user, "If-None-Match", stale);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("full_name").asText()).isEqualTo("Alice B");
        assertThat(r.header("ETag")).isNotEqualTo(stale);
        assertThat(service.get(user, "If-None-Match", "\"not-a-version\"").status()).isEqualTo(200);
    }

    @Test
    void a_user_patch_with_a_stale_if_match_is_412_and_changes_nothing() {
        String stale = service.get(user).header("ETag");
        assertThat(service.send("PATCH", user, body("full_name", "Second"), owner()).status()).isEqualTo(200);
        Response before = service.get(user);

        Response r = service.send("PATCH", user, body("full_name", "Lost update"), with(owner(), "If-Match", stale));

        assertProblem(r, 412, user);
        Response after = service.get(user);
        assertThat(after.json()).isEqualTo(before.json());
        assertThat(after.header("ETag")).isEqualTo(before.header("ETag"));
    }

    @Test
    void a_user_patch_with_the_current_if_match_succeeds() {
        String current = service.get(user).header("ETag");

        Response r = service.send("PATCH", user, body("full_name", "Checked"), with(owner(), "If-Match", current));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("full_name").asText()).isEqualTo("Checked");
        assertThat(r.header("ETag")).isNotEqualTo(current);
    }

    @Test
    void a_user_delete_with_a_stale_if_match_is_412_and_the_user_stays_then_the_current_one_deletes() {
        String stale = service.get(user).header("ETag");
        assertThat(service.send("PATCH", user, body("full_name", "Second"), owner()).status()).isEqualTo(200);

        Response r = service.send("DELETE", user, null, with(owner(), "If-Match", stale));

        assertProblem(r, 412, user);
        assertThat(service.get(user).status()).isEqualTo(200);
        String current = service.get(user).header("ETag");
        assertThat(service.send("DELETE", user, null, with(owner(), "If-Match", current)).status()).isEqualTo(204);
        assertThat(service.get(user).status()).isEqualTo(404);
    }

    @Test
    void a_password_change_with_a_stale_if_match_is_412_and_keeps_the_old_password() {
        String stale = service.get(user).header("ETag");
        assertThat(service.send("PATCH", user, body("full_name", "Second"), owner()).status()).isEqualTo(200);

        Response r = service.send("PUT", user + "/password", body("password", PASSWORD, "new_password", "Nova#Senha-1"),
                with(owner(), "If-Match", stale));

        assertProblem(r, 412, user + "/password");
        assertThat(service.send("PATCH", user, body("full_name", "Third"), owner()).status()).isEqualTo(200);
    }

    @Test
    void an_order_patch_with_a_stale_if_match_is_412_and_changes_nothing_the_current_one_succeeds() {
        String order = "/orders/" + Api.placeOrder(service, alice, 2, 100);
        String stale = service.get(order).header("ETag");
        assertThat(service.send("PATCH", order, body("item_quantity", 3L)).status()).isEqualTo(200);
        Response before = service.get(order);

        Response r = service.send("PATCH", order, body("item_quantity", 9L), "If-Match", stale);

        assertProblem(r, 412, order);
        Response after = service.get(order);
        assertThat(after.json()).isEqualTo(before.json());
        assertThat(after.json().get("total_value").asLong()).isEqualTo(300);
        Response ok = service.send("PATCH", order, body("item_quantity", 9L), "If-Match", after.header("ETag"));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("total_value").asLong()).isEqualTo(900);
    }

    @Test
    void an_order_delete_with_a_stale_if_match_is_412_and_the_order_stays_then_the_current_one_deletes() {
        String order = "/orders/" + Api.placeOrder(service, alice, 2, 100);
        String stale = service.get(order).header("ETag");
        assertThat(service.send("PATCH", order, body("item_quantity", 3L)).status()).isEqualTo(200);

        assertProblem(service.send("DELETE", order, null, "If-Match", stale), 412, order);
        assertThat(service.get(order).status()).isEqualTo(200);

        String current = service.get(order).header("ETag");
        assertThat(service.send("DELETE", order, null, "If-Match", current).status()).isEqualTo(204);
        assertThat(service.get(order).status()).isEqualTo(404);
    }

    @Test
    void an_if_match_that_is_no_etag_at_all_is_412_never_a_5xx() {
        String order = "/orders/" + Api.placeOrder(service, alice, 2, 100);

        assertProblem(service.send("PATCH", order, body("item_quantity", 3L), "If-Match", "\"garbage\""), 412, order);
        assertProblem(service.send("PATCH", order, body("item_quantity", 3L), "If-Match", "\"99999999999999999999999\""), 412, order);
        assertThat(service.get(order).json().get("item_quantity").asLong()).isEqualTo(2);
    }

    @Test
    void an_if_match_listing_the_current_etag_among_others_succeeds() {
        String first = service.get(user).header("ETag");
        assertThat(service.send("PATCH", user, body("full_name", "Second"), owner()).status()).isEqualTo(200);
        String current = service.get(user).header("ETag");

        // RFC 9110 13.1.1: the condition holds when any listed entity tag matches
        Response r = service.send("PATCH", user, body("full_name", "Third"), with(owner(), "If-Match", first + ", " + current));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("full_name").asText()).isEqualTo("Third");
    }

    @Test
    void a_weak_tag_in_if_match_never_matches() {
        Response before = service.get(user);
        String current = before.header("ETag");

        // RFC 9110 13.1.1: If-Match uses the strong comparison, under which a weak tag matches nothing
        Response r = service.send("PATCH", user, body("full_name", "Weak"), with(owner(), "If-Match", "W/" + current));

        assertProblem(r, 412, user);
        assertThat(service.get(user).json().get("full_name")).isEqualTo(before.json().get("full_name"));
    }
}
