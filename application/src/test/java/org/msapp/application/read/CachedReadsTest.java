package org.msapp.application.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.msapp.application.fixtures.Orders;
import org.msapp.application.fixtures.Users;
import org.msapp.domain.order.Order;
import org.msapp.domain.user.User;
import org.msapp.domain.user.UserId;
import org.msapp.domain.user.UserSnapshot;

class CachedReadsTest {
    private final User alice = Users.alice().withId(41).withVersion(3).build();

    @Test
    void keys_name_the_kind_and_the_id() {
        assertThat(CachedReads.user(new UserId(41)).name()).isEqualTo("user:41");
        assertThat(CachedReads.order(Orders.placedBy(alice).withId(9).build().id()).name()).isEqualTo("order:9");
    }

    @Test
    void a_user_is_cached_without_its_hash_and_with_its_cpf_masked() {
        Map<String, Object> fields = CachedReads.user(alice.id()).codec().encode(UserSnapshot.of(alice));

        assertThat(fields.values()).extracting(String::valueOf)
                .noneMatch(v -> v.contains(alice.passwordHash().phc()) || v.contains(alice.cpf().digits()));
        assertThat(fields).containsEntry("cpf_masked", alice.cpf().masked()).containsEntry("version", 3L);
        assertThat(CachedReads.user(alice.id()).codec().version(UserSnapshot.of(alice))).isEqualTo(3);
    }

    @Test
    void fields_read_back_from_json_numbers_of_any_width_decode_equal() {
        Order order = Orders.placedBy(alice).withId(9).withQuantity(7).build();
        Map<String, Object> fields = new HashMap<>(CachedReads.order(order.id()).codec().encode(order));
        fields.put("item_quantity", 7);   // Jackson reads small numbers as Integer

        assertThat(CachedReads.order(order.id()).codec().decode(fields)).isEqualTo(order);
    }

    @Test
    void credentials_are_cached_with_their_versions_and_role_and_never_the_hash() {
        Credentials credentials = Credentials.of(alice);
        Map<String, Object> fields = new HashMap<>(CachedReads.credentials(alice.id()).codec().encode(credentials));

        assertThat(CachedReads.credentials(alice.id()).name()).isEqualTo("credentials:41");
        assertThat(fields.values()).extracting(String::valueOf).noneMatch(v -> v.contains(alice.passwordHash().phc()));
        fields.put("credentials_version", (int) alice.credentialsVersion());   // as Jackson reads a small number back
        assertThat(CachedReads.credentials(alice.id()).codec().decode(fields)).isEqualTo(credentials);
        assertThat(CachedReads.credentials(alice.id()).codec().version(credentials)).isEqualTo(3);
    }

    @Test
    void fields_it_did_not_write_are_refused_as_an_illegal_argument() {
        assertThatThrownBy(() -> CachedReads.user(alice.id()).codec().decode(Map.of("id", "x")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
