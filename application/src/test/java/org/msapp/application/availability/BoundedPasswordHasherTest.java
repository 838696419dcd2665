package org.msapp.application.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.msapp.application.fixtures.FastPasswordHasher;
import org.msapp.application.port.PasswordHasher;
import org.msapp.application.port.PasswordHasherContract;
import org.msapp.domain.user.Password;
import org.msapp.domain.user.PasswordHash;

/** The admission in front of a hasher: the port's contract still holds, and no more run or wait than allowed. */
class BoundedPasswordHasherTest extends PasswordHasherContract {
    private static final Password PASSWORD = Password.candidate(Password.FIELD, "a password");
    private static final Duration LONG = Duration.ofSeconds(30);

    private final SlowHasher slow = new SlowHasher();
    private final List<Caller> callers = new ArrayList<>();

    @Override
    protected PasswordHasher hasher() {
        return new BoundedPasswordHasher(new FastPasswordHasher(), 2, 8, Duration.ofSeconds(1));
    }

    @AfterEach
    void letEveryoneGo() throws InterruptedException {
        slow.finish();
        for (Caller c : callers) c.thread.join(TimeUnit.SECONDS.toMillis(10));
    }

    @Test
    void no_more_hashes_run_at_once_than_allowed_and_the_others_wait_their_turn() throws Exception {
        var bounded = new BoundedPasswordHasher(slow, 2, 3, LONG);
        for (int i = 0; i < 5; i++) call(bounded);
        slow.awaitRunning(2);
        for (Caller c : callers) c.awaitBlocked();

        assertThat(slow.running()).isEqualTo(2);
        slow.finish();
        for (Caller c : callers) assertThat(c.outcome.get(10, TimeUnit.SECONDS)).isEqualTo("hashed");
        assertThat(slow.mostAtOnce()).isEqualTo(2);
    }

    @Test
    void it_tells_how_many_run_and_wait_now_and_how_many_were_refused() throws Exception {
        var bounded = new BoundedPasswordHasher(slow, 2, 3, LONG);
        assertThat(List.of(bounded.running(), bounded.waiting())).containsExactly(0, 0);
        for (int i = 0; i < 5; i++) call(bounded);
        slow.awaitRunning(2);
        for (Caller c : callers) c.awaitBlocked();

        assertThat(List.of(bounded.running(), bounded.waiting())).containsExactly(2, 3);
        assertThatThrownBy(() -> bounded.hash(PASSWORD)).isInstanceOf(Overloaded.class);
        assertThat(bounded.refused()).isEqualTo(1);

        slow.finish();
        for (Caller c : callers) c.outcome.get(10, TimeUnit.SECONDS);
        assertThat(List.of(bounded.running(), bounded.waiting())).containsExactly(0, 0);
    }

    @Test
    void past_the_waiting_places_a_caller_is_refused_at_once_with_a_retry_later() {
        var bounded = new BoundedPasswordHasher(slow, 1, 2, LONG);
        for (int i = 0; i < 3; i++) call(bounded);
        slow.awaitRunning(1);
        for (Caller c : callers) c.awaitBlocked();

        long start = System.nanoTime();
        assertThatThrownBy(() -> bounded.verify(PASSWORD, new PasswordHash("x"))).isInstanceOfSatisfying(Overloaded.class,
                e -> assertThat(e.retryAfterSeconds()).isPositive());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time the refused caller waited").isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void a_caller_that_waits_longer_than_allowed_is_refused() {
        var bounded = new BoundedPasswordHasher(slow, 1, 1, Duration.ofMillis(50));
        call(bounded);
        slow.awaitRunning(1);

        assertThatThrownBy(() -> bounded.hash(PASSWORD)).isInstanceOf(Overloaded.class);
    }

    @Test
    void places_are_given_back_whatever_became_of_the_call() {
        var failing = new BoundedPasswordHasher(new PasswordHasher() {
            @Override
            public PasswordHash hash(Password password) {
                throw new IllegalStateException("broken");
            }

            @Override
            public boolean verify(Password candidate, PasswordHash hash) {
                return true;
            }
        }, 1, 0, Duration.ofMillis(10));

        for (int i = 0; i < 3; i++) assertThatThrownBy(() -> failing.hash(PASSWORD)).isInstanceOf(IllegalStateException.class);
        assertThat(failing.verify(PASSWORD, new PasswordHash("x"))).isTrue();
    }

    @Test
    void a_refused_caller_takes_no_place_from_those_that_come_later() throws Exception {
        var bounded = new BoundedPasswordHasher(slow, 1, 0, LONG);
        Caller first = call(bounded);
        slow.awaitRunning(1);
        for (int i = 0; i < 3; i++) assertThatThrownBy(() -> bounded.hash(PASSWORD)).isInstanceOf(Overloaded.class);

        slow.finish();
        assertThat(first.outcome.get(10, TimeUnit.SECONDS)).isEqualTo("hashed");
        assertThat(bounded.hash(PASSWORD).phc()).isEqualTo("slow");
    }

    private static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private Caller call(PasswordHasher hasher) {
        var caller = new Caller(hasher);
        callers.add(caller);
        caller.thread.start();
        return caller;
    }

    /** A caller on a thread of its own, so that the test can see it block. */
    private static final class Caller {
        final CompletableFuture<String> outcome = new CompletableFuture<>();
        final Thread thread;

        Caller(PasswordHasher hasher) {
            thread = new Thread(() -> {
                try {
                    hasher.hash(PASSWORD);
                    outcome.complete("hashed");
                } catch (Overloaded e) {
                    outcome.complete("refused");
                }
            });
        }

        /** Until it hashes (waits in the slow hasher) or waits for its turn (parked with a timeout). */
        void awaitBlocked() {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                Thread.State state = thread.getState();
                if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) return;
                pause();
            }
            throw new AssertionError("the caller never blocked: " + thread.getState());
        }
    }

    /** A hasher whose every call lasts until {@link #finish}; it counts how many ran at once. */
    private static final class SlowHasher implements PasswordHasher {
        private final CountDownLatch done = new CountDownLatch(1);
        private final AtomicInteger running = new AtomicInteger();
        private final AtomicInteger most = new AtomicInteger();

        @Override
        public PasswordHash hash(Password password) {
            run();
            return new PasswordHash("slow");
        }

        @Override
        public boolean verify(Password candidate, PasswordHash hash) {
            run();
            return false;
        }

        private void run() {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
        }

        void awaitRunning(int n) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (running.get() < n) {
                if (System.nanoTime() > deadline) throw new AssertionError("never " + n + " running: " + running.get());
                pause();
            }
        }

        void finish() {
            done.countDown();
        }

        int running() {
            return running.get();
        }

        int mostAtOnce() {
            return most.get();
        }
    }
}
