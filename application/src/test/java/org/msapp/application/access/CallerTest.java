package org.msapp.application.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.msapp.domain.Kind;
import org.msapp.domain.user.NickName;
import org.msapp.domain.user.UserId;

class CallerTest {
    private final Caller alice = new Caller(new UserId(1), NickName.of("alice"), Set.of(Role.USER));
    private final Caller root = new Caller(new UserId(9), NickName.of("root"), Set.of(Role.USER, Role.ADMIN));

    @Test
    void a_caller_may_act_as_itself() {
        assertThatCode(() -> alice.requireAccessTo(new UserId(1))).doesNotThrowAnyException();
    }

    @Test
    void a_caller_acting_for_another_user_is_forbidden() {
        assertThatThrownBy(() -> alice.requireAccessTo(new UserId(2)))
                .isInstanceOfSatisfying(Forbidden.class, e -> assertThat(e.kind()).isEqualTo(Kind.FORBIDDEN));
    }

    @Test
    void an_administrator_may_act_for_anyone() {
        assertThatCode(() -> root.requireAccessTo(new UserId(2))).doesNotThrowAnyException();
        assertThatCode(() -> root.requireAdmin("the list of users")).doesNotThrowAnyException();
    }

    @Test
    void what_is_for_administrators_is_forbidden_to_everyone_else() {
        assertThatThrownBy(() -> alice.requireAdmin("the list of users"))
                .isInstanceOf(Forbidden.class).hasMessageContaining("the list of users");
    }
}
