package org.msapp.application.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msapp.application.fixtures.InMemoryServices;
import org.msapp.application.fixtures.Users;
import org.msapp.domain.user.FullName;
import org.msapp.domain.user.NickName;
import org.msapp.domain.user.User;
import org.msapp.domain.user.UserChanges;
import org.msapp.domain.user.UserId;
import org.msapp.domain.user.UserNotFound;
import org.msapp.domain.user.UserSnapshot;

class GetUserTest {
    private final InMemoryServices app = new InMemoryServices();
    private User alice;

    @BeforeEach
    void registerAlice() {
        alice = app.register(Users.alice());
    }

    /** Changes alice in the store behind the use cases' back, so no eviction happens. */
    private User changeBehindTheCache(String fullName) {
        User next = alice.update(new UserChanges(Optional.empty(), Optional.of(FullName.of(fullName)), Optional.empty(),
                Optional.empty()), app.clock.instant()).state();
        app.persistence.inTransaction(stores -> {
            stores.users().update(next);
            return null;
        });
        return next;
    }

    @Test
    void a_user_is_read_by_its_id() {
        assertThat(app.getUser.handle(new GetUser.Query(InMemoryServices.ADMIN, alice.id()))).isEqualTo(UserSnapshot.of(alice));
    }

    @Test
    void a_missing_user_is_not_found() {
        assertThatThrownBy(() -> app.getUser.handle(new GetUser.Query(InMemoryServices.ADMIN, new UserId(alice.id().value() + 1)))).isInstanceOf(UserNotFound.class);
    }

    @Test
    void once_read_a_user_is_served_from_the_cache_until_its_time_to_live_ends() {
        app.getUser.handle(new GetUser.Query(InMemoryServices.ADMIN, alice.id()));
        User changed = changeBehindTheCache("Changed Behind");

        assertThat(app.getUser.handle(new GetUser.Query(InMemoryServices.ADMIN, alice.id()))).isEqualTo(UserSnapshot.of(alice));

        app.clock.advance(InMemoryServices.CACHE_TTL.multipliedBy(11).dividedBy(10).plusMillis(1));

        assertThat(app.getUser.handle(new GetUser.Query(InMemoryServices.ADMIN, alice.id()))).isEqualTo(UserSnapshot.of(changed));
    }

    @Test
    void reads_keep_working_from_the_store_while_the_cache_fails() {
        app.cache.fail(true);

        assertThat(app.getUser.handle(new GetUser.Query(InMemoryServices.ADMIN, alice.id()))).isEqualTo(UserSnapshot.of(alice));
        User changed = changeBehindTheCache("Changed While Down");
        assertThat(app.getUser.handle(new GetUser.Query(InMemoryServices.ADMIN, alice.id()))).isEqualTo(UserSnapshot.of(changed));
        assertThatThrownBy(() -> app.getUser.handle(new GetUser.Query(InMemoryServices.ADMIN, new UserId(999)))).isInstanceOf(UserNotFound.class);
    }

    @Test
    void a_missing_user_is_not_remembered_as_missing() {
        UserId next = new UserId(alice.id().value() + 1);
        assertThatThrownBy(() -> app.getUser.handle(new GetUser.Query(InMemoryServices.ADMIN, next))).isInstanceOf(UserNotFound.class);

        User bob = app.register(Users.bob());

        assertThat(bob.id()).isEqualTo(next);
        assertThat(app.getUser.handle(new GetUser.Query(InMemoryServices.ADMIN, next))).isEqualTo(UserSnapshot.of(bob));
    }

    @Test
    void find_by_nick_name_ignores_case_and_is_empty_for_nobody() {
        assertThat(app.findUserByNickName.handle(new FindUserByNickName.Query(InMemoryServices.ADMIN, NickName.of("ALICE")))).contains(alice);
        assertThat(app.findUserByNickName.handle(new FindUserByNickName.Query(InMemoryServices.ADMIN, NickName.of("mallory")))).isEmpty();
    }

    @Test
    void time_to_live_is_measured_on_the_clock_the_cache_was_given() {
        app.getUser.handle(new GetUser.Query(InMemoryServices.ADMIN, alice.id()));
        User changed = changeBehindTheCache("Changed Behind");

        app.clock.advance(InMemoryServices.CACHE_TTL.minus(Duration.ofMillis(1)));

        assertThat(app.getUser.handle(new GetUser.Query(InMemoryServices.ADMIN, alice.id()))).isEqualTo(UserSnapshot.of(alice)).isNotEqualTo(UserSnapshot.of(changed));
    }
}
