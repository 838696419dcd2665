package org.msapp.application.authentication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msapp.application.access.Caller;
import org.msapp.application.access.InvalidCredentials;
import org.msapp.application.access.Role;
import org.msapp.application.fixtures.InMemoryServices;
import org.msapp.application.fixtures.Users;
import org.msapp.application.user.UpdateUser;
import org.msapp.domain.Kind;
import org.msapp.domain.user.NickName;
import org.msapp.domain.user.Password;
import org.msapp.domain.user.User;
import org.msapp.domain.user.UserChanges;

class AuthenticateUserTest {
    private static final String OWNERS_ADDRESS = "198.51.100.7";
    private static final String GUESSERS_ADDRESS = "203.0.113.66";
    private final InMemoryServices app = new InMemoryServices();
    private User alice;

    @BeforeEach
    void registerAlice() {
        alice = app.register(Users.alice());
        app.register(Users.bob());
    }

    private Caller logIn(String nick, String password) {
        return logInFrom(OWNERS_ADDRESS, nick, password);
    }

    private Caller logInFrom(String address, String nick, String password) {
        return app.authenticateUser.handle(new AuthenticateUser.Command(nick, Password.candidate(Password.FIELD, password), address))
                .caller();
    }

    private void failTimes(String nick, int times) {
        failTimesFrom(OWNERS_ADDRESS, nick, times);
    }

    private void failTimesFrom(String address, String nick, int times) {
        for (int i = 0; i < times; i++) {
            assertThatThrownBy(() -> logInFrom(address, nick, "not-the-password")).isInstanceOf(InvalidCredentials.class);
        }
    }

    @Test
    void the_right_password_gives_the_caller_that_user_is() {
        Caller caller = logIn("alice", "alice-password-1");

        assertThat(caller).isEqualTo(new Caller(alice.id(), alice.nickName(), Set.of(Role.USER)));
    }

    @Test
    void a_user_who_holds_the_admin_role_logs_in_with_it_and_a_name_gives_none() {
        app.registerAdmin(Users.withNick("boss"));
        app.register(Users.withNick("root"));

        assertThat(logIn("boss", "alice-password-1").roles()).containsExactlyInAnyOrder(Role.USER, Role.ADMIN);
        assertThat(logIn("root", "alice-password-1").roles()).containsExactly(Role.USER);
    }

    @Test
    void the_nick_name_may_be_given_in_any_case() {
        assertThat(logIn("ALICE", "alice-password-1").userId()).isEqualTo(alice.id());
    }

    @Test
    void a_wrong_password_is_invalid_credentials() {
        assertThatThrownBy(() -> logIn("alice", "alice-password-2")).isInstanceOf(InvalidCredentials.class);
        assertThatThrownBy(() -> logIn("alice", "bob-password-22")).isInstanceOf(InvalidCredentials.class);
    }

    @Test
    void an_unknown_nick_name_is_invalid_credentials() {
        assertThatThrownBy(() -> logIn("mallory", "alice-password-1")).isInstanceOf(InvalidCredentials.class);
    }

    @Test
    void an_unknown_nick_name_costs_a_password_check_as_a_known_one_does() {
        int before = app.hasher.calls();

        assertThatThrownBy(() -> logIn("mallory", "whatever-password")).isInstanceOf(InvalidCredentials.class);

        assertThat(app.hasher.calls()).isGreaterThan(before);
    }

    @Test
    void a_nick_name_that_no_user_could_hold_is_invalid_credentials() {
        assertThatThrownBy(() -> logIn("", "alice-password-1")).isInstanceOf(InvalidCredentials.class);
        assertThatThrownBy(() -> logIn("a".repeat(51), "alice-password-1")).isInstanceOf(InvalidCredentials.class);
        assertThatThrownBy(() -> logIn("alice' OR '1'='1", "alice-password-1")).isInstanceOf(InvalidCredentials.class);
    }

    @Test
    void after_a_change_of_nick_name_only_the_new_one_logs_in() {
        app.updateUser.handle(new UpdateUser.Command(InMemoryServices.callerOf(alice), alice.id(),
                new UserChanges(Optional.of(NickName.of("alicia")), Optional.empty(), Optional.empty(), Optional.empty()),
                InMemoryServices.anyVersion()));

        assertThat(logIn("alicia", "alice-password-1").userId()).isEqualTo(alice.id());
        assertThatThrownBy(() -> logIn("alice", "alice-password-1")).isInstanceOf(InvalidCredentials.class);
    }

    @Test
    void after_five_failures_in_a_minute_even_the_right_password_is_throttled_without_a_hash() {
        failTimes("alice", 5);
        int hashes = app.hasher.calls();

        assertThatThrownBy(() -> logIn("alice", "alice-password-1")).isInstanceOfSatisfying(LoginThrottled.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.TOO_MANY_ATTEMPTS);
            assertThat(e.retryAfterSeconds()).isEqualTo(60);
        });
        assertThat(app.hasher.calls()).as("no hash is spent on a throttled log-in").isEqualTo(hashes);
    }

    @Test
    void the_throttle_lifts_when_the_oldest_failure_leaves_the_window() {
        failTimes("alice", 1);
        app.clock.advance(Duration.ofSeconds(30));
        failTimes("alice", 4);

        app.clock.advance(Duration.ofSeconds(20));
        assertThatThrownBy(() -> logIn("alice", "alice-password-1"))
                .isInstanceOfSatisfying(LoginThrottled.class, e -> assertThat(e.retryAfterSeconds()).isEqualTo(10));

        app.clock.advance(Duration.ofSeconds(10));
        assertThat(logIn("alice", "alice-password-1").userId()).isEqualTo(alice.id());
    }

    @Test
    void a_burst_of_parallel_guesses_gets_no_more_password_checks_than_the_allowance() throws Exception {
        ExecutorService guessers = Executors.newFixedThreadPool(12);
        CyclicBarrier together = new CyclicBarrier(12);
        int before = app.hasher.calls();
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            outcomes.add(guessers.submit(() -> {
                together.await(10, TimeUnit.SECONDS);
                try {
                    logIn("alice", "a guess");
                    return "in";
                } catch (InvalidCredentials wrong) {
                    return "wrong";
                } catch (LoginThrottled slowed) {
                    return "throttled";
                }
            }));
        }
        List<String> results = new ArrayList<>();
        for (Future<String> f : outcomes) results.add(f.get(30, TimeUnit.SECONDS));
        guessers.shutdown();

        assertThat(results).filteredOn("wrong"::equals).hasSize(5);
        assertThat(results).filteredOn("throttled"::equals).hasSize(7);
        assertThat(app.hasher.calls() - before).as("password checks spent").isEqualTo(5);
    }

    @Test
    void a_success_forgets_the_failures_before_it() {
        failTimes("alice", 4);
        logIn("alice", "alice-password-1");
        failTimes("alice", 4);

        assertThat(logIn("alice", "alice-password-1").userId()).isEqualTo(alice.id());
    }

    @Test
    void failures_are_counted_per_nick_name_whatever_its_case() {
        failTimes("ALICE", 5);

        assertThatThrownBy(() -> logIn("alice", "alice-password-1")).isInstanceOf(LoginThrottled.class);
        assertThat(logIn("bob", "bob-password-22").nickName().value()).isEqualTo("bob");
    }

    @Test
    void unknown_nick_names_are_throttled_like_known_ones_so_that_throttling_tells_nothing() {
        failTimes("mallory", 5);

        assertThatThrownBy(() -> logIn("mallory", "whatever")).isInstanceOf(LoginThrottled.class);
    }

    @Test
    void a_guesser_at_one_address_does_not_lock_the_owner_out() {
        failTimesFrom(GUESSERS_ADDRESS, "alice", 5);

        assertThatThrownBy(() -> logInFrom(GUESSERS_ADDRESS, "alice", "alice-password-1")).isInstanceOf(LoginThrottled.class);
        assertThat(logInFrom(OWNERS_ADDRESS, "alice", "alice-password-1").userId()).isEqualTo(alice.id());
        assertThatThrownBy(() -> logInFrom(GUESSERS_ADDRESS, "alice", "another guess")).as("the guesser, still")
                .isInstanceOf(LoginThrottled.class);
    }

    @Test
    void a_guesser_spread_over_many_addresses_is_stopped_by_the_ceiling_of_100_failures_an_hour() {
        for (int i = 0; i < 100; i++) {
            failTimesFrom(address(i), "alice", 1);
            app.clock.advance(Duration.ofSeconds(30));
        }

        assertThatThrownBy(() -> logInFrom(address(100), "alice", "one more guess")).isInstanceOfSatisfying(LoginThrottled.class,
                e -> assertThat(e.retryAfterSeconds()).as("until the first failure is an hour old").isEqualTo(600));
        assertThatThrownBy(() -> logIn("alice", "alice-password-1")).as("the owner too, for as long")
                .isInstanceOf(LoginThrottled.class);
        assertThat(logInFrom(address(101), "bob", "bob-password-22").nickName().value()).as("another account").isEqualTo("bob");

        app.clock.advance(Duration.ofMinutes(10));
        assertThat(logIn("alice", "alice-password-1").userId()).isEqualTo(alice.id());
    }

    @Test
    void an_owner_who_logs_in_does_not_lift_the_ceiling_for_the_guessers() {
        for (int i = 0; i < 99; i++) failTimesFrom(address(i), "alice", 1);

        assertThat(logIn("alice", "alice-password-1").userId()).isEqualTo(alice.id());
        failTimesFrom(address(99), "alice", 1);

        assertThatThrownBy(() -> logInFrom(address(100), "alice", "one more guess")).isInstanceOf(LoginThrottled.class);
    }

    @Test
    void a_client_that_logs_in_on_every_request_never_uses_up_the_ceiling() {
        for (int i = 0; i < 150; i++) logIn("alice", "alice-password-1");
        failTimesFrom(GUESSERS_ADDRESS, "alice", 1);

        assertThat(logIn("alice", "alice-password-1").userId()).isEqualTo(alice.id());
    }

    private static String address(int n) {
        return "192.0.2." + n;
    }
}
