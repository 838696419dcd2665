package org.msapp.application.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.msapp.application.fixtures.InMemoryServices;
import org.msapp.application.fixtures.Orders;
import org.msapp.application.fixtures.Users;
import org.msapp.application.outbox.OutboxRelay;
import org.msapp.application.port.IdempotencyRecord;
import org.msapp.domain.user.User;

class HousekeepingTest {
    private static final Duration MS = Duration.ofMillis(1);

    private final InMemoryServices app = new InMemoryServices();
    private final OutboxRelay relay = app.relay;
    private final Housekeeping housekeeping = app.housekeeping;

    private long pending() {
        return app.persistence.inTransaction(s -> s.outbox().pending());
    }

    private void writeThreeEvents() {
        User alice = app.register(Users.alice());
        app.register(Users.bob());
        app.place(Orders.placedBy(alice));
    }

    @Test
    void purge_deletes_published_events_once_the_retention_has_passed() {
        writeThreeEvents();
        relay.relayOnce();
        app.register(Users.carol());

        app.clock.advance(InMemoryServices.RETENTION);
        assertThat(housekeeping.purgeOnce()).as("published just now, not yet past the retention").isZero();

        app.clock.advance(MS);
        assertThat(housekeeping.purgeOnce()).isEqualTo(3);
        assertThat(pending()).isEqualTo(1);
    }

    @Test
    void purge_deletes_idempotency_records_once_they_have_expired() {
        app.persistence.inTransaction(s -> {
            s.idempotency().save(new IdempotencyRecord("k", "h", 201, Map.of(), "{}", app.clock.instant().plusSeconds(60)),
                    app.clock.instant());
            return null;
        });
        assertThat(housekeeping.purgeOnce()).as("not yet expired").isZero();

        app.clock.advance(Duration.ofSeconds(60));
        assertThat(housekeeping.purgeOnce()).isEqualTo(1);
        Optional<IdempotencyRecord> left = app.persistence.inTransaction(s -> s.idempotency().find("k", app.clock.instant()));
        assertThat(left).isEmpty();
    }
}
