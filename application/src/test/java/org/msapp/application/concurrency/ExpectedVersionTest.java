package org.msapp.application.concurrency;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.msapp.domain.VersionMismatch;

class ExpectedVersionTest {
    @Test
    void naming_no_version_allows_any() {
        assertThatCode(() -> ExpectedVersion.any().check("user", 7)).doesNotThrowAnyException();
    }

    @Test
    void the_current_version_among_those_named_allows_the_change() {
        assertThatCode(() -> ExpectedVersion.oneOf(Set.of(3L, 7L)).check("user", 7)).doesNotThrowAnyException();
    }

    @Test
    void a_version_that_is_no_longer_current_is_refused() {
        assertThatThrownBy(() -> ExpectedVersion.of(6).check("order", 7))
                .isInstanceOf(VersionMismatch.class).hasMessageContaining("order is at version 7");
    }

    @Test
    void an_empty_set_of_versions_matches_nothing() {
        assertThatThrownBy(() -> ExpectedVersion.oneOf(Set.of()).check("user", 1)).isInstanceOf(VersionMismatch.class);
    }
}
