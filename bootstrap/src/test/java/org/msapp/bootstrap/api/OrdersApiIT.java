package org.msapp.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.msapp.adapters.http.Api.assertProblem;
import static org.msapp.adapters.http.Api.body;
import static org.msapp.adapters.http.Api.items;
import static org.msapp.adapters.http.Api.orderBody;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msapp.adapters.http.Api;
import org.msapp.adapters.http.ApiClient.Response;
import org.msapp.bootstrap.TestService;

/**
 * Orders over HTTP: place for a user, read, change (total recomputed), delete, list per user; each
 * with the owner's bearer token, the list of everyone's orders and the missing users with the administrator's.
 */
class OrdersApiIT {
    private TestService service;
    private long alice;
    private String[] owner;
    private String[] admin;

    @BeforeEach
    void start() {
        service = TestService.start();
        alice = service.register("alice", "Senha@123");
        owner = Api.bearer(service.client, "alice", "Senha@123");
        admin = Api.admin(service.client);
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void placing_an_order_answers_201_with_location_and_total_value_quantity_times_price() {
        Response r = service.send("POST", "/users/" + alice + "/orders", orderBody("Notebook", 3, 12_345), owner);

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        JsonNode order = r.json();
        long id = order.get("order_id").asLong();
        assertThat(id).isPositive();
        assertThat(r.header("Location")).isEqualTo("/orders/" + id);
        assertThat(r.header("ETag")).isNotBlank();
        List<String> fields = new ArrayList<>();
        order.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("order_id", "user_id", "item_description", "item_quantity", "item_price",
                "total_value", "created_at", "updated_at");
        assertThat(order.get("user_id").asLong()).isEqualTo(alice);
        assertThat(order.get("item_description").asText()).isEqualTo("Notebook");
        assertThat(order.get("item_quantity").asLong()).isEqualTo(3);
        assertThat(order.get("item_price").asLong()).isEqualTo(12_345);
        assertThat(order.get("total_value").isIntegralNumber()).isTrue();
        assertThat(order.get("total_value").asLong()).isEqualTo(37_035);
        assertThat(order.get("created_at").asText()).endsWith("Z");
        Instant.parse(order.get("created_at").asText());
    }

    @Test
    void the_largest_order_has_its_total_exact_in_integer_cents() {
        Response r = service.send("POST", "/users/" + alice + "/orders", orderBody("Jet", 1_000_000, 100_000_000), owner);

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("total_value").isIntegralNumber()).isTrue();
        assertThat(r.json().get("total_value").asLong()).isEqualTo(100_000_000_000_000L);
        assertThat(r.body()).contains("\"total_value\":100000000000000").contains("\"item_price\":100000000");
        Response back = service.get(r.header("Location"), owner);
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.body()).contains("\"total_value\":100000000000000");
    }

    @Test
    void a_price_of_zero_is_a_total_of_zero() {
        Response r = service.send("POST", "/users/" + alice + "/orders", orderBody("Gift", 5, 0), owner);

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("total_value").asLong()).isZero();
    }

    @Test
    void an_order_for_a_missing_user_is_404_and_nothing_is_placed() {
        Response r = service.send("POST", "/users/999999/orders", orderBody("Ghost", 1, 100), admin);

        assertProblem(r, 404, "/users/999999/orders");
        assertThat(items(service.get("/orders", admin))).isEmpty();
    }

    @Test
    void an_order_is_read_back_by_its_location() {
        Response placed = service.send("POST", "/users/" + alice + "/orders", orderBody("Pen", 2, 250), owner);

        Response r = service.get(placed.header("Location"), owner);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json()).isEqualTo(placed.json());
        assertThat(r.header("ETag")).isEqualTo(placed.header("ETag"));
        assertProblem(service.get("/orders/999999", owner), 404, "/orders/999999");
    }

    @Test
    void changing_an_order_recomputes_its_total_and_moves_its_version_on() {
        long id = Api.placeOrder(service.client, owner, alice, 2, 250);
        Response before = service.get("/orders/" + id, owner);

        Response r = service.send("PATCH", "/orders/" + id, body("item_quantity", 7L), owner);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("item_quantity").asLong()).isEqualTo(7);
        assertThat(r.json().get("item_price").asLong()).isEqualTo(250);
        assertThat(r.json().get("total_value").asLong()).isEqualTo(1_750);
        assertThat(r.header("ETag")).isNotBlank().isNotEqualTo(before.header("ETag"));

        Response price = service.send("PATCH", "/orders/" + id, body("item_price", 1_000L, "item_description", "Fountain pen"), owner);
        assertThat(price.status()).as(price.body()).isEqualTo(200);
        assertThat(price.json().get("total_value").asLong()).isEqualTo(7_000);
        assertThat(price.json().get("item_description").asText()).isEqualTo("Fountain pen");
        assertThat(price.json().get("created_at")).isEqualTo(before.json().get("created_at"));

        Response back = service.get("/orders/" + id, owner);
        assertThat(back.json()).isEqualTo(price.json());
        assertThat(back.header("ETag")).isEqualTo(price.header("ETag"));
    }

    @Test
    void a_change_out_of_range_is_422_and_changes_nothing() {
        long id = Api.placeOrder(service.client, owner, alice, 2, 250);

        Response r = service.send("PATCH", "/orders/" + id, body("item_quantity", 1_000_001L), owner);

        assertProblem(r, 422, "/orders/" + id);
        assertThat(Api.errorFields(r)).containsExactly("item_quantity");
        assertThat(service.get("/orders/" + id, owner).json().get("total_value").asLong()).isEqualTo(500);
    }

    @Test
    void changing_a_missing_order_is_404() {
        assertProblem(service.send("PATCH", "/orders/999999", body("item_quantity", 2L), owner), 404, "/orders/999999");
    }

    @Test
    void deleting_an_order_answers_204_and_then_it_is_gone() {
        long id = Api.placeOrder(service.client, owner, alice, 2, 250);

        Response r = service.send("DELETE", "/orders/" + id, null, owner);

        assertThat(r.status()).as(r.body()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
        assertProblem(service.get("/orders/" + id, owner), 404, "/orders/" + id);
        assertThat(items(service.get("/users/" + alice + "/orders", owner))).isEmpty();
        assertProblem(service.send("DELETE", "/orders/" + id, null, owner), 404, "/orders/" + id);
    }

    @Test
    void a_users_list_of_orders_holds_that_users_orders_only() {
        long bob = service.register("bob", "Senha@456");
        String[] bobs = Api.bearer(service.client, "bob", "Senha@456");
        long a1 = Api.placeOrder(service.client, owner, alice, 1, 10);
        long b1 = Api.placeOrder(service.client, bobs, bob, 1, 20);
        long a2 = Api.placeOrder(service.client, owner, alice, 2, 30);

        List<JsonNode> ofAlice = items(service.get("/users/" + alice + "/orders", owner));
        List<JsonNode> ofBob = items(service.get("/users/" + bob + "/orders", bobs));

        assertThat(ofAlice).extracting(o -> o.get("order_id").asLong()).containsExactly(a1, a2);
        assertThat(ofAlice).allSatisfy(o -> assertThat(o.get("user_id").asLong()).isEqualTo(alice));
        assertThat(ofBob).extracting(o -> o.get("order_id").asLong()).containsExactly(b1);
        assertThat(items(service.get("/orders", admin))).extracting(o -> o.get("order_id").asLong()).containsExactly(a1, b1, a2);
    }

    @Test
    void a_user_without_orders_has_an_empty_list() {
        List<JsonNode> none = items(service.get("/users/" + alice + "/orders", owner));
        assertThat(none).isEmpty();
    }

    @Test
    void the_orders_of_a_missing_user_are_404() {
        assertProblem(service.get("/users/999999/orders", admin), 404, "/users/999999/orders");
    }
}
