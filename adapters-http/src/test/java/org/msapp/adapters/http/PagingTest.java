package org.msapp.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.msapp.application.paging.Page;
import org.msapp.domain.InvalidField;

/** The limit and the opaque cursor of a keyset page. */
class PagingTest {
    @Test
    void without_a_limit_a_page_holds_the_default() {
        assertThat(Paging.limit((String) null)).isEqualTo(Page.DEFAULT_LIMIT);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 50, 200})
    void a_limit_from_1_to_200_is_taken(int limit) {
        assertThat(Paging.limit(Integer.toString(limit))).isEqualTo(limit);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "201", "-1"})
    void a_limit_out_of_range_breaks_a_rule_of_the_field(String limit) {
        assertThatThrownBy(() -> Paging.limit(limit)).isInstanceOfSatisfying(InvalidField.class,
                e -> assertThat(e.field()).isEqualTo("limit"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1.5", "99999999999999999999", "", " 2"})
    void a_limit_that_is_not_a_whole_number_cannot_be_read(String limit) {
        assertThatThrownBy(() -> Paging.limit(limit)).isInstanceOfSatisfying(BadRequest.class,
                e -> assertThat(e.errors()).extracting(BadRequest.FieldError::field).containsExactly("limit"));
    }

    @Test
    void a_cursor_given_out_reads_back_as_its_key() {
        String cursor = Paging.cursor(42);

        assertThat(cursor).doesNotContain("42").doesNotContain("=");
        assertThat(Paging.after(cursor)).contains(42L);
    }

    @Test
    void without_a_cursor_a_page_starts_at_the_beginning() {
        assertThat(Paging.after((String) null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "%\u0000\u00ff", "LTU", "MA", "LTE", "OTk5OTk5OTk5OTk5OTk5OTk5OTk5", "", "42"})
    void a_cursor_this_service_never_gave_out_cannot_be_read(String cursor) {
        assertThatThrownBy(() -> Paging.after(cursor)).isInstanceOfSatisfying(BadRequest.class,
                e -> assertThat(e.errors()).extracting(BadRequest.FieldError::field).containsExactly("after"));
    }
}
