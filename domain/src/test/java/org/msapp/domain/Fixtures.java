package org.msapp.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.msapp.domain.order.ItemDescription;
import org.msapp.domain.order.ItemPrice;
import org.msapp.domain.order.Order;
import org.msapp.domain.order.OrderPlaced;
import org.msapp.domain.order.OrderId;
import org.msapp.domain.order.Quantity;
import org.msapp.domain.user.Cpf;
import org.msapp.domain.user.Email;
import org.msapp.domain.user.FullName;
import org.msapp.domain.user.NickName;
import org.msapp.domain.user.PasswordHash;
import org.msapp.domain.user.PhoneNumber;
import org.msapp.domain.user.User;
import org.msapp.domain.user.UserId;
import org.msapp.domain.user.UserRegistered;

/** A valid user (id 7) and order (id 42, of user 7), with the events that made them, and the one assertion every refusal needs. */
public final class Fixtures {
    public static final Instant T0 = Instant.parse("2024-01-02T03:04:05Z");
    public static final String HASH = "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA";
    public static final String CPF = "11144477735";
    /** One code point, two UTF-16 units. */
    public static final String EMOJI = "\uD83D\uDE00";

    private Fixtures() {
    }

    public static User user() {
        return registration().state();
    }

    public static Order order() {
        return placement().state();
    }

    public static Change<User, UserRegistered> registration() {
        return User.register(new UserId(7), NickName.of("ana.silva"), new PasswordHash(HASH), FullName.of("Ana Silva"),
                Cpf.of(CPF), Email.of("ana@example.com"), PhoneNumber.of("+55 (11) 91234-5678"), T0);
    }

    public static Change<Order, OrderPlaced> placement() {
        return Order.place(new OrderId(42), new UserId(7), ItemDescription.of("A keyboard"), Quantity.of(3),
                ItemPrice.of(1_250), T0);
    }

    /** Asserts that {@code call} throws an {@link InvalidField} naming {@code field}, and returns it. */
    public static InvalidField refusal(String field, ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(InvalidField.class);
        InvalidField invalid = (InvalidField) thrown;
        assertThat(invalid.field()).isEqualTo(field);
        return invalid;
    }

    /** What the canonical constructor throws when given {@code valid}'s components with {@code component} null. */
    public static Throwable constructedWithNull(Record valid, String component) throws ReflectiveOperationException {
        RecordComponent[] components = valid.getClass().getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            args[i] = components[i].getName().equals(component) ? null : components[i].getAccessor().invoke(valid);
        }
        Constructor<?> canonical = valid.getClass().getDeclaredConstructor(types);
        try {
            canonical.newInstance(args);
            return null;
        } catch (InvocationTargetException e) {
            return e.getCause();
        }
    }
}
