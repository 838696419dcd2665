package org.msapp.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.msapp.domain.order.ItemDescription;
import org.msapp.domain.order.ItemPrice;
import org.msapp.domain.order.Quantity;
import org.msapp.domain.user.Cpf;
import org.msapp.domain.user.Email;
import org.msapp.domain.user.FullName;
import org.msapp.domain.user.NickName;
import org.msapp.domain.user.Password;
import org.msapp.domain.user.PhoneNumber;

/** A value object has two ways in, {@code of} (today's rules) and {@code stored} (a persisted value): no constructor skips the rules. */
class ValueObjectsTest {
    private static final List<Class<?>> CHECKED_VALUES = List.of(NickName.class, FullName.class, Cpf.class, Email.class,
            PhoneNumber.class, Password.class, ItemDescription.class, Quantity.class, ItemPrice.class);

    @Test
    void no_value_object_has_a_public_constructor() {
        for (Class<?> type : CHECKED_VALUES) {
            assertThat(type.getConstructors()).as(type.getSimpleName()).isEmpty();
            assertThat(type.isRecord()).as(type.getSimpleName() + " is a record, whose canonical constructor is public").isFalse();
        }
    }

    @Test
    void numbers_compare_by_value_and_kind() {
        assertThat(Quantity.of(3)).isEqualTo(Quantity.stored(3)).hasSameHashCodeAs(Quantity.stored(3)).isNotEqualTo(Quantity.of(4));
        assertThat(ItemPrice.of(3)).isEqualTo(ItemPrice.stored(3)).isNotEqualTo(Quantity.of(3));
        assertThat(Quantity.of(3)).hasToString("3");
    }
}
