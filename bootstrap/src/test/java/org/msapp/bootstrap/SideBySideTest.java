package org.msapp.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SideBySideTest {
    private static AutoCloseable named(String name, List<String> closed) {
        return () -> closed.add(name);
    }

    @Test
    void the_adapters_are_made_at_once_and_handed_over_in_the_order_asked() {
        CountDownLatch bothBegun = new CountDownLatch(2);
        List<String> order = new ArrayList<>();
        try (var making = new SideBySide(abandoned -> { })) {
            var first = making.begin(() -> {
                bothBegun.countDown();
                await(bothBegun);
                return Adapter.of("first");
            });
            var second = making.begin(() -> {
                bothBegun.countDown();
                await(bothBegun);
                return Adapter.of("second");
            });
            order.add(making.take(first).port());
            order.add(making.take(second).port());
        }
        assertThat(order).containsExactly("first", "second");
    }

    @Test
    void when_one_fails_the_others_are_awaited_and_abandoned_and_the_failure_comes_as_it_was_thrown() {
        List<String> closed = new CopyOnWriteArrayList<>();
        IllegalStateException refused = new IllegalStateException("the database refused");
        Throwable thrown;
        try (var making = new SideBySide(abandoned -> abandoned.resources().forEach(SideBySideTest::close))) {
            var database = making.begin(() -> {
                throw refused;
            });
            var broker = making.begin(() -> Adapter.of("broker").closing(named("broker", closed)));
            var cache = making.begin(() -> {
                sleep(50);
                return Adapter.of("cache").closing(named("cache", closed));
            });
            thrown = catchThrowable(() -> making.take(database));
            assertThat(broker).isDone();
            assertThat(cache).isDone();
        }
        assertThat(thrown).isSameAs(refused);
        assertThat(closed).as("what the others opened is closed").containsExactly("broker", "cache");
    }

    private static void close(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).as("both made at the same time").isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
