package org.msapp.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourcesTest {
    private final List<String> closed = new ArrayList<>();

    private AutoCloseable named(String name) {
        return () -> closed.add(name);
    }

    @Test
    void resources_close_newest_first() {
        Resources resources = new Resources();
        resources.add(named("pool"));
        resources.add(named("jobs"));
        resources.add(named("http"));

        resources.close();

        assertThat(closed).containsExactly("http", "jobs", "pool");
    }

    @Test
    void a_resource_that_fails_to_close_does_not_keep_the_others_open() {
        Resources resources = new Resources();
        resources.add(named("pool"));
        resources.add(() -> {
            throw new IllegalStateException("stuck");
        });
        resources.add(named("http"));

        resources.close();

        assertThat(closed).containsExactly("http", "pool");
    }

    @Test
    void closing_twice_closes_each_resource_once() {
        Resources resources = new Resources();
        resources.add(named("pool"));

        resources.close();
        resources.close();

        assertThat(closed).containsExactly("pool");
    }
}
