package org.msapp.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.msapp.adapters.postgres.PostgresSettings;
import org.msapp.adapters.postgres.TestDatabase;
import org.msapp.domain.user.Cpf;

/**
 * The service adopts, in place, a database that the MS-Application tutorial created and filled: its
 * own DDL, its rows as its workers wrote them (zone-less times frozen at worker start, NULL times,
 * unvalidated CPF, email and phone, argon2-cffi hashes). The real service starts on it, with the real
 * argon2 hasher, and serves and changes those rows.
 */
class TutorialDatabaseIT {
    /** The tutorial's step 5 {@code create_tables}, word for word (as V1 repeats it; Flyway has not run yet). */
    private static final String TUTORIAL_DDL = """
            CREATE TABLE IF NOT EXISTS users (
                user_id SERIAL NOT NULL,
                nick_name varchar(50) UNIQUE NOT NULL,
                password varchar(256) NOT NULL,
                full_name varchar(50) NOT NULL,
                cpf varchar(11) NOT NULL,
                email varchar(50) NOT NULL,
                phone_number varchar(50) NOT NULL,
                created_at TIMESTAMP,
                updated_at TIMESTAMP,
                PRIMARY KEY (user_id)
            );

            CREATE TABLE IF NOT EXISTS orders (
                order_id SERIAL NOT NULL,
                user_id integer NOT NULL,
                item_description varchar(256) NOT NULL,
                item_quantity integer NOT NULL,
                item_price integer NOT NULL,
                total_value integer NOT NULL,
                created_at TIMESTAMP,
                updated_at TIMESTAMP,
                PRIMARY KEY (order_id),
                FOREIGN KEY(user_id) REFERENCES users(user_id)
            );""";
    private static final String PASSWORD = "Senha@123";
    /** argon2-cffi {@code PasswordHasher()} defaults, for Senha@123. */
    private static final String CFFI_DEFAULT_HASH =
            "$argon2id$v=19$m=65536,t=3,p=4$VfjV08PXy02603p39DJc3w$7wS6VkfwqP1CWAQKbvmziYYQsgn2WV+6s7myk8rkjvk";
    /** argon2-cffi with other parameters and a 16-byte hash, for Senha@123. */
    private static final String CFFI_OTHER_HASH =
            "$argon2id$v=19$m=102400,t=2,p=8$HTFO/aapd0ASrbwH9l5wmw$FL7vRFe9msn+Sw8wkW9y0Q";
    /** 123.456.789-09 would be valid: the tutorial never checked. */
    private static final String INVALID_CPF = "12345678900";
    private static final String EMAIL_WITHOUT_DOMAIN = "ana.souza";
    private static final String FREE_TEXT_PHONE = "(11) 98765-4321 ligar depois das 18h";
    /** The users worker (MS1) froze its time at start, so every user it wrote has this one. */
    private static final String MS1_STARTED = "2022-06-14 18:32:05.123456";
    private static final String MS1_STARTED_UTC = "2022-06-14T18:32:05.123456Z";
    /** The orders worker (MS2) started a little later. */
    private static final String MS2_STARTED = "2022-06-14 18:32:07.5";
    private static final String MS2_STARTED_UTC = "2022-06-14T18:32:07.500Z";
    private static final String SECRET = "a test key of at least thirty-two bytes, for HS256";
    /** The history's first row on a schema that was not empty: the tutorial's tables, baselined below V1. */
    private static final String ADOPTED = "0:BASELINE:true";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final List<String> report = Collections.synchronizedList(new ArrayList<>());
    private String base;

    @AfterEach
    void cleanUp() throws Exception {
        Collections.reverse(toClose);
        for (AutoCloseable c : toClose) c.close();
    }

    @Test
    void a_database_the_tutorial_filled_is_adopted_in_place() {
        TestDatabase db = database("adopt");
        PostgresSettings settings = db.settings();
        db.execute(TUTORIAL_DDL);
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
        long ana = one(settings, "SELECT user_id::bigint FROM users WHERE nick_name = 'ana'");
        long bruno = one(settings, "SELECT user_id::bigint FROM users WHERE nick_name = 'bruno'");
        long carla = one(settings, "SELECT user_id::bigint FROM users WHERE nick_name = 'carla'");
        db.execute("""
                INSERT INTO orders (user_id, item_description, item_quantity, item_price, total_value, created_at, updated_at)
                VALUES (%1$d, 'Notebook Dell Inspiron', 2, 350000, 700000, '%3$s', '%3$s'),
                       (%1$d, 'Mouse sem fio', 3, 4990, 14970, '%3$s', '%3$s'),
                       (%2$d, 'Cadeira de escritório', 1, 89900, 89900, '%3$s', NULL)"""
                .formatted(ana, bruno, MS2_STARTED));
        List<Long> oldOrders = column(settings, "SELECT order_id::bigint FROM orders ORDER BY order_id");
        assertThat(oldOrders).as("the tutorial's three orders were written").hasSize(3);
        long notebook = oldOrders.get(0), mouse = oldOrders.get(1), chair = oldOrders.get(2);

        Instant beforeStart = Instant.now();
        start(settings);
        Instant afterStart = Instant.now();

        // the migrations succeeded
        assertThat(report).as("the start-up report names the adopted database").anyMatch(line ->
                line.startsWith("[✓] Postgres ") && line.endsWith(settings.where()));
        assertThat(history(settings))
                .as("flyway_schema_history: the tutorial's schema baselined below V1, then V1, V2 and V3 applied successfully")
                .containsExactly(ADOPTED, "1:SQL:true", "2:SQL:true", "3:SQL:true");

        // every old row is served: the whole list, to an administrator
        register("root", "111.444.777-35");
        String rootToken = token("root", PASSWORD);
        JsonNode users = ok(send("GET", "/users", null, bearer(rootToken)), "GET /users as the administrator root");
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
        assertAna(ok(send("GET", "/users/" + ana, null, bearer(anaToken)), "GET /users/" + ana + " as ana"), "Ana Souza",
                "GET /users/{ana} as ana");
        assertThat(ok(send("GET", "/users/" + bruno, null, bearer(brunoToken)), "GET /users/" + bruno + " as bruno")
                .get("nick_name").asText()).as("bruno reads himself").isEqualTo("bruno");
        assertOrder(ok(send("GET", "/orders/" + notebook, null, bearer(anaToken)), "GET /orders/" + notebook + " as ana"),
                notebook, ana, "Notebook Dell Inspiron", 2, 350000, 700000, MS2_STARTED_UTC, MS2_STARTED_UTC);
        assertOrder(ok(send("GET", "/orders/" + mouse, null, bearer(anaToken)), "GET /orders/" + mouse + " as ana"),
                mouse, ana, "Mouse sem fio", 3, 4990, 14970, MS2_STARTED_UTC, MS2_STARTED_UTC);
        assertOrder(ok(send("GET", "/orders/" + chair, null, bearer(brunoToken)), "GET /orders/" + chair + " as bruno"),
                chair, bruno, "Cadeira de escritório", 1, 89900, 89900, MS2_STARTED_UTC,
                MS2_STARTED_UTC /* NULL updated_at filled with created_at */);
        assertThat(ids(ok(send("GET", "/users/" + ana + "/orders", null, bearer(anaToken)), "GET /users/{ana}/orders"), "order_id"))
                .as("ana's orders, as the tutorial wrote them").containsExactly(notebook, mouse);
        assertThat(ids(ok(send("GET", "/users/" + bruno + "/orders", null, bearer(brunoToken)), "GET /users/{bruno}/orders"),
                "order_id")).as("bruno's orders").containsExactly(chair);
        assertThat(ids(ok(send("GET", "/orders", null, bearer(rootToken)), "GET /orders as root"), "order_id"))
                .as("GET /orders lists every order of the tutorial").containsExactly(notebook, mouse, chair);

        // ana changes her name; her old CPF and email, which today's rules refuse, stay as they are
        Response patched = send("PATCH", "/users/" + ana, "{\"full_name\":\"Ana Souza Lima\"}", bearer(anaToken));
        JsonNode afterPatch = ok(patched, "PATCH /users/{ana} full_name, as ana");
        assertAna(afterPatch, "Ana Souza Lima", "the PATCH's answer");
        assertThat(Instant.parse(afterPatch.get("updated_at").asText())).as("the PATCH moves updated_at on")
                .isAfter(Instant.parse(MS1_STARTED_UTC));
        assertThat(this.<String>column(settings, "SELECT cpf || '|' || email || '|' || phone_number || '|' || from_tutorial"
                + " FROM users WHERE user_id = " + ana))
                .as("the stored CPF, email and phone of ana are untouched by the PATCH, and the row is still the tutorial's")
                .containsExactly(INVALID_CPF + "|" + EMAIL_WITHOUT_DOMAIN + "|" + FREE_TEXT_PHONE + "|true");
        JsonNode anaAgain = ok(send("GET", "/users/" + ana, null, bearer(anaToken)), "GET /users/{ana} after the PATCH");
        assertAna(anaAgain, "Ana Souza Lima", "GET /users/{ana} after the PATCH");
        assertThat(anaAgain.get("updated_at").asText()).as("the read after the PATCH is not a stale cached copy")
                .isEqualTo(afterPatch.get("updated_at").asText());

        // the invalid CPF is refused as soon as someone submits it
        for (String cpf : List.of(INVALID_CPF, "123.456.789-00")) {
            Response refused = send("POST", "/users", registration("ana_again", cpf), null);
            assertThat(refused.status()).as("registering with the tutorial's invalid CPF %s: %s", cpf, refused.body()).isEqualTo(422);
            assertThat(refused.json().get("errors").toString()).as("the 422 names the cpf field: %s", refused.body())
                    .contains("\"field\":\"cpf\"");
        }

        // ana still logs in with her tutorial password, and places an order
        String anaTokenAfterPatch = token("ana", PASSWORD);
        Response placed = send("POST", "/users/" + ana + "/orders",
                "{\"item_description\":\"Teclado mecânico\",\"item_quantity\":2,\"item_price\":15000}", bearer(anaTokenAfterPatch));
        assertThat(placed.status()).as("POST /users/{ana}/orders as ana: %s", placed.body()).isEqualTo(201);
        long keyboard = placed.json().get("order_id").asLong();
        assertThat(keyboard).as("the new order's id follows the tutorial's (its SERIAL sequence)").isGreaterThan(chair);
        assertThat(placed.json().get("total_value").asLong()).as("total_value of the new order").isEqualTo(30000);
        assertThat(ids(ok(send("GET", "/users/" + ana + "/orders", null, bearer(anaTokenAfterPatch)), "GET /users/{ana}/orders"),
                "order_id")).as("ana's orders: the tutorial's two and the new one").containsExactly(notebook, mouse, keyboard);
        assertOrder(ok(send("GET", "/orders/" + notebook, null, bearer(anaTokenAfterPatch)), "GET /orders/{notebook} again"),
                notebook, ana, "Notebook Dell Inspiron", 2, 350000, 700000, MS2_STARTED_UTC, MS2_STARTED_UTC);

        // nothing was lost or added beyond what this test did
        assertThat(this.<Long>one(settings, "SELECT count(*) FROM users")).as("users: the tutorial's 3 and root").isEqualTo(4);
        assertThat(this.<Long>one(settings, "SELECT count(*) FROM orders")).as("orders: the tutorial's 3 and the new one").isEqualTo(4);
        assertThat(this.<String>column(settings, "SELECT nick_name || ':' || from_tutorial FROM users ORDER BY user_id"))
                .as("the tutorial's rows are marked as such, the new one is not")
                .containsExactly("ana:true", "bruno:true", "carla:true", "root:false");
    }

    @Test
    void nick_names_that_differ_only_in_case_stop_the_start_until_renamed() {
        TestDatabase db = database("adopt_case");
        PostgresSettings settings = db.settings();
        db.execute(TUTORIAL_DDL);
        db.execute("""
                INSERT INTO users (nick_name, password, full_name, cpf, email, phone_number, created_at, updated_at)
                VALUES ('Alice', '%1$s', 'Alice A', '52998224725', 'alice@example.com', '11 1111-1111', '%2$s', '%2$s'),
                       ('alice', '%1$s', 'Alice B', '39053344705', 'alice.b@example.com', '11 2222-2222', '%2$s', '%2$s')"""
                .formatted(CFFI_DEFAULT_HASH, MS1_STARTED));

        Throwable refused = catchThrowable(() -> start(settings));

        assertThat(refused).as("the start on a database with nick names Alice and alice").isNotNull();
        assertThat(refused.getMessage()).as("the message the service stops with (Main prints it)")
                .contains("differ only in case").contains("rename them");
        assertThat(this.<String>one(settings, "SELECT data_type FROM information_schema.columns"
                + " WHERE table_name = 'users' AND column_name = 'created_at'"))
                .as("the failed V2 was rolled back whole: the tutorial's columns are as it made them")
                .isEqualTo("timestamp without time zone");
        assertThat(history(settings)).as("no failed migration is recorded, so a start after the fix needs no repair")
                .containsExactly(ADOPTED, "1:SQL:true");

        // as the message says: rename them, then start again
        db.execute("UPDATE users SET nick_name = 'alice_b' WHERE nick_name = 'alice'");
        start(settings);
        assertThat(history(settings)).as("after the rename, the migrations succeed")
                .containsExactly(ADOPTED, "1:SQL:true", "2:SQL:true", "3:SQL:true");
    }

    // --- the service, as Main starts it

    private void start(PostgresSettings settings) {
        Config config = Config.fromEnvironment(Map.of(
                "HOST_DATABASE", settings.host(),
                "DATABASE_PORT", String.valueOf(settings.port()),
                "DATABASE_NAME", settings.database(),
                "DATABASE_STARTUP_TIMEOUT", "5",
                "HTTP_HOST", "127.0.0.1",
                "HTTP_PORT", "0",
                "ADMIN_NICK_NAMES", "root",
                "AUTH_TOKEN_SECRET", SECRET));
        Application app = Application.start(config, report::add);
        toClose.add(app);
        base = "http://127.0.0.1:" + app.port();
    }

    private TestDatabase database(String purpose) {
        TestDatabase db = TestDatabase.named(purpose);
        toClose.add(db);
        return db;
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

    private record Response(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    private Response send(String method, String path, String body, String authorization) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
        if (authorization != null) request.header("Authorization", authorization);
        if (body != null) request.header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        try {
            var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode ok(Response r, String what) {
        assertThat(r.status()).as("%s: %s", what, r.body()).isEqualTo(200);
        return r.json();
    }

    /** One check of the password (argon2) for a bearer token that the rest of the test uses. */
    private String token(String nickName, String password) {
        String basic = "Basic " + Base64.getEncoder().encodeToString((nickName + ":" + password).getBytes(StandardCharsets.UTF_8));
        Response r = send("POST", "/auth/token", null, basic);
        assertThat(r.status()).as("POST /auth/token with Basic %s:%s: %s", nickName, password, r.body()).isEqualTo(200);
        return r.json().get("access_token").asText();
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private void register(String nickName, String cpf) {
        Response r = send("POST", "/users", registration(nickName, cpf), null);
        assertThat(r.status()).as("registering %s: %s", nickName, r.body()).isEqualTo(201);
    }

    private static String registration(String nickName, String cpf) {
        return """
                {"nick_name":"%s","password":"%s","full_name":"New User","cpf":"%s",
                 "email":"%s@example.com","phone_number":"+55 11 91234-5678"}""".formatted(nickName, PASSWORD, cpf, nickName);
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

    // --- SQL, outside the service

    /** {@code version:type:success} of each row of Flyway's history, in the order applied. */
    private List<String> history(PostgresSettings s) {
        return column(s, "SELECT coalesce(version, '-') || ':' || type || ':' || success FROM flyway_schema_history"
                + " ORDER BY installed_rank");
    }

    private <T> T one(PostgresSettings s, String sql) {
        List<T> values = column(s, sql);
        assertThat(values).as("one row from: %s", sql).hasSize(1);
        return values.get(0);
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> column(PostgresSettings s, String sql) {
        String url = "jdbc:postgresql://" + s.host() + ":" + s.port() + "/" + s.database();
        try (Connection c = DriverManager.getConnection(url, s.user(), s.password());
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<T> values = new ArrayList<>();
            while (rs.next()) values.add((T) rs.getObject(1));
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
