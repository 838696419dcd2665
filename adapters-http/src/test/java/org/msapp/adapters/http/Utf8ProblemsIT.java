package org.msapp.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.msapp.adapters.http.Api.assertProblem;
import static org.msapp.adapters.http.Api.errorFields;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.msapp.adapters.http.ApiClient.Response;

/** Every problem is JSON in UTF-8, whatever it quotes: field names, ids from paths, values, in any script. */
class Utf8ProblemsIT extends AliceAndHerOrderOnTestServer {
    /** 中, percent-encoded as a path segment. */
    private static final String HAN = "%E4%B8%AD";
    private static final String ODD_NAMES = "{\"ñame\":1,\"名前\":\"値\",\"emoji\uD83D\uDE00\":true}";

    /** The body, decoded as UTF-8 that may hold no malformed byte, and no charset said but UTF-8; then the problem's shape. */
    private static JsonNode utf8Problem(Response r, int status, String path) {
        strictUtf8(r.bytes());
        assertThat(r.header("Content-Type")).as("content type").matches("application/problem\\+json(; ?charset=(?i)utf-8)?");
        return assertProblem(r, status, path);
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return fail("not UTF-8: %s", HexFormat.ofDelimiter(" ").formatHex(bytes));
        }
    }

    @Test
    void unknown_field_names_in_any_script_are_named_as_sent() {
        String[][] routes = {{"POST", "/users"}, {"POST", "/auth/token"}, {"PATCH", "/users/" + alice},
                {"PUT", "/users/" + alice + "/password"}, {"POST", orders()}, {"PATCH", "/orders/" + order}};
        for (String[] route : routes) {
            Response r = service.send(route[0], route[1], ODD_NAMES, owner);

            utf8Problem(r, 400, route[1]);
            assertThat(errorFields(r)).as("%s %s", route[0], route[1]).containsExactly("ñame", "名前", "emoji\uD83D\uDE00");
        }
    }

    @Test
    void an_id_in_any_script_is_quoted_as_sent() {
        String[][] routes = {{"GET", "/users/" + HAN}, {"DELETE", "/users/" + HAN}, {"GET", "/users/" + HAN + "/orders"},
                {"POST", "/users/" + HAN + "/orders"}, {"GET", "/orders/" + HAN}, {"PATCH", "/orders/" + HAN}, {"DELETE", "/orders/" + HAN}};
        for (String[] route : routes) {
            String body = route[0].equals("GET") || route[0].equals("DELETE") ? null : Api.orderBody("Book", 1, 1);
            Response r = service.send(route[0], route[1], body, owner);

            JsonNode p = utf8Problem(r, 404, route[1]);
            assertThat(p.get("detail").asText()).as("%s %s", route[0], route[1]).endsWith(" 中");
        }
    }

    @Test
    void values_and_paths_in_any_script_on_every_other_refusal_are_utf_8() {
        ObjectNode user = Api.userJson("bob", "Senha@123");
        user.put("nick_name", "ação");
        user.put("full_name", "ç".repeat(51));
        Response invalid = post("/users", Api.write(user));
        utf8Problem(invalid, 422, "/users");
        assertThat(errorFields(invalid)).containsExactly("nick_name", "full_name");

        utf8Problem(service.send("POST", "/users", "{\"nick_name\":\"ñ\"}", "Content-Type", "text/plain; charset=utf-8"), 415, "/users");
        utf8Problem(service.send("POST", "/users", "{\"full_name\":\"" + "ñ".repeat(40_000) + "\"}"), 413, "/users");
        utf8Problem(service.send("PUT", "/users/" + HAN, "{}", owner), 405, "/users/" + HAN);
        utf8Problem(service.get("/n%C3%B6pe/" + HAN, owner), 404, "/n%C3%B6pe/" + HAN);
        utf8Problem(service.get("/users/" + alice, "Authorization", ApiClient.basic("jösé", "sënha-中")), 401, "/users/" + alice);
    }

    @Test
    void a_request_line_with_raw_utf_8_that_jetty_refuses_is_answered_in_utf_8() {
        String path = new String("/users/中".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);

        RawHttp.Answer a = RawHttp.exchange(service.port(), "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");

        assertThat(a.status()).isBetween(400, 499);
        assertThat(a.header("Content-Type")).startsWith(Problems.CONTENT_TYPE);
        assertThat(strictUtf8(a.body())).contains("\"instance\":\"/users/中\"");
    }
}
