package org.msapp.application.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.msapp.domain.InvalidField;

class PageTest {
    @Test
    void a_limit_from_1_to_200_is_accepted() {
        assertThat(Page.checkLimit(1)).isEqualTo(1);
        assertThat(Page.checkLimit(Page.DEFAULT_LIMIT)).isEqualTo(50);
        assertThat(Page.checkLimit(200)).isEqualTo(200);
    }

    @Test
    void a_limit_of_0_or_below_is_refused_on_the_limit_field() {
        for (int limit : new int[] {0, -1, Integer.MIN_VALUE}) {
            assertThatThrownBy(() -> Page.checkLimit(limit)).isInstanceOfSatisfying(InvalidField.class,
                    e -> assertThat(e.field()).isEqualTo("limit"));
        }
    }

    @Test
    void a_limit_over_200_is_refused_on_the_limit_field() {
        for (int limit : new int[] {201, Integer.MAX_VALUE}) {
            assertThatThrownBy(() -> Page.checkLimit(limit)).isInstanceOfSatisfying(InvalidField.class,
                    e -> assertThat(e.field()).isEqualTo("limit"));
        }
    }

    @Test
    void a_fetch_of_limit_plus_one_makes_a_full_page_whose_next_is_its_last_key() {
        Page<Long> page = Page.of(List.of(3L, 5L, 8L), 2, n -> n);

        assertThat(page.items()).containsExactly(3L, 5L);
        assertThat(page.nextAfter()).contains(5L);
    }

    @Test
    void a_fetch_of_at_most_limit_is_the_last_page() {
        assertThat(Page.of(List.of(3L, 5L), 2, n -> n).nextAfter()).isEmpty();
        assertThat(Page.of(List.<Long>of(), 2, n -> n).items()).isEmpty();
    }
}
