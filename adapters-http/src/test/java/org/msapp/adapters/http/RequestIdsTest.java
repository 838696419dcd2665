package org.msapp.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Which X-Request-Id is kept and which traceparent is carried on. */
class RequestIdsTest {
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT_ID = "00f067aa0ba902b7";

    @ParameterizedTest
    @ValueSource(strings = {"a", "7f3c9a1e-5b2d-4c1a-9e8f-0123456789ab", "req.42_b:c", "AbC+/=", "7F000001:C2B6_7F000001:1F90_65A1B2C3_0001"})
    void a_short_token_of_safe_characters_is_kept(String id) {
        assertThat(RequestIds.accepted(id)).contains(id);
    }

    @Test
    void an_id_of_64_characters_is_kept_and_one_of_65_is_not() {
        assertThat(RequestIds.accepted("x".repeat(64))).isPresent();
        assertThat(RequestIds.accepted("x".repeat(65))).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "a b", "a\tb", "a\nb", "a\r\nX-Injected: 1", "<script>", "a\"b", "a'b", "a;b", "a,b", "a%0Ab",
            "a{b}", "é", "a\u0000b"})
    void anything_else_is_not_kept(String id) {
        assertThat(RequestIds.accepted(id)).isEmpty();
    }

    @Test
    void a_fresh_id_is_kept_by_the_same_rule_and_differs_each_time() {
        String one = RequestIds.fresh();
        String two = RequestIds.fresh();

        assertThat(RequestIds.accepted(one)).contains(one);
        assertThat(one).isNotEqualTo(two);
    }

    @Test
    void a_version_00_traceparent_is_carried_as_it_came() {
        String header = "00-" + TRACE_ID + "-" + PARENT_ID + "-01";

        assertThat(RequestIds.traceparent(header)).contains(header);
        assertThat(RequestIds.traceparent(" " + header + " ")).as("around whitespace, dropped").contains(header);
    }

    @Test
    void a_later_version_is_read_as_version_00_and_carried_as_00_without_what_it_adds() {
        assertThat(RequestIds.traceparent("cc-" + TRACE_ID + "-" + PARENT_ID + "-01-what-the-future-adds"))
                .contains("00-" + TRACE_ID + "-" + PARENT_ID + "-01");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",   // version 00 has exactly four fields
            "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",         // ff is forbidden
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01",         // no trace id
            "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",         // no parent id
            "00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01",         // upper-case hex
            "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01",          // a trace id one digit short
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",            // no flags
            "00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01",
            "0-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "not a traceparent"})
    void an_invalid_traceparent_is_not_carried(String header) {
        assertThat(RequestIds.traceparent(header)).isEmpty();
    }
}
