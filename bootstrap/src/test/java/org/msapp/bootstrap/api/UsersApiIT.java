package org.msapp.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.msapp.adapters.http.Api.assertProblem;
import static org.msapp.adapters.http.Api.auth;
import static org.msapp.adapters.http.Api.body;
import static org.msapp.adapters.http.Api.errorFields;
import static org.msapp.adapters.http.Api.items;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msapp.adapters.http.Api;
import org.msapp.adapters.http.ApiClient.Response;
import org.msapp.bootstrap.Secrets;
import org.msapp.bootstrap.TestService;

/**
 * /users over HTTP: register, read, find by nick name, change (owner's Basic credentials), change
 * the password, delete. Reads go with the owner's bearer token, the lists of everyone with the
 * administrator's. After every test, no response seen held a password or a password hash.
 */
class UsersApiIT {
    private static final String PASSWORD = "Senha@123-alice";
    private static final String BOB_PASSWORD = "Senha@456-bob";
    private static final String NEW_PASSWORD = "Nova#Senha-789";

    private TestService service;
    private final List<Response> seen = new ArrayList<>();
    private final Set<String> hashes = new HashSet<>();

    @BeforeEach
    void start() {
        service = TestService.start();
    }

    @AfterEach
    void no_response_held_a_password_or_a_hash() {
        try {
            service.storedUsers().forEach(u -> hashes.add(u.passwordHash().phc()));
            assertThat(hashes).as("the test saw users").isNotEmpty();
            Secrets secrets = Secrets.of(PASSWORD, BOB_PASSWORD, NEW_PASSWORD, Api.ADMIN_PASSWORD, "$test-sha256$")
                    .andInAnyCase("password_hash");
            hashes.forEach(secrets::hash);
            for (Response r : seen) secrets.assertNoneIn("a response", r.headers().map() + "\n" + r.body());
        } finally {
            service.close();
        }
    }

    private Response send(String method, String path, String body, String... headers) {
        Response r = service.send(method, path, body, headers);
        seen.add(r);
        return r;
    }

    private Response get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    private long register(String nickName, String password) {
        Response r = send("POST", "/users", Api.userBody(nickName, password));
        assertThat(r.status()).as("register %s: %s", nickName, r.body()).isEqualTo(201);
        long id = r.json().get("user_id").asLong();
        hashes.add(service.storedUser(id).passwordHash().phc());
        return id;
    }

    /** The header pair of the administrator's bearer token. */
    private String[] admin() {
        return Api.admin(service.client);
    }

    private String[] alice() {
        return Api.bearer(service.client, "alice", PASSWORD);
    }

    @Test
    void registering_answers_201_with_location_etag_and_a_snake_case_view_with_the_cpf_masked() {
        Instant before = Instant.now().minusSeconds(1);
        Response r = send("POST", "/users", Api.userBody("alice", PASSWORD));

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        JsonNode user = r.json();
        long id = user.get("user_id").asLong();
        assertThat(id).isPositive();
        assertThat(r.header("Location")).isEqualTo("/users/" + id);
        assertThat(r.header("ETag")).isNotBlank().startsWith("\"").endsWith("\"");
        List<String> fields = new ArrayList<>();
        user.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("user_id", "nick_name", "full_name", "cpf", "email", "phone_number",
                "roles", "created_at", "updated_at");
        assertThat(user.get("roles").isArray() && user.get("roles").isEmpty()).as("roles: %s", user.get("roles")).isTrue();
        assertThat(user.get("nick_name").asText()).isEqualTo("alice");
        assertThat(user.get("full_name").asText()).isEqualTo("Test alice");
        assertThat(user.get("email").asText()).isEqualTo("alice@example.com");
        assertThat(user.get("phone_number").asText()).isEqualTo("+55 11 91234-5678");
        assertThat(user.get("cpf").asText()).isEqualTo(Api.CPF_MASKED);
        assertThat(r.body()).doesNotContain(Api.CPF_DIGITS).doesNotContain(Api.CPF);
        assertThat(user.get("created_at").asText()).endsWith("Z");
        Instant created = Instant.parse(user.get("created_at").asText());
        assertThat(created).isAfter(before).isBefore(Instant.now().plusSeconds(1));
        assertThat(Instant.parse(user.get("updated_at").asText())).isEqualTo(created);
        hashes.add(service.storedUser(id).passwordHash().phc());
    }

    @Test
    void a_registered_user_is_read_back_by_id_with_the_etag_it_was_created_with() {
        Response created = send("POST", "/users", Api.userBody("alice", PASSWORD));
        long id = created.json().get("user_id").asLong();

        Response r = get("/users/" + id, alice());

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.json()).isEqualTo(created.json());
        assertThat(r.header("ETag")).isEqualTo(created.header("ETag"));
    }

    @Test
    void a_missing_user_is_404() {
        register("alice", PASSWORD);
        assertProblem(get("/users/999999", admin()), 404, "/users/999999");
    }

    @Test
    void a_nick_name_is_found_whatever_its_case_as_a_one_item_page() {
        long alice = register("alice", PASSWORD);
        register("bob", BOB_PASSWORD);

        Response r = get("/users?nick_name=ALICE", alice());   // their own, in another case

        List<JsonNode> items = items(r);
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("user_id").asLong()).isEqualTo(alice);
        assertThat(items.get(0).get("nick_name").asText()).isEqualTo("alice");
        assertThat(r.json().get("next").isNull()).isTrue();
        assertThat(r.header("Link")).isNull();
        assertThat(items(get("/users?nick_name=carol", admin()))).isEmpty();
    }

    @Test
    void a_nick_name_taken_in_another_case_is_a_conflict() {
        register("alice", PASSWORD);
        String[] admin = admin();

        Response r = send("POST", "/users", Api.userBody("ALICE", BOB_PASSWORD));

        assertProblem(r, 409, "/users");
        assertThat(items(get("/users", admin))).extracting(u -> u.get("nick_name").asText())
                .as("the administrator who lists them and alice, no one else").containsExactly(Api.ADMIN, "alice");
    }

    @Test
    void the_owner_changes_fields_with_basic_credentials_and_the_version_moves_on() {
        long id = register("alice", PASSWORD);
        Response before = get("/users/" + id, alice());

        Response r = send("PATCH", "/users/" + id, body("full_name", "Alice Liddell", "email", "alice@wonder.land",
                "phone_number", "(11) 5555-0000"), auth("alice", PASSWORD));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode user = r.json();
        assertThat(user.get("full_name").asText()).isEqualTo("Alice Liddell");
        assertThat(user.get("email").asText()).isEqualTo("alice@wonder.land");
        assertThat(user.get("phone_number").asText()).isEqualTo("(11) 5555-0000");
        assertThat(user.get("nick_name").asText()).isEqualTo("alice");
        assertThat(user.get("cpf").asText()).isEqualTo(Api.CPF_MASKED);
        assertThat(user.get("created_at")).isEqualTo(before.json().get("created_at"));
        assertThat(Instant.parse(user.get("updated_at").asText()))
                .isAfterOrEqualTo(Instant.parse(before.json().get("updated_at").asText()));
        assertThat(r.header("ETag")).isNotBlank().isNotEqualTo(before.header("ETag"));
        assertThat(Long.parseLong(r.header("ETag").replace("\"", "")))
                .isEqualTo(Long.parseLong(before.header("ETag").replace("\"", "")) + 1);

        Response after = get("/users/" + id, alice());
        assertThat(after.json()).isEqualTo(user);
        assertThat(after.header("ETag")).isEqualTo(r.header("ETag"));
    }

    @Test
    void a_new_nick_name_is_the_one_to_log_in_with_afterwards() {
        long id = register("alice", PASSWORD);

        Response r = send("PATCH", "/users/" + id, body("nick_name", "alice2"), auth("alice", PASSWORD));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("nick_name").asText()).isEqualTo("alice2");
        assertThat(send("PATCH", "/users/" + id, body("full_name", "A"), auth("alice", PASSWORD)).status()).isEqualTo(401);
        assertThat(send("PATCH", "/users/" + id, body("full_name", "A"), auth("alice2", PASSWORD)).status()).isEqualTo(200);
    }

    @Test
    void of_sixteen_concurrent_registrations_of_one_nick_name_exactly_one_is_201_and_fifteen_are_409() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(16);
        CyclicBarrier together = new CyclicBarrier(16);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String nick = i % 2 == 0 ? "racer" : "RACER";
            statuses.add(clients.submit(() -> {
                together.await(10, TimeUnit.SECONDS);
                return service.send("POST", "/users", Api.userBody(nick, PASSWORD)).status();
            }));
        }
        List<Integer> seenStatuses = new ArrayList<>();
        for (Future<Integer> f : statuses) seenStatuses.add(f.get(30, TimeUnit.SECONDS));
        clients.shutdown();

        assertThat(seenStatuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(seenStatuses).filteredOn(s -> s == 409).hasSize(15);
        assertThat(service.storedUsers()).extracting(u -> u.nickName().key()).containsExactly(Api.ADMIN, "racer");
    }

    @Test
    void a_change_to_a_nick_name_taken_in_another_case_is_a_conflict() {
        long id = register("alice", PASSWORD);
        register("bob", BOB_PASSWORD);

        Response r = send("PATCH", "/users/" + id, body("nick_name", "BOB"), auth("alice", PASSWORD));

        assertProblem(r, 409, "/users/" + id);
        assertThat(get("/users/" + id, alice()).json().get("nick_name").asText()).isEqualTo("alice");
    }

    @Test
    void owner_operations_without_credentials_are_401_with_a_bearer_and_a_basic_challenge() {
        long id = register("alice", PASSWORD);
        String path = "/users/" + id;

        List<Response> answers = List.of(
                send("PATCH", path, body("full_name", "Mallory")),
                send("PUT", path + "/password", body("password", PASSWORD, "new_password", NEW_PASSWORD)),
                send("DELETE", path, null));

        for (Response r : answers) {
            assertProblem(r, 401, r == answers.get(1) ? path + "/password" : path);
            assertThat(r.header("WWW-Authenticate")).as("challenge").isEqualTo(Api.CHALLENGE);
        }
        Response still = get(path, alice());
        assertThat(still.status()).isEqualTo(200);
        assertThat(still.json().get("full_name").asText()).isEqualTo("Test alice");
        assertThat(send("PATCH", path, body("full_name", "A"), auth("alice", PASSWORD)).status()).as("old password kept").isEqualTo(200);
    }

    @Test
    void a_change_with_a_wrong_password_is_401_and_changes_nothing() {
        long id = register("alice", PASSWORD);

        Response r = send("PATCH", "/users/" + id, body("full_name", "Mallory"), auth("alice", PASSWORD + "x"));

        assertProblem(r, 401, "/users/" + id);
        assertThat(r.header("WWW-Authenticate")).isEqualTo(Api.CHALLENGE);
        assertThat(get("/users/" + id, alice()).json().get("full_name").asText()).isEqualTo("Test alice");
        assertProblem(send("PATCH", "/users/" + id, body("full_name", "Mallory"), auth("nobody", PASSWORD)), 401, "/users/" + id);
        assertProblem(send("PATCH", "/users/" + id, body("full_name", "Mallory"), "Authorization", "Basic !!not-base64!!"),
                401, "/users/" + id);
    }

    @Test
    void someone_elses_valid_credentials_are_403_and_change_nothing() {
        long alice = register("alice", PASSWORD);
        register("bob", BOB_PASSWORD);
        String path = "/users/" + alice;

        assertProblem(send("PATCH", path, body("full_name", "Bob was here"), auth("bob", BOB_PASSWORD)), 403, path);
        assertProblem(send("PUT", path + "/password", body("password", PASSWORD, "new_password", NEW_PASSWORD),
                auth("bob", BOB_PASSWORD)), 403, path + "/password");
        assertProblem(send("DELETE", path, null, auth("bob", BOB_PASSWORD)), 403, path);

        Response still = get(path, alice());
        assertThat(still.status()).isEqualTo(200);
        assertThat(still.json().get("full_name").asText()).isEqualTo("Test alice");
        assertThat(send("PATCH", path, body("full_name", "A"), auth("alice", PASSWORD)).status()).isEqualTo(200);
    }

    @Test
    void changing_the_password_makes_the_old_one_fail_and_the_new_one_work() {
        long id = register("alice", PASSWORD);
        String path = "/users/" + id;

        Response r = send("PUT", path + "/password", body("password", PASSWORD, "new_password", NEW_PASSWORD),
                auth("alice", PASSWORD));

        assertThat(r.status()).as(r.body()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
        hashes.add(service.storedUser(id).passwordHash().phc());
        Response old = send("PATCH", path, body("full_name", "Old"), auth("alice", PASSWORD));
        assertProblem(old, 401, path);
        Response fresh = send("PATCH", path, body("full_name", "New"), auth("alice", NEW_PASSWORD));
        assertThat(fresh.status()).as(fresh.body()).isEqualTo(200);
        assertThat(fresh.json().get("full_name").asText()).isEqualTo("New");
    }

    @Test
    void a_wrong_current_password_in_the_body_is_422_on_the_password_field_and_keeps_the_old_one() {
        long id = register("alice", PASSWORD);
        String path = "/users/" + id + "/password";

        Response r = send("PUT", path, body("password", "not-" + PASSWORD, "new_password", NEW_PASSWORD), auth("alice", PASSWORD));

        assertProblem(r, 422, path);
        assertThat(errorFields(r)).containsExactly("password");
        assertThat(send("PATCH", "/users/" + id, body("full_name", "A"), auth("alice", PASSWORD)).status()).isEqualTo(200);
        assertThat(send("PATCH", "/users/" + id, body("full_name", "A"), auth("alice", NEW_PASSWORD)).status()).isEqualTo(401);
    }

    @Test
    void a_new_password_that_breaks_the_rules_is_422_on_new_password() {
        long id = register("alice", PASSWORD);
        String path = "/users/" + id + "/password";

        Response r = send("PUT", path, body("password", PASSWORD, "new_password", "short"), auth("alice", PASSWORD));

        assertProblem(r, 422, path);
        assertThat(errorFields(r)).containsExactly("new_password");
    }

    @Test
    void deleting_a_user_answers_204_and_then_the_user_is_gone() {
        String[] admin = Api.admin(service.client);
        long root = Api.idOf(service.client, admin, Api.ADMIN);
        long id = register("alice", PASSWORD);
        long bob = register("bob", BOB_PASSWORD);

        Response r = send("DELETE", "/users/" + id, null, auth("alice", PASSWORD));

        assertThat(r.status()).as(r.body()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
        assertProblem(get("/users/" + id, admin), 404, "/users/" + id);
        assertThat(items(get("/users?nick_name=alice", admin))).isEmpty();
        assertThat(items(get("/users", admin))).extracting(u -> u.get("user_id").asLong())
                .as("bob, and the administrator who lists them").containsExactly(root, bob);
        assertThat(send("POST", "/users", Api.userBody("alice", PASSWORD)).status()).as("the nick name is free again").isEqualTo(201);
    }

    @Test
    void a_user_with_orders_cannot_be_deleted_until_the_orders_are() {
        long id = register("alice", PASSWORD);
        String[] alice = alice();
        long order = Api.placeOrder(service.client, alice, id, 2, 150);

        Response r = send("DELETE", "/users/" + id, null, auth("alice", PASSWORD));

        assertProblem(r, 409, "/users/" + id);
        assertThat(get("/users/" + id, alice).status()).isEqualTo(200);
        assertThat(send("DELETE", "/orders/" + order, null, alice).status()).isEqualTo(204);
        assertThat(send("DELETE", "/users/" + id, null, auth("alice", PASSWORD)).status()).isEqualTo(204);
    }

    @Test
    void a_password_with_a_colon_or_non_ascii_letters_works_in_basic_credentials() {
        long colon = register("carol", "Sen:ha@123:x");
        long accents = register("dave", "Señha@çãõ-123");

        assertThat(send("PATCH", "/users/" + colon, body("full_name", "Carol"), auth("carol", "Sen:ha@123:x")).status()).isEqualTo(200);
        assertThat(send("PATCH", "/users/" + accents, body("full_name", "Dave"), auth("dave", "Señha@çãõ-123")).status()).isEqualTo(200);
        assertThat(send("PATCH", "/users/" + colon, body("full_name", "X"), auth("carol", "Sen")).status()).isEqualTo(401);
    }
}
