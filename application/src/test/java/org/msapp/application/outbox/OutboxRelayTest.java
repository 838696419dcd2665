package org.msapp.application.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msapp.application.fixtures.InMemoryServices;
import org.msapp.application.fixtures.Orders;
import org.msapp.application.fixtures.Users;
import org.msapp.application.port.EventPublisher;
import org.msapp.application.port.OutboxEvent;
import org.msapp.domain.user.User;

class OutboxRelayTest {
    private static final Duration MS = Duration.ofMillis(1);

    private final InMemoryServices app = new InMemoryServices();
    /** Each batch handed to the publisher, whether or not it was confirmed. */
    private final List<List<UUID>> tries = Collections.synchronizedList(new ArrayList<>());
    private final EventPublisher watched = events -> {
        tries.add(ids(events));
        return app.publisher.publish(events);
    };
    private final OutboxRelay relay = new OutboxRelay(app.persistence, watched, app.clock, InMemoryServices.RELAY);
    private List<UUID> written;

    @BeforeEach
    void writeThreeEvents() {
        User alice = app.register(Users.alice());
        app.register(Users.bob());
        app.place(Orders.placedBy(alice));
        written = ids(app.pendingEvents());
    }

    private static List<UUID> ids(List<OutboxEvent> events) {
        return events.stream().map(OutboxEvent::id).toList();
    }

    private List<UUID> published() {
        return ids(app.publisher.published());
    }

    private long pending() {
        return app.persistence.inTransaction(s -> s.outbox().pending());
    }

    @Test
    void a_round_publishes_the_pending_events_oldest_first_and_marks_them_published() {
        assertThat(written).hasSize(3);

        int confirmed = relay.relayOnce();

        assertThat(confirmed).isEqualTo(3);
        assertThat(published()).containsExactlyElementsOf(written);
        assertThat(pending()).isZero();
        assertThat(app.publisher.published()).extracting(OutboxEvent::type)
                .containsExactly("user.registered", "user.registered", "order.placed");
    }

    @Test
    void a_published_event_is_not_published_again() {
        relay.relayOnce();
        app.clock.advance(Duration.ofHours(1));

        assertThat(relay.relayOnce()).isZero();
        assertThat(published()).containsExactlyElementsOf(written);
    }

    @Test
    void while_the_broker_refuses_nothing_is_lost_and_the_same_events_go_out_later() {
        app.publisher.refuse(true);

        assertThat(relay.relayOnce()).isZero();
        assertThat(published()).isEmpty();
        assertThat(ids(app.pendingEvents())).containsExactlyElementsOf(written);

        app.publisher.refuse(false);
        assertThat(relay.relayOnce()).as("not due before the backoff ends").isZero();
        app.clock.advance(InMemoryServices.RELAY.firstRetry());

        assertThat(relay.relayOnce()).isEqualTo(3);
        assertThat(published()).containsExactlyElementsOf(written);
        assertThat(pending()).isZero();
    }

    @Test
    void while_the_broker_is_away_nothing_is_claimed_so_every_event_goes_at_once_when_it_is_back() {
        var direct = new OutboxRelay(app.persistence, app.publisher, app.clock, InMemoryServices.RELAY);
        app.publisher.away(true);

        for (int i = 0; i < 5; i++) assertThat(direct.relayDue()).isZero();
        assertThat(app.pendingEvents()).extracting(OutboxEvent::attempts).containsOnly(0);

        app.publisher.away(false);
        assertThat(direct.relayDue()).as("due at once: no backoff grew while the broker was away").isEqualTo(3);
        assertThat(published()).containsExactlyElementsOf(written);
    }

    @Test
    void the_backoff_doubles_after_each_refusal_up_to_its_cap() {
        app.publisher.refuse(true);
        Instant start = app.clock.instant();
        // refusals at 0 s, then after waits of 1 s, 2 s, 4 s, 4 s (capped at 4 s)
        long[] attemptsAt = {0, 1, 3, 7, 11, 15};

        for (int i = 0; i < attemptsAt.length; i++) {
            Instant due = start.plusSeconds(attemptsAt[i]);
            if (i > 0) {
                app.clock.set(due.minus(MS));
                relay.relayOnce();
                assertThat(tries).as("no try before %s", due).hasSize(i);
            }
            if (i == attemptsAt.length - 1) app.publisher.refuse(false);
            app.clock.set(due);
            relay.relayOnce();
            assertThat(tries).as("a try at %s", due).hasSize(i + 1);
        }

        assertThat(published()).containsExactlyElementsOf(written);
        assertThat(tries).allSatisfy(batch -> assertThat(batch).containsExactlyElementsOf(written));
    }

    @Test
    void a_publisher_that_throws_loses_nothing() {
        OutboxRelay broken = new OutboxRelay(app.persistence, events -> {
            throw new IllegalStateException("connection reset");
        }, app.clock, InMemoryServices.RELAY);

        assertThat(broken.relayOnce()).isZero();
        assertThat(pending()).isEqualTo(3);

        app.clock.advance(InMemoryServices.RELAY.firstRetry());

        assertThat(relay.relayOnce()).isEqualTo(3);
        assertThat(published()).containsExactlyElementsOf(written);
    }

    @Test
    void it_counts_the_events_handed_over_those_confirmed_and_those_not() {
        OutboxRelay relay = new OutboxRelay(app.persistence, events -> {
            if (events.size() == 1) throw new IllegalStateException("connection reset");
            return Set.of(events.get(0).id());
        }, app.clock, InMemoryServices.RELAY);

        relay.relayOnce();                                       // 3 handed over, 1 confirmed
        app.clock.advance(InMemoryServices.RELAY.firstRetry());
        relay.relayOnce();                                       // 2 handed over, 1 confirmed
        app.clock.advance(InMemoryServices.RELAY.maxRetry());
        relay.relayOnce();                                       // 1 handed over, the publisher throws

        assertThat(relay.published()).isEqualTo(6);
        assertThat(relay.confirmed()).isEqualTo(2);
        assertThat(relay.failed()).isEqualTo(4);
    }

    @Test
    void only_the_events_left_unconfirmed_are_tried_again() {
        OutboxRelay halfConfirmed = new OutboxRelay(app.persistence, events -> {
            app.publisher.publish(events.subList(0, 1));
            return Set.of(events.get(0).id());
        }, app.clock, InMemoryServices.RELAY);

        assertThat(halfConfirmed.relayOnce()).isEqualTo(1);
        assertThat(pending()).isEqualTo(2);

        app.clock.advance(InMemoryServices.RELAY.firstRetry());

        assertThat(relay.relayOnce()).isEqualTo(2);
        assertThat(published()).containsExactlyElementsOf(written);
    }

    @Test
    void a_round_takes_at_most_a_batch() {
        OutboxRelay byTwo = new OutboxRelay(app.persistence, app.publisher, app.clock, new OutboxRelay.Settings(2,
                Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(4)));

        assertThat(byTwo.relayOnce()).isEqualTo(2);
        assertThat(byTwo.relayOnce()).isEqualTo(1);
        assertThat(byTwo.relayOnce()).isZero();
        assertThat(published()).containsExactlyElementsOf(written);
    }

    @Test
    void events_claimed_by_a_relay_that_died_go_out_once_their_lease_ends() {
        Instant now = app.clock.instant();
        Duration lease = InMemoryServices.RELAY.lease();
        app.persistence.inTransaction(s -> s.outbox().claimDue(now, 100, now.plus(lease)));

        assertThat(relay.relayOnce()).isZero();
        app.clock.advance(lease);

        assertThat(relay.relayOnce()).isEqualTo(3);
        assertThat(published()).containsExactlyElementsOf(written);
    }

    @Test
    void relaying_what_is_due_drains_a_backlog_a_batch_at_a_time() {
        OutboxRelay byTwo = new OutboxRelay(app.persistence, watched, app.clock, new OutboxRelay.Settings(2,
                Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(4)));

        assertThat(byTwo.relayDue()).isEqualTo(3);
        assertThat(tries).extracting(List::size).containsExactly(2, 1);
        assertThat(pending()).isZero();
    }

    @Test
    void relaying_what_is_due_stops_after_a_round_the_broker_refused() {
        OutboxRelay byTwo = new OutboxRelay(app.persistence, watched, app.clock, new OutboxRelay.Settings(2,
                Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(4)));
        app.publisher.refuse(true);

        assertThat(byTwo.relayDue()).isZero();
        assertThat(tries).as("one batch tried, not the whole backlog").hasSize(1);
        assertThat(pending()).isEqualTo(3);
    }
}
