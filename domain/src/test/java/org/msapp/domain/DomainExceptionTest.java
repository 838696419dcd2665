package org.msapp.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.msapp.domain.order.OrderId;
import org.msapp.domain.order.OrderNotFound;
import org.msapp.domain.user.NickName;
import org.msapp.domain.user.NickNameTaken;
import org.msapp.domain.user.UserHasOrders;
import org.msapp.domain.user.UserId;
import org.msapp.domain.user.UserNotFound;

class DomainExceptionTest {

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of(new NickNameTaken(NickName.of("ana")), "nick_name_taken", Kind.CONFLICT),
                Arguments.of(new UserHasOrders(new UserId(7)), "user_has_orders", Kind.CONFLICT),
                Arguments.of(new UserNotFound(new UserId(7)), "user_not_found", Kind.NOT_FOUND),
                Arguments.of(new UserNotFound(NickName.of("ana")), "user_not_found", Kind.NOT_FOUND),
                Arguments.of(new OrderNotFound(new OrderId(42)), "order_not_found", Kind.NOT_FOUND),
                Arguments.of(new VersionMismatch("user", 1, 2), "version_mismatch", Kind.PRECONDITION_FAILED),
                Arguments.of(new InvalidField("cpf", "is not a valid CPF"), "invalid_field", Kind.INVALID),
                Arguments.of(new InvalidFields(List.of(new InvalidField("cpf", "x"))), "invalid_fields", Kind.INVALID));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void each_error_has_its_code_and_kind(DomainException error, String code, Kind kind) {
        assertThat(error).isInstanceOf(RuntimeException.class);
        assertThat(error.code()).isEqualTo(code);
        assertThat(error.kind()).isEqualTo(kind);
    }

    @ParameterizedTest
    @MethodSource("errors")
    void errors_are_refusals_not_crashes_so_they_carry_no_stack_trace(DomainException error, String code, Kind kind) {
        assertThat(error.getStackTrace()).isEmpty();
        assertThat(error.getMessage()).isNotBlank();
    }

    @Test
    void messages_name_what_was_not_found_or_taken() {
        assertThat(new NickNameTaken(NickName.of("ana"))).hasMessageContaining("'ana'");
        assertThat(new UserNotFound(new UserId(7))).hasMessage("no user with id 7");
        assertThat(new UserNotFound(NickName.of("ana"))).hasMessage("no user named ana");
        assertThat(new OrderNotFound(new OrderId(42))).hasMessage("no order with id 42");
        assertThat(new UserHasOrders(new UserId(7))).hasMessageStartingWith("user 7 still has orders");
    }

    @Test
    void a_version_mismatch_says_both_versions() {
        assertThat(new VersionMismatch("order", 3, 5)).hasMessage("order is at version 5, not 3");
    }

    @Test
    void an_invalid_field_names_the_field_and_the_reason() {
        InvalidField e = new InvalidField("nick_name", "must be at most 50 characters");
        assertThat(e.field()).isEqualTo("nick_name");
        assertThat(e.reason()).isEqualTo("must be at most 50 characters");
        assertThat(e).hasMessage("nick_name: must be at most 50 characters");
    }

    @Test
    void an_invalid_field_needs_a_field_and_a_reason() {
        assertThatThrownBy(() -> new InvalidField(null, "r")).isInstanceOf(NullPointerException.class).hasMessage("field");
        assertThatThrownBy(() -> new InvalidField("f", null)).isInstanceOf(NullPointerException.class).hasMessage("reason");
    }

    @Test
    void invalid_fields_refuses_an_empty_list() {
        assertThatThrownBy(() -> new InvalidFields(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalid_fields_keeps_a_copy_of_every_error_in_order() {
        InvalidField a = new InvalidField("cpf", "is not a valid CPF");
        InvalidField b = new InvalidField("email", "is not a valid email address");
        List<InvalidField> list = new ArrayList<>(List.of(a, b));
        InvalidFields e = new InvalidFields(list);
        list.clear();

        assertThat(e.errors()).containsExactly(a, b);
        assertThat(e).hasMessage("2 field(s) are invalid");
        assertThatThrownBy(() -> e.errors().add(a)).isInstanceOf(UnsupportedOperationException.class);
    }
}
