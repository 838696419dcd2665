package org.msapp.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.msapp.adapters.http.ApiClient.Response;
import org.msapp.application.user.RegisterUser;
import org.msapp.domain.user.Cpf;
import org.msapp.domain.user.Email;
import org.msapp.domain.user.FullName;
import org.msapp.domain.user.NickName;
import org.msapp.domain.user.Password;
import org.msapp.domain.user.PhoneNumber;

/**
 * What the tests of the HTTP API share, those of the adapter alone ({@link TestServer}) and
 * bootstrap's end-to-end ones: request bodies, credentials, and the checks of a problem and of a page.
 */
public final class Api {
    public static final ObjectMapper JSON = new ObjectMapper();
    /** A CPF with valid check digits, formatted, the one of every registration body; its digits are {@link #CPF_DIGITS}. */
    public static final String CPF = "529.982.247-25";
    public static final String CPF_DIGITS = "52998224725";
    public static final String CPF_MASKED = "***.982.247-**";
    /** The administrator that the servers of the tests make as they start: {@link TestServer}'s, and bootstrap's TestService. */
    public static final String ADMIN = "root";
    /** The password of {@link #ADMIN}, the administrator. */
    public static final String ADMIN_PASSWORD = "Admin@123-root";
    /** The WWW-Authenticate value of every 401. */
    public static final String CHALLENGE = "Bearer realm=\"ms-application\", Basic realm=\"ms-application\", charset=\"UTF-8\"";

    private Api() {
    }

    /** A valid registration body as a JSON object, to change before sending. */
    public static ObjectNode userJson(String nickName, String password) {
        return JSON.createObjectNode()
                .put("nick_name", nickName)
                .put("password", password)
                .put("full_name", "Test " + nickName)
                .put("cpf", CPF)
                .put("email", nickName + "@example.com")
                .put("phone_number", "+55 11 91234-5678");
    }

    public static String userBody(String nickName, String password) {
        return write(userJson(nickName, password));
    }

    public static String orderBody(String item, long quantity, long price) {
        return write(JSON.createObjectNode().put("item_description", item).put("item_quantity", quantity).put("item_price", price));
    }

    public static String write(Object node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {"a": "x", ...} from name, value pairs (values as Java strings, longs or booleans). */
    public static String body(Object... namesAndValues) {
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) node.putPOJO((String) namesAndValues[i], namesAndValues[i + 1]);
        return write(node);
    }

    /** Places an order through the API, with these credentials (the owner's or an administrator's), and returns its id. */
    public static long placeOrder(ApiClient client, String[] auth, long userId, long quantity, long price) {
        Response r = client.send("POST", "/users/" + userId + "/orders", orderBody("item for " + userId, quantity, price), auth);
        assertThat(r.status()).as("place order: %s", r.body()).isEqualTo(201);
        return r.json().get("order_id").asLong();
    }

    /** The Basic credentials header pair, for {@code send(..., Api.auth(...))}. */
    public static String[] auth(String nickName, String password) {
        return new String[] {"Authorization", ApiClient.basic(nickName, password)};
    }

    /** The Basic credentials header pair and an {@code X-Forwarded-For} that names {@code client}, as a proxy sends them. */
    public static String[] authFrom(String client, String nickName, String password) {
        return new String[] {"Authorization", ApiClient.basic(nickName, password), "X-Forwarded-For", client};
    }

    /** The header pair of a bearer token for these credentials, fresh from POST /auth/token. */
    public static String[] bearer(ApiClient client, String nickName, String password) {
        return new String[] {"Authorization", ApiClient.bearer(client.token(nickName, password))};
    }

    /** The first administrator ({@link #ADMIN}, password {@link #ADMIN_PASSWORD}), as ADMIN_BOOTSTRAP_* name it. */
    public static RegisterUser.Command bootstrapAdmin() {
        return new RegisterUser.Command(NickName.of(ADMIN), Password.newPassword(Password.FIELD, ADMIN_PASSWORD),
                FullName.of("Administrator"), Cpf.of(CPF), Email.of("root@example.com"), PhoneNumber.of("0"));
    }

    /** The header pair of the administrator's bearer token ({@link #ADMIN}, made at start), for the lists of everyone. */
    public static String[] admin(ApiClient client) {
        return bearer(client, ADMIN, ADMIN_PASSWORD);
    }

    /** The id of the user {@code nickName}, looked up with {@code auth} (theirs or an administrator's). */
    public static long idOf(ApiClient client, String[] auth, String nickName) {
        return items(client.get("/users?nick_name=" + nickName, auth)).get(0).get("user_id").asLong();
    }

    /** The nick names of every user, in the order of GET /users (by id), as the administrator {@code admin} sees them. */
    public static List<String> nickNames(ApiClient client, String[] admin) {
        Response r = client.get("/users?limit=200", admin);
        List<String> names = new ArrayList<>();
        items(r).forEach(u -> names.add(u.get("nick_name").asText()));
        assertThat(next(r)).as("every user on one page").isNull();
        return names;
    }

    public static String[] with(String[] headers, String... more) {
        String[] all = new String[headers.length + more.length];
        System.arraycopy(headers, 0, all, 0, headers.length);
        System.arraycopy(more, 0, all, headers.length, more.length);
        return all;
    }

    /**
     * An RFC 9457 problem with this status: {@code application/problem+json}, and type, title,
     * status (the response's), detail and instance (the request's path) all present.
     */
    public static JsonNode assertProblem(Response r, int status, String path) {
        assertThat(r.status()).as("status of %s", r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).as("content type").startsWith("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.path("type").isTextual()).as("type in %s", r.body()).isTrue();
        assertThat(p.path("type").asText()).isNotBlank();
        assertThat(p.path("title").isTextual()).as("title in %s", r.body()).isTrue();
        assertThat(p.path("title").asText()).isNotBlank();
        assertThat(p.path("status").isInt()).as("status in %s", r.body()).isTrue();
        assertThat(p.path("status").asInt()).isEqualTo(status);
        assertThat(p.path("detail").isTextual()).as("detail in %s", r.body()).isTrue();
        assertThat(p.path("detail").asText()).isNotBlank();
        assertThat(p.path("instance").asText()).as("instance in %s", r.body()).isEqualTo(path);
        return p;
    }

    /** The {@code field} of each {@code errors} entry, in order. */
    public static List<String> errorFields(Response r) {
        List<String> fields = new ArrayList<>();
        r.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    /** The items of a page, after checking its shape: {"items": [...], "next": url|null}. */
    public static List<JsonNode> items(Response r) {
        assertThat(r.status()).as("page: %s", r.body()).isEqualTo(200);
        JsonNode page = r.json();
        assertThat(page.path("items").isArray()).as("items in %s", r.body()).isTrue();
        assertThat(page.has("next")).as("next in %s", r.body()).isTrue();
        List<JsonNode> items = new ArrayList<>();
        page.get("items").forEach(items::add);
        return items;
    }

    /** The next link, or null; the Link header must say the same, and be absent exactly when there is none. */
    public static String next(Response r) {
        JsonNode next = r.json().get("next");
        String link = r.header("Link");
        if (next == null || next.isNull()) {
            assertThat(link).as("Link header on the last page").isNull();
            return null;
        }
        assertThat(link).as("Link header").isEqualTo("<" + next.asText() + ">; rel=\"next\"");
        return next.asText();
    }

    /** GETs a next link (with these headers: the credentials), whether the server gave it as a path or as a full URL of itself. */
    public static Response follow(ApiClient client, String next, String... headers) {
        String path = next.startsWith(client.baseUrl()) ? next.substring(client.baseUrl().length()) : next;
        assertThat(path).as("a link into this service").startsWith("/");
        return client.get(path, headers);
    }
}
