package org.msapp.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.msapp.domain.InvalidField;
import org.msapp.domain.Kind;

/** The problem document (RFC 9457) and the status of each kind of refusal. */
class ProblemsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode read(byte[] body) throws IOException {
        return JSON.readTree(body);
    }

    @Test
    void a_problem_has_type_title_status_detail_and_instance() throws IOException {
        JsonNode p = read(Problems.body(409, "nick_name_taken", "the nick name is taken", "/users", List.of()));

        assertThat(p.get("type").asText()).isEqualTo("/problems/nick_name_taken");
        assertThat(p.get("title").asText()).isEqualTo("Conflict");
        assertThat(p.get("status").isInt()).isTrue();
        assertThat(p.get("status").asInt()).isEqualTo(409);
        assertThat(p.get("detail").asText()).isEqualTo("the nick name is taken");
        assertThat(p.get("instance").asText()).isEqualTo("/users");
        assertThat(p.has("errors")).as("no errors without fields at fault").isFalse();
    }

    @Test
    void field_errors_are_listed_in_order_with_their_messages() throws IOException {
        JsonNode p = read(Problems.body(422, "invalid_fields", "2 field(s) are invalid", "/users",
                List.of(new InvalidField("cpf", "is not a valid CPF"), new InvalidField("email", "is required"))));

        assertThat(p.get("errors")).hasSize(2);
        assertThat(p.get("errors").get(0).get("field").asText()).isEqualTo("cpf");
        assertThat(p.get("errors").get(0).get("message").asText()).isEqualTo("is not a valid CPF");
        assertThat(p.get("errors").get(1).get("field").asText()).isEqualTo("email");
    }

    @Test
    void without_a_path_to_name_a_problem_has_no_instance() throws IOException {
        assertThat(read(Problems.body(400, "bad_request", "unreadable", null, List.of())).has("instance")).isFalse();
    }

    @Test
    void what_a_detail_quotes_is_escaped_never_injected() throws IOException {
        JsonNode p = read(Problems.body(404, "not_found", "no user with id \"},\"status\":200", "/users/x\"", List.of()));

        assertThat(p.get("status").asInt()).isEqualTo(404);
        assertThat(p.get("detail").asText()).isEqualTo("no user with id \"},\"status\":200");
        assertThat(p.get("instance").asText()).isEqualTo("/users/x\"");
    }

    @Test
    void a_problem_is_utf_8_whatever_it_quotes() throws IOException {
        byte[] body = Problems.body(400, "malformed_request", "no user with id 中", "/users/%E4%B8%AD",
                List.of(new InvalidField("ñame", "is not a field of this request")));

        assertThat(new String(body, StandardCharsets.UTF_8)).contains("\"no user with id 中\"", "\"field\":\"ñame\"");
        assertThat(read(body).get("errors").get(0).get("field").asText()).isEqualTo("ñame");
    }

    @Test
    void the_code_of_a_bare_status_is_its_reason_in_snake_case() {
        assertThat(Problems.code(405)).isEqualTo("method_not_allowed");
        assertThat(Problems.code(431)).isEqualTo("request_header_fields_too_large");
        assertThat(Problems.code(413)).isEqualTo("content_too_large");
    }

    @Test
    void each_kind_of_refusal_has_its_status() {
        Map<Kind, Integer> expected = Map.of(Kind.INVALID, 422, Kind.NOT_FOUND, 404, Kind.CONFLICT, 409,
                Kind.UNAUTHENTICATED, 401, Kind.FORBIDDEN, 403, Kind.PRECONDITION_FAILED, 412, Kind.TOO_MANY_ATTEMPTS, 429,
                Kind.UNAVAILABLE, 503);

        for (Kind kind : Kind.values()) assertThat(Problems.status(kind)).as(kind.name()).isEqualTo(expected.get(kind));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void no_refusal_is_a_success_or_a_server_bug(Kind kind) {
        assertThat(Problems.status(kind)).isBetween(400, 503).isNotEqualTo(500);
    }
}
