package org.msapp.application;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.msapp.domain.Kind;
import org.msapp.domain.user.NickName;
import org.msapp.domain.user.UserId;

class CallerTest {
    private final Caller alice = new Caller(new UserId(1), NickName.of("alice"));

    @Test
    void a_caller_may_act_as_itself() {
        assertThatCode(() -> alice.mustBe(new UserId(1))).doesNotThrowAnyException();
    }

    @Test
    void a_caller_acting_for_another_user_is_forbidden() {
        assertThatThrownBy(() -> alice.mustBe(new UserId(2))).isInstanceOfSatisfying(Forbidden.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.kind()).isEqualTo(Kind.FORBIDDEN));
    }
}
