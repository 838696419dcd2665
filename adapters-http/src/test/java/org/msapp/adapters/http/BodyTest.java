package org.msapp.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.msapp.domain.InvalidField;

/** Reading a request body: one JSON object of known fields, each of the right JSON type, or a 400. */
class BodyTest {
    private static final Set<String> FIELDS = Set.of("name", "count");

    private static Body parse(String json) {
        return Body.parse(json.getBytes(StandardCharsets.UTF_8), FIELDS);
    }

    /** The refusal of {@code json}; the test fails when it is read. */
    private static BadRequest refusal(String json) {
        BadRequest refusal = catchThrowableOfType(BadRequest.class, () -> parse(json));
        assertThat(refusal).as("refusal of %s", json).isNotNull();
        return refusal;
    }

    @Test
    void a_json_object_of_known_fields_is_read_with_its_values() {
        Body body = parse("{\"name\":\"Ana\",\"count\":3}");

        assertThat(body.text("name")).isEqualTo("Ana");
        assertThat(body.integer("count")).isEqualTo(3L);
    }

    @Test
    void an_empty_body_is_refused_as_such() {
        assertThat(refusal("")).hasMessageContaining("empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\":", "{name: \"x\"}", "{\"name\":\"x\",}", "{\"name\":'x'}", "{\"a\":1}}", "<xml/>",
            "{\"name\":\"x\"} {}"})
    void malformed_json_is_refused_without_echoing_the_body(String json) {
        BadRequest e = refusal(json);

        assertThat(e).hasMessageStartingWith("the body is not valid JSON");
        assertThat(e.getMessage()).doesNotContain("name\"");
        assertThat(e.errors()).isEmpty();
    }

    @Test
    void malformed_json_is_refused_with_where_it_breaks() {
        assertThat(refusal("{\"name\":")).hasMessage("the body is not valid JSON (line 1, column 9)");
    }

    @Test
    void a_duplicate_field_is_refused() {
        assertThat(refusal("{\"name\":\"a\",\"name\":\"b\"}")).hasMessageStartingWith("the body is not valid JSON");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "null", "\"name\"", "42", "true"})
    void a_body_that_is_not_a_json_object_is_refused(String json) {
        assertThat(refusal(json)).hasMessage("the body must be a JSON object");
    }

    @Test
    void every_unknown_field_is_named() {
        BadRequest e = refusal("{\"name\":\"x\",\"is_admin\":true,\"ñame\":1}");

        assertThat(e).hasMessage("the body has unknown fields");
        assertThat(e.errors()).extracting(BadRequest.FieldError::field).containsExactly("is_admin", "ñame");
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "true", "{}", "[]"})
    void a_text_field_of_another_json_type_is_refused_by_name(String value) {
        Body body = parse("{\"name\":" + value + "}");

        assertThatThrownBy(() -> body.text("name")).isInstanceOfSatisfying(BadRequest.class,
                e -> assertThat(e.errors()).extracting(BadRequest.FieldError::field).containsExactly("name"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"12\"", "1.5", "1.0", "1e2", "99999999999999999999", "true"})
    void a_whole_number_field_of_another_json_type_or_past_a_long_is_refused_by_name(String value) {
        Body body = parse("{\"count\":" + value + "}");

        assertThatThrownBy(() -> body.integer("count")).isInstanceOfSatisfying(BadRequest.class,
                e -> assertThat(e.errors()).extracting(BadRequest.FieldError::message).containsExactly("must be a whole number"));
    }

    @Test
    void an_absent_or_null_field_reads_as_null_for_the_domain_to_require() {
        Body body = parse("{\"name\":null}");

        assertThat(body.text("name")).isNull();
        assertThat(body.integer("count")).isNull();
    }

    @Test
    void in_a_partial_update_an_absent_field_is_empty_and_a_null_one_is_refused() {
        Body body = parse("{\"name\":null}");

        assertThat(body.optionalInteger("count")).isEmpty();
        assertThat(body.optionalText("count")).isEmpty();
        assertThatThrownBy(() -> body.optionalText("name")).isInstanceOfSatisfying(InvalidField.class,
                e -> assertThat(e.field()).isEqualTo("name"));
        assertThat(parse("{\"count\":7}").optionalInteger("count")).contains(7L);
    }

    @Test
    void bytes_that_are_not_utf_8_are_refused() {
        byte[] latin1 = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xf1, '"', '}'};

        assertThatThrownBy(() -> Body.parse(latin1, FIELDS)).isInstanceOf(BadRequest.class)
                .hasMessageStartingWith("the body is not valid JSON");
    }
}
