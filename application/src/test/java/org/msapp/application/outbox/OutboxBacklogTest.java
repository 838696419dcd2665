package org.msapp.application.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.msapp.application.availability.ServiceUnavailable;
import org.msapp.application.fixtures.InMemoryServices;
import org.msapp.application.fixtures.Users;
import org.msapp.application.port.Persistence;

class OutboxBacklogTest {
    private final InMemoryServices app = new InMemoryServices();
    private final AtomicBoolean storeAway = new AtomicBoolean();
    private final Persistence store = new Persistence() {
        @Override
        public <T> T inTransaction(Function<Stores, T> work) {
            if (storeAway.get()) throw new ServiceUnavailable("the database");
            return app.persistence.inTransaction(work);
        }
    };
    private final OutboxBacklog backlog = new OutboxBacklog(store, app.clock);

    @Test
    void it_tells_nothing_before_a_refresh_and_nothing_of_an_empty_outbox() {
        app.register(Users.alice());
        assertThat(backlog.events()).isZero();

        app.relay.relayOnce();
        backlog.refresh();

        assertThat(backlog.events()).isZero();
        assertThat(backlog.oldestAge()).isZero();
    }

    @Test
    void the_age_of_the_oldest_unpublished_event_grows_with_the_clock_between_refreshes() {
        app.register(Users.alice());
        app.clock.advance(Duration.ofSeconds(10));
        app.register(Users.bob());
        backlog.refresh();
        app.clock.advance(Duration.ofSeconds(5));

        assertThat(backlog.events()).isEqualTo(2);
        assertThat(backlog.oldestAge()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void a_refresh_that_cannot_reach_the_store_keeps_the_last_reading() {
        app.register(Users.alice());
        backlog.refresh();
        storeAway.set(true);
        app.register(Users.bob());

        backlog.refresh();

        assertThat(backlog.events()).isEqualTo(1);
    }
}
