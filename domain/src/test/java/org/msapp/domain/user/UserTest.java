package org.msapp.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.msapp.domain.Fixtures.CPF;
import static org.msapp.domain.Fixtures.HASH;
import static org.msapp.domain.Fixtures.T0;
import static org.msapp.domain.Fixtures.user;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.msapp.domain.Fixtures;
import org.msapp.domain.order.Order;
import org.msapp.domain.order.OrderId;

class UserTest {
    private static final Instant T1 = T0.plus(Duration.ofMinutes(5));
    private static final PasswordHash NEW_HASH = new PasswordHash("$argon2id$v=19$m=65536,t=3,p=4$bmV3c2FsdA$bmV3aGFzaA");

    @Test
    void a_registered_user_is_at_version_1_created_and_updated_at_the_same_instant() {
        User user = user();
        assertThat(user.version()).isEqualTo(1);
        assertThat(user.createdAt()).isEqualTo(T0);
        assertThat(user.updatedAt()).isEqualTo(user.createdAt());
        assertThat(user.id()).isEqualTo(new UserId(7));
        assertThat(user.nickName()).isEqualTo(NickName.of("ana.silva"));
        assertThat(user.passwordHash().phc()).isEqualTo(HASH);
        assertThat(user.cpf().digits()).isEqualTo(CPF);
    }

    @Test
    void an_update_returns_the_next_version_with_the_changes_and_leaves_the_original_alone() {
        User user = user();
        UserChanges changes = new UserChanges(Optional.of(NickName.of("bia")), Optional.of(FullName.of("Bia Souza")),
                Optional.of(Email.of("bia@example.com")), Optional.of(PhoneNumber.of("11 5555-0000")));

        User updated = user.update(changes, T1).state();

        assertThat(updated).isNotSameAs(user);
        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.updatedAt()).isEqualTo(T1);
        assertThat(updated.createdAt()).isEqualTo(T0);
        assertThat(updated.nickName().value()).isEqualTo("bia");
        assertThat(updated.fullName().value()).isEqualTo("Bia Souza");
        assertThat(updated.email().value()).isEqualTo("bia@example.com");
        assertThat(updated.phoneNumber().value()).isEqualTo("11 5555-0000");
        assertThat(updated.id()).isEqualTo(user.id());
        assertThat(updated.cpf()).isEqualTo(user.cpf());
        assertThat(updated.passwordHash()).isEqualTo(user.passwordHash());

        assertThat(user).isEqualTo(user());
        assertThat(user.version()).isEqualTo(1);
        assertThat(user.nickName().value()).isEqualTo("ana.silva");
    }

    @Test
    void an_update_changes_only_what_it_names() {
        User user = user();
        User updated = user.update(new UserChanges(Optional.empty(), Optional.of(FullName.of("Ana S.")), Optional.empty(),
                Optional.empty()), T1).state();

        assertThat(updated.fullName().value()).isEqualTo("Ana S.");
        assertThat(updated.nickName()).isEqualTo(user.nickName());
        assertThat(updated.email()).isEqualTo(user.email());
        assertThat(updated.phoneNumber()).isEqualTo(user.phoneNumber());
    }

    @Test
    void each_change_takes_the_next_version() {
        User v3 = user().update(UserChanges.none(), T1).state().changePassword(NEW_HASH, T1.plusSeconds(1)).state();
        assertThat(v3.version()).isEqualTo(3);
    }

    @Test
    void changing_the_password_returns_the_next_version_with_the_new_hash_and_credentials_version_only() {
        User user = user();
        User changed = user.changePassword(NEW_HASH, T1).state();

        assertThat(changed.passwordHash()).isEqualTo(NEW_HASH);
        assertThat(changed.version()).isEqualTo(2);
        assertThat(changed.updatedAt()).isEqualTo(T1);
        assertThat(changed.credentialsVersion()).isEqualTo(2);
        assertThat(changed).usingRecursiveComparison()
                .ignoringFields("passwordHash", "updatedAt", "version", "credentialsVersion").isEqualTo(user);
        assertThat(user.passwordHash().phc()).isEqualTo(HASH);
        assertThat(user.version()).isEqualTo(1);
    }

    @Test
    void a_clock_that_steps_back_does_not_move_updated_at_back() {
        User later = user().update(UserChanges.none(), T1).state();
        Instant earlier = T1.minusSeconds(30);

        User updated = later.update(UserChanges.none(), earlier).state();
        User changed = later.changePassword(NEW_HASH, earlier).state();

        assertThat(updated.updatedAt()).isEqualTo(T1);
        assertThat(changed.updatedAt()).isEqualTo(T1);
        assertThat(user().update(UserChanges.none(), T0.minusSeconds(3600)).state().updatedAt()).isEqualTo(T0);
        assertThat(updated.version()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void the_canonical_constructor_refuses_a_version_below_1(long version) {
        User u = user();
        assertThatThrownBy(() -> new User(u.id(), u.nickName(), u.passwordHash(), u.fullName(), u.cpf(), u.email(),
                u.phoneNumber(), u.createdAt(), u.updatedAt(), version, 1, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1})
    void the_canonical_constructor_refuses_a_credentials_version_below_1(long credentialsVersion) {
        User u = user();
        assertThatThrownBy(() -> new User(u.id(), u.nickName(), u.passwordHash(), u.fullName(), u.cpf(), u.email(),
                u.phoneNumber(), u.createdAt(), u.updatedAt(), 1, credentialsVersion, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("credentialsVersion");
    }

    @Test
    void a_change_of_password_moves_the_credentials_version_and_a_change_of_data_does_not() {
        User registered = user();
        User updated = registered.update(UserChanges.none(), T1).state();
        User changed = updated.changePassword(NEW_HASH, T1.plusSeconds(1)).state();

        assertThat(registered.credentialsVersion()).isEqualTo(1);
        assertThat(updated.credentialsVersion()).isEqualTo(1);
        assertThat(changed.credentialsVersion()).isEqualTo(2);
    }

    @Test
    void the_canonical_constructor_refuses_an_update_before_the_creation() {
        User u = user();
        assertThatThrownBy(() -> new User(u.id(), u.nickName(), u.passwordHash(), u.fullName(), u.cpf(), u.email(),
                u.phoneNumber(), T0, T0.minusNanos(1), 1, 1, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("updated before");
    }

    static Stream<String> references() {
        return Arrays.stream(User.class.getRecordComponents()).filter(c -> !c.getType().isPrimitive()).map(RecordComponent::getName);
    }

    @ParameterizedTest
    @MethodSource("references")
    void the_canonical_constructor_requires_every_component(String component) throws Exception {
        assertThat(Fixtures.constructedWithNull(user(), component))
                .isInstanceOf(NullPointerException.class).hasMessage(component);
    }

    @Test
    void the_canonical_constructor_rehydrates_stored_values_that_predate_the_rules() {
        User tutorial = new User(new UserId(1), NickName.stored("a b"), new PasswordHash(HASH), FullName.stored(""),
                Cpf.stored("00000000000"), Email.stored("nope"), PhoneNumber.stored("call me"), T0, T1, 12, 3, false);
        assertThat(tutorial.cpf().masked()).isEqualTo("***.000.000-**");
        assertThat(tutorial.version()).isEqualTo(12);
    }

    @Test
    void a_user_holds_no_orders() {
        for (RecordComponent c : User.class.getRecordComponents()) {
            assertThat(c.getType()).as(c.getName()).isNotEqualTo(Order.class).isNotEqualTo(OrderId.class);
            assertThat(Collection.class.isAssignableFrom(c.getType())).as(c.getName()).isFalse();
            assertThat(Map.class.isAssignableFrom(c.getType())).as(c.getName()).isFalse();
            assertThat(Optional.class.isAssignableFrom(c.getType())).as(c.getName()).isFalse();
            assertThat(c.getType().isArray()).as(c.getName()).isFalse();
            assertThat(c.getName().toLowerCase()).doesNotContain("order");
        }
        assertThat(Arrays.stream(User.class.getMethods()).map(m -> m.getReturnType().getName()))
                .doesNotContain(Order.class.getName(), OrderId.class.getName());
    }

    @Test
    void printing_a_user_shows_neither_the_hash_nor_the_cpf_digits() {
        String printed = user().toString();
        assertThat(printed).doesNotContain(HASH).doesNotContain("argon2").doesNotContain(CPF)
                .contains("***.444.777-**");
    }

    @Test
    void user_changes_know_when_they_are_empty() {
        assertThat(UserChanges.none().isEmpty()).isTrue();
        assertThat(new UserChanges(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(PhoneNumber.of("1")))
                .isEmpty()).isFalse();
        assertThat(new UserChanges(Optional.of(NickName.of("bia")), Optional.empty(), Optional.empty(), Optional.empty())
                .isEmpty()).isFalse();
    }

    @Test
    void user_changes_cannot_touch_the_id_the_hash_or_the_cpf() {
        assertThat(Arrays.stream(UserChanges.class.getRecordComponents()).map(RecordComponent::getName))
                .containsExactly("nickName", "fullName", "email", "phoneNumber");
    }
}
