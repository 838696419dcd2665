package org.msapp.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.msapp.adapters.http.Api.items;
import static org.msapp.adapters.http.Api.next;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msapp.adapters.http.Api;
import org.msapp.adapters.http.ApiClient.Response;
import org.msapp.bootstrap.TestService;

/**
 * Keyset pages on GET /users, GET /orders and GET /users/{id}/orders: limit, after, next and Link.
 * The lists of everyone are the administrator's to read, a user's orders the owner's.
 */
class PagingApiIT {
    private TestService service;
    /** The administrator's bearer token, once {@link #users} or {@link #admin} has registered it. */
    private String[] admin;

    @BeforeEach
    void start() {
        service = TestService.start();
    }

    @AfterEach
    void stop() {
        service.close();
    }

    /** {@code count} users, the first of them the administrator made at start (who reads the list); their ids, in order. */
    private List<Long> users(int count) {
        List<Long> ids = new ArrayList<>();
        admin = Api.admin(service.client);
        ids.add(Api.idOf(service.client, admin, Api.ADMIN));
        for (int i = 1; i < count; i++) ids.add(service.register("user" + i, "Senha@123"));
        return ids;
    }

    private void admin() {
        admin = Api.admin(service.client);
    }

    /** Follows next from {@code first} with these credentials; returns the sizes of the pages and collects the ids in {@code ids}. */
    private List<Integer> walk(String first, String idField, List<Long> ids, String... auth) {
        List<Integer> sizes = new ArrayList<>();
        Response r = service.get(first, auth);
        for (int guard = 0; guard < 100; guard++) {
            List<JsonNode> items = items(r);
            sizes.add(items.size());
            items.forEach(i -> ids.add(i.get(idField).asLong()));
            String next = next(r);
            if (next == null) return sizes;
            r = Api.follow(service.client, next, auth);
        }
        throw new AssertionError("more than 100 pages from " + first);
    }

    @Test
    void five_users_in_pages_of_two_are_2_2_1_following_next_and_link() {
        List<Long> created = users(5);

        List<Long> seen = new ArrayList<>();
        List<Integer> sizes = walk("/users?limit=2", "user_id", seen, admin);

        assertThat(sizes).containsExactly(2, 2, 1);
        assertThat(seen).containsExactlyElementsOf(created);
    }

    @Test
    void the_first_pages_have_a_next_link_and_the_last_has_next_null_and_no_link_header() {
        users(5);

        Response first = service.get("/users?limit=2", admin);
        assertThat(first.json().get("next").isTextual()).isTrue();
        assertThat(first.header("Link")).isEqualTo("<" + first.json().get("next").asText() + ">; rel=\"next\"");
        Response second = Api.follow(service.client, first.json().get("next").asText(), admin);
        Response third = Api.follow(service.client, second.json().get("next").asText(), admin);

        assertThat(items(third)).hasSize(1);
        assertThat(third.json().get("next").isNull()).as(third.body()).isTrue();
        assertThat(third.header("Link")).isNull();
    }

    @Test
    void a_page_exactly_as_long_as_what_is_left_has_no_next() {
        users(4);

        List<Integer> sizes = walk("/users?limit=2", "user_id", new ArrayList<>(), admin);

        assertThat(sizes).containsExactly(2, 2);
    }

    @Test
    void the_default_limit_is_50() {
        List<Long> created = users(51);

        Response first = service.get("/users", admin);

        assertThat(items(first)).hasSize(50);
        String next = next(first);
        assertThat(next).isNotNull();
        Response second = Api.follow(service.client, next, admin);
        assertThat(items(second)).extracting(u -> u.get("user_id").asLong()).containsExactly(created.get(50));
        assertThat(next(second)).isNull();
    }

    @Test
    void the_limit_may_be_1_or_200() {
        users(3);
        assertThat(items(service.get("/users?limit=1", admin))).hasSize(1);
        assertThat(items(service.get("/users?limit=200", admin))).hasSize(3);
        assertThat(items(service.get("/orders?limit=200", admin))).isEmpty();
    }

    @Test
    void five_orders_in_pages_of_two_are_2_2_1_and_a_users_list_pages_the_same_way() {
        admin();
        long alice = service.register("alice", "Senha@123");
        long bob = service.register("bob", "Senha@123");
        String[] alices = Api.bearer(service.client, "alice", "Senha@123");
        String[] bobs = Api.bearer(service.client, "bob", "Senha@123");
        List<Long> all = new ArrayList<>();
        List<Long> ofAlice = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long owner = i % 2 == 0 ? alice : bob;
            long id = Api.placeOrder(service.client, owner == alice ? alices : bobs, owner, i + 1, 100);
            all.add(id);
            if (owner == alice) ofAlice.add(id);
        }

        List<Long> seen = new ArrayList<>();
        assertThat(walk("/orders?limit=2", "order_id", seen, admin)).containsExactly(2, 2, 1);
        assertThat(seen).containsExactlyElementsOf(all);

        List<Long> seenOfAlice = new ArrayList<>();
        assertThat(walk("/users/" + alice + "/orders?limit=2", "order_id", seenOfAlice, alices)).containsExactly(2, 1);
        assertThat(seenOfAlice).containsExactlyElementsOf(ofAlice);
    }

    @Test
    void the_default_limit_of_orders_is_50() {
        admin();
        long alice = service.register("alice", "Senha@123");
        String[] alices = Api.bearer(service.client, "alice", "Senha@123");
        for (int i = 0; i < 51; i++) Api.placeOrder(service.client, alices, alice, 1, i);

        Response first = service.get("/orders", admin);

        assertThat(items(first)).hasSize(50);
        String next = next(first);
        assertThat(next).isNotNull();
        assertThat(items(Api.follow(service.client, next, admin))).hasSize(1);
        assertThat(items(service.get("/users/" + alice + "/orders", alices))).hasSize(50);
    }
}
