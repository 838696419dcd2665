package org.msapp.application.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.msapp.application.fixtures.InMemoryServices;
import org.msapp.application.fixtures.TestClock;
import org.msapp.application.fixtures.Users;
import org.msapp.application.port.OutboxEvent;
import org.msapp.domain.user.NickName;
import org.msapp.domain.user.NickNameTaken;
import org.msapp.domain.user.User;
import org.msapp.domain.user.UserSnapshot;

class RegisterUserTest {
    private final InMemoryServices app = new InMemoryServices();

    @Test
    void a_registered_user_is_stored_at_version_1_created_now() {
        User alice = app.register(Users.alice());

        assertThat(app.getUser.handle(new GetUser.Query(InMemoryServices.ADMIN, alice.id()))).isEqualTo(UserSnapshot.of(alice));
        assertThat(alice.version()).isEqualTo(1);
        assertThat(alice.createdAt()).isEqualTo(TestClock.START);
        assertThat(alice.updatedAt()).isEqualTo(TestClock.START);
        assertThat(alice.cpf().digits()).isEqualTo("52998224725");
    }

    @Test
    void each_user_gets_its_own_id() {
        User alice = app.register(Users.alice());
        User bob = app.register(Users.bob());

        assertThat(alice.id()).isNotEqualTo(bob.id());
        assertThat(app.getUser.handle(new GetUser.Query(InMemoryServices.ADMIN, bob.id())).nickName()).isEqualTo(NickName.of("bob"));
    }

    @Test
    void registering_records_one_user_registered_event_without_secrets() {
        User alice = app.register(Users.alice());

        OutboxEvent event = app.pendingEvents().get(0);
        assertThat(app.pendingEvents()).hasSize(1);
        assertThat(event.type()).isEqualTo("user.registered");
        assertThat(event.subject()).isEqualTo("users/" + alice.id());
        assertThat(event.data()).containsEntry("user_id", alice.id().value()).containsEntry("nick_name", "alice")
                .containsEntry("cpf", "***.982.247-**");
        assertThat(event.data().values()).extracting(String::valueOf)
                .noneMatch(v -> v.contains("52998224725") || v.contains(alice.passwordHash().phc())
                        || v.contains("alice-password-1"));
    }

    @Test
    void a_nick_name_taken_in_any_case_is_a_conflict_and_nothing_more_is_stored() {
        app.register(Users.alice());

        for (String nick : new String[] {"alice", "ALICE", "aLiCe"}) {
            assertThatThrownBy(() -> app.register(Users.withNick(nick))).isInstanceOf(NickNameTaken.class);
        }
        assertThat(app.listUsers.handle(new ListUsers.Query(InMemoryServices.ADMIN, 10, Optional.empty())).items()).hasSize(1);
        assertThat(app.pendingEventTypes()).containsExactly("user.registered");
    }

    @Test
    void the_password_is_stored_only_as_a_hash_that_verifies_it() {
        User alice = app.register(Users.alice());

        User stored = app.findUserByNickName.handle(new FindUserByNickName.Query(InMemoryServices.ADMIN, NickName.of("alice"))).orElseThrow();
        assertThat(stored.passwordHash()).isEqualTo(alice.passwordHash());
        assertThat(stored.passwordHash().phc()).doesNotContain("alice-password-1");
        assertThat(app.hasher.verify(Users.alice().password(), stored.passwordHash())).isTrue();
    }
}
