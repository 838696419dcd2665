package org.msapp.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.msapp.bootstrap.TutorialDatabase.ADOPTED;
import static org.msapp.bootstrap.TutorialDatabase.CFFI_DEFAULT_HASH;
import static org.msapp.bootstrap.TutorialDatabase.CFFI_OTHER_HASH;
import static org.msapp.bootstrap.TutorialDatabase.MS1_STARTED;
import static org.msapp.bootstrap.TutorialDatabase.PASSWORD;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.msapp.adapters.http.Api;
import org.msapp.adapters.http.ApiClient.Response;
import org.msapp.adapters.http.ApiClient;
import org.msapp.adapters.postgres.PostgresSettings;
import org.msapp.adapters.postgres.TestDatabase;
import org.msapp.domain.user.Cpf;

/**
 * The service adopts, in place, a database that the MS-Application tutorial created and filled: its
 * own DDL, its rows as its workers wrote them (zone-less times frozen at worker start, NULL times,
 * unvalidated CPF, email and phone, argon2-cffi hashes). The real service starts on it, with the real
 * argon2 hasher, and serves and changes those rows.
 */
class TutorialDatabaseAdoptionIT {
    /** 123.456.789-09 would be valid: the tutorial never checked. */
    private static final String INVALID_CPF = "12345678900";
    private static final String EMAIL_WITHOUT_DOMAIN = "ana.souza";
    private static final String FREE_TEXT_PHONE = "(11) 98765-4321 ligar depois das 18h";
    private static final String MS1_STARTED_UTC = "2022-06-14T18:32:05.123456Z";
    /** The orders worker (MS2) started a little later. */
    private static final String MS2_STARTED = "2022-06-14 18:32:07.5";
    private static final String MS2_STARTED_UTC = "2022-06-14T18:32:07.500Z";

    private TutorialDatabase tutorial;
    private ApiClient client;

    @AfterEach
    void cleanUp() {
        if (tutorial != null) tutorial.close();
    }

    @Test
    void a_database_the_tutorial_filled_is_adopted_in_place() {
        tutorial = new TutorialDatabase("adopt");
        TestDatabase db = tutorial.db;
        PostgresSettings settings = tutorial.settings;
        db.execute("""
                INSERT INTO users (nick_name, password, full_name, cpf, email, phone_number, created_at, updated_at)
                VALUES ('ana', '%s', 'Ana Souza', '%s', '%s', '%s', '%s', '%s')"""
                .formatted(CFFI_DEFAULT_HASH, INVALID_CPF, EMAIL_WITHOUT_DOMAIN, FREE_TEXT_PHONE, MS1_STARTED, MS1_STARTED));
        db.execute("""
                INSERT INTO users (nick_name, password, full_name, cpf, email, phone_number, created_at, updated_at)
                VALUES ('bruno', '%s', 'Bruno Lima', '52998224725', 'bruno@example.com', '11 91234-5678', '%s', '%s')"""
                .formatted(CFFI_OTHER_HASH, MS1_STARTED, MS1_STARTED));
        db.execute("""
                INSERT INTO users (nick_name, password, full_name, cpf, email, phone_number, created_at, updated_at)
                VALUES ('carla', '%s', 'Carla Dias', '39053344705', 'carla@example.com', '+55 21 3333-4444', NULL, NULL)"""
                .formatted(CFFI_DEFAULT_HASH));
        long ana = db.one("SELECT user_id::bigint FROM users WHERE nick_name = 'ana'");
        long bruno = db.one("SELECT user_id::bigint FROM users WHERE nick_name = 'bruno'");
        long carla = db.one("SELECT user_id::bigint FROM users WHERE nick_name = 'carla'");
        db.execute("""
                INSERT INTO orders (user_id, item_description, item_quantity, item_price, total_value, created_at, updated_at)
                VALUES (%1$d, 'Notebook Dell Inspiron', 2, 350000, 700000, '%3$s', '%3$s'),
                       (%1$d, 'Mouse sem fio', 3, 4990, 14970, '%3$s', '%3$s'),
                       (%2$d, 'Cadeira de escritório', 1, 89900, 89900, '%3$s', NULL)"""
                .formatted(ana, bruno, MS2_STARTED));
        List<Long> oldOrders = db.column("SELECT order_id::bigint FROM orders ORDER BY order_id");
        assertThat(oldOrders).as("the tutorial's three orders were written").hasSize(3);
        long notebook = oldOrders.get(0), mouse = oldOrders.get(1), chair = oldOrders.get(2);

        Instant beforeStart = Instant.now();
        client = tutorial.start();
        Instant afterStart = Instant.now();

        // the migrations succeeded
        assertThat(tutorial.report).as("the start-up report names the adopted database").anyMatch(line ->
                line.startsWith("[✓] Postgres ") && line.endsWith(settings.where()));
        assertThat(tutorial.history())
                .as("flyway_schema_history: the tutorial's schema baselined below V1, then V1 to V6 applied successfully")
                .containsExactly(ADOPTED, "1:SQL:true", "2:SQL:true", "3:SQL:true", "4:SQL:true", "5:SQL:true", "6:SQL:true");

        // every old row is served: the whole list, to the administrator made at start (ADMIN_BOOTSTRAP_*)
        String rootToken = token("root", PASSWORD);
        JsonNode users = ok(client.send("GET", "/users", null, bearer(rootToken)), "GET /users as the administrator root");
        Map<Long, JsonNode> listed = byId(users.get("items"), "user_id");
        assertThat(listed.keySet()).as("GET /users lists the tutorial's three users and root").hasSize(4).contains(ana, bruno, carla);
        assertAna(listed.get(ana), "Ana Souza", "GET /users, ana");
        assertOldUser(listed.get(bruno), "bruno", "Bruno Lima", "***.982.247-**", "bruno@example.com", "11 91234-5678",
                "GET /users, bruno");
        assertThat(listed.get(bruno).get("created_at").asText()).as("bruno's created_at, the tutorial's zone-less time read as UTC")
                .isEqualTo(MS1_STARTED_UTC);
        JsonNode carlaView = listed.get(carla);
        assertOldUser(carlaView, "carla", "Carla Dias", "***.533.447-**", "carla@example.com", "+55 21 3333-4444",
                "GET /users, carla");
        Instant carlaCreated = Instant.parse(carlaView.get("created_at").asText());
        assertThat(carlaCreated).as("carla's NULL created_at is filled with the time of the migration")
                .isBetween(beforeStart.minusSeconds(2), afterStart.plusSeconds(2));
        assertThat(carlaView.get("updated_at").asText()).as("carla's NULL updated_at is filled with her created_at")
                .isEqualTo(carlaView.get("created_at").asText());
        assertThat(users.toString()).as("no response carries a password hash or the CPF in clear")
                .doesNotContain("$argon2").doesNotContain(INVALID_CPF);

        // the old users get tokens with their tutorial password, whichever argon2 parameters hashed it
        String anaToken = token("ana", PASSWORD);
        String brunoToken = token("bruno", PASSWORD);

        // and read themselves and their orders
        assertAna(ok(client.send("GET", "/users/" + ana, null, bearer(anaToken)), "GET /users/" + ana + " as ana"), "Ana Souza",
                "GET /users/{ana} as ana");
        assertThat(ok(client.send("GET", "/users/" + bruno, null, bearer(brunoToken)), "GET /users/" + bruno + " as bruno")
                .get("nick_name").asText()).as("bruno reads himself").isEqualTo("bruno");
        assertOrder(ok(client.send("GET", "/orders/" + notebook, null, bearer(anaToken)), "GET /orders/" + notebook + " as ana"),
                notebook, ana, "Notebook Dell Inspiron", 2, 350000, 700000, MS2_STARTED_UTC, MS2_STARTED_UTC);
        assertOrder(ok(client.send("GET", "/orders/" + mouse, null, bearer(anaToken)), "GET /orders/" + mouse + " as ana"),
                mouse, ana, "Mouse sem fio", 3, 4990, 14970, MS2_STARTED_UTC, MS2_STARTED_UTC);
        assertOrder(ok(client.send("GET", "/orders/" + chair, null, bearer(brunoToken)), "GET /orders/" + chair + " as bruno"),
                chair, bruno, "Cadeira de escritório", 1, 89900, 89900, MS2_STARTED_UTC,
                MS2_STARTED_UTC /* NULL updated_at filled with created_at */);
        assertThat(ids(ok(client.send("GET", "/users/" + ana + "/orders", null, bearer(anaToken)), "GET /users/{ana}/orders"), "order_id"))
                .as("ana's orders, as the tutorial wrote them").containsExactly(notebook, mouse);
        assertThat(ids(ok(client.send("GET", "/users/" + bruno + "/orders", null, bearer(brunoToken)), "GET /users/{bruno}/orders"),
                "order_id")).as("bruno's orders").containsExactly(chair);
        assertThat(ids(ok(client.send("GET", "/orders", null, bearer(rootToken)), "GET /orders as root"), "order_id"))
                .as("GET /orders lists every order of the tutorial").containsExactly(notebook, mouse, chair);

        // ana changes her name; her old CPF and email, which today's rules refuse, stay as they are
        Response patched = client.send("PATCH", "/users/" + ana, "{\"full_name\":\"Ana Souza Lima\"}", bearer(anaToken));
        JsonNode afterPatch = ok(patched, "PATCH /users/{ana} full_name, as ana");
        assertAna(afterPatch, "Ana Souza Lima", "the PATCH's answer");
        assertThat(Instant.parse(afterPatch.get("updated_at").asText())).as("the PATCH moves updated_at on")
                .isAfter(Instant.parse(MS1_STARTED_UTC));
        assertThat(db.<String>column("SELECT cpf || '|' || email || '|' || phone_number || '|' || from_tutorial"
                + " FROM users WHERE user_id = " + ana))
                .as("the stored CPF, email and phone of ana are untouched by the PATCH, and the row is still the tutorial's")
                .containsExactly(INVALID_CPF + "|" + EMAIL_WITHOUT_DOMAIN + "|" + FREE_TEXT_PHONE + "|true");
        JsonNode anaAgain = ok(client.send("GET", "/users/" + ana, null, bearer(anaToken)), "GET /users/{ana} after the PATCH");
        assertAna(anaAgain, "Ana Souza Lima", "GET /users/{ana} after the PATCH");
        assertThat(anaAgain.get("updated_at").asText()).as("the read after the PATCH is not a stale cached copy")
                .isEqualTo(afterPatch.get("updated_at").asText());

        // the invalid CPF is refused as soon as someone submits it
        for (String cpf : List.of(INVALID_CPF, "123.456.789-00")) {
            Response refused = client.send("POST", "/users", registration("ana_again", cpf));
            assertThat(refused.status()).as("registering with the tutorial's invalid CPF %s: %s", cpf, refused.body()).isEqualTo(422);
            assertThat(refused.json().get("errors").toString()).as("the 422 names the cpf field: %s", refused.body())
                    .contains("\"field\":\"cpf\"");
        }

        // ana still logs in with her tutorial password, and places an order
        String anaTokenAfterPatch = token("ana", PASSWORD);
        Response placed = client.send("POST", "/users/" + ana + "/orders",
                "{\"item_description\":\"Teclado mecânico\",\"item_quantity\":2,\"item_price\":15000}", bearer(anaTokenAfterPatch));
        assertThat(placed.status()).as("POST /users/{ana}/orders as ana: %s", placed.body()).isEqualTo(201);
        long keyboard = placed.json().get("order_id").asLong();
        assertThat(keyboard).as("the new order's id follows the tutorial's (its SERIAL sequence)").isGreaterThan(chair);
        assertThat(placed.json().get("total_value").asLong()).as("total_value of the new order").isEqualTo(30000);
        assertThat(ids(ok(client.send("GET", "/users/" + ana + "/orders", null, bearer(anaTokenAfterPatch)), "GET /users/{ana}/orders"),
                "order_id")).as("ana's orders: the tutorial's two and the new one").containsExactly(notebook, mouse, keyboard);
        assertOrder(ok(client.send("GET", "/orders/" + notebook, null, bearer(anaTokenAfterPatch)), "GET /orders/{notebook} again"),
                notebook, ana, "Notebook Dell Inspiron", 2, 350000, 700000, MS2_STARTED_UTC, MS2_STARTED_UTC);

        // nothing was lost or added beyond what this test did
        assertThat(db.<Long>one("SELECT count(*) FROM users")).as("users: the tutorial's 3 and root").isEqualTo(4);
        assertThat(db.<Long>one("SELECT count(*) FROM orders")).as("orders: the tutorial's 3 and the new one").isEqualTo(4);
        assertThat(db.<String>column("SELECT nick_name || ':' || from_tutorial || ':' || is_admin FROM users ORDER BY user_id"))
                .as("the tutorial's rows are marked as such and hold no role; the administrator made at start is new")
                .containsExactly("ana:true:false", "bruno:true:false", "carla:true:false", "root:false:true");
    }

    // --- what the old users must look like

    private static void assertAna(JsonNode view, String fullName, String where) {
        assertOldUser(view, "ana", fullName, Cpf.stored(INVALID_CPF).masked(), EMAIL_WITHOUT_DOMAIN, FREE_TEXT_PHONE, where);
        assertThat(view.get("cpf").asText()).as("%s: the invalid CPF, masked", where).isEqualTo("***.456.789-**");
        assertThat(view.get("created_at").asText()).as("%s: created_at, the tutorial's zone-less time read as UTC", where)
                .isEqualTo(MS1_STARTED_UTC);
    }

    private static void assertOldUser(JsonNode view, String nickName, String fullName, String maskedCpf, String email,
                                      String phone, String where) {
        assertThat(view).as("%s: the user is served", where).isNotNull();
        assertThat(view.get("nick_name").asText()).as("%s: nick_name", where).isEqualTo(nickName);
        assertThat(view.get("full_name").asText()).as("%s: full_name", where).isEqualTo(fullName);
        assertThat(view.get("cpf").asText()).as("%s: cpf, masked", where).isEqualTo(maskedCpf);
        assertThat(view.get("email").asText()).as("%s: email, as stored", where).isEqualTo(email);
        assertThat(view.get("phone_number").asText()).as("%s: phone_number, as stored", where).isEqualTo(phone);
        assertThat(view.has("password")).as("%s: no password field", where).isFalse();
        for (String time : List.of("created_at", "updated_at")) {
            assertThat(view.get(time).asText()).as("%s: %s in UTC ISO-8601", where, time)
                    .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
        }
    }

    private static void assertOrder(JsonNode view, long id, long user, String description, long quantity, long price,
                                    long total, String createdAt, String updatedAt) {
        String where = "order " + id;
        assertThat(view.get("order_id").asLong()).as("%s: order_id", where).isEqualTo(id);
        assertThat(view.get("user_id").asLong()).as("%s: user_id", where).isEqualTo(user);
        assertThat(view.get("item_description").asText()).as("%s: item_description", where).isEqualTo(description);
        assertThat(view.get("item_quantity").asLong()).as("%s: item_quantity", where).isEqualTo(quantity);
        assertThat(view.get("item_price").asLong()).as("%s: item_price", where).isEqualTo(price);
        assertThat(view.get("total_value").asLong()).as("%s: total_value", where).isEqualTo(total);
        assertThat(view.get("created_at").asText()).as("%s: created_at, the tutorial's zone-less time read as UTC", where)
                .isEqualTo(createdAt);
        assertThat(view.get("updated_at").asText()).as("%s: updated_at", where).isEqualTo(updatedAt);
    }

    // --- HTTP

    private static JsonNode ok(Response r, String what) {
        assertThat(r.status()).as("%s: %s", what, r.body()).isEqualTo(200);
        return r.json();
    }

    /** One check of the password (argon2) for a bearer token that the rest of the test uses. */
    private String token(String nickName, String password) {
        Response r = client.send("POST", "/auth/token", null, "Authorization", ApiClient.basic(nickName, password));
        assertThat(r.status()).as("POST /auth/token with Basic %s:%s: %s", nickName, password, r.body()).isEqualTo(200);
        return r.json().get("access_token").asText();
    }

    /** The Authorization header pair of a bearer token. */
    private static String[] bearer(String token) {
        return new String[] {"Authorization", ApiClient.bearer(token)};
    }

    private void register(String nickName, String cpf) {
        Response r = client.send("POST", "/users", registration(nickName, cpf));
        assertThat(r.status()).as("registering %s: %s", nickName, r.body()).isEqualTo(201);
    }

    private static String registration(String nickName, String cpf) {
        return Api.userJson(nickName, PASSWORD).put("cpf", cpf).toString();
    }

    private static Map<Long, JsonNode> byId(JsonNode items, String idField) {
        Map<Long, JsonNode> byId = new HashMap<>();
        items.forEach(item -> byId.put(item.get(idField).asLong(), item));
        return byId;
    }

    private static List<Long> ids(JsonNode page, String idField) {
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get(idField).asLong()));
        return ids;
    }
}
