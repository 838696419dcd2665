package org.msapp.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.msapp.application.concurrency.ExpectedVersion;

/** Entity tags from versions, If-Match (strong comparison) and If-None-Match (weak comparison). */
class ETagsTest {
    @Test
    void a_tag_is_the_version_in_quotes() {
        assertThat(ETags.of(3)).isEqualTo("\"3\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", " * ", "", "  "})
    void no_if_match_or_a_star_allows_any_version(String header) {
        assertThat(ETags.ifMatch(header)).isEqualTo(ExpectedVersion.any());
        assertThat(ETags.ifMatch((String) null)).isEqualTo(ExpectedVersion.any());
    }

    @Test
    void if_match_names_every_version_it_lists() {
        assertThat(ETags.ifMatch("\"1\", \"3\"")).isEqualTo(ExpectedVersion.oneOf(Set.of(1L, 3L)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"W/\"1\"", "\"garbage\"", "\"99999999999999999999999\"", "\"\"", "1", ",", " , ", ",,", "\""})
    void an_if_match_that_names_no_version_of_ours_matches_none(String header) {
        assertThat(ETags.ifMatch(header)).isEqualTo(ExpectedVersion.oneOf(Set.of()));
    }

    @Test
    void a_weak_tag_among_strong_ones_names_nothing_itself() {
        assertThat(ETags.ifMatch("W/\"1\", \"2\"")).isEqualTo(ExpectedVersion.oneOf(Set.of(2L)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"4\"", "W/\"4\"", "*", "\"1\", \"4\"", " \"4\" "})
    void if_none_match_holds_for_the_current_version_strong_weak_or_star(String header) {
        assertThat(ETags.ifNoneMatchHolds(header, 4)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"3\"", "\"not-a-version\"", "W/", ",", "\"\"", "\"" + "9999999999999999999999" + "\""})
    void if_none_match_fails_for_any_other_tag(String header) {
        assertThat(ETags.ifNoneMatchHolds(header, 4)).isFalse();
    }

    @Test
    void without_if_none_match_a_read_is_answered_in_full() {
        assertThat(ETags.ifNoneMatchHolds(null, 4)).isFalse();
    }
}
