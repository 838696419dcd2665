package org.msapp.application.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msapp.application.fixtures.OutboxEvents;
import org.msapp.application.fixtures.SequentialIds;
import org.msapp.application.tracing.Trace;

/**
 * The contract of {@link Persistence.Stores#outbox()}, for every persistence adapter.
 *
 * <p>Times: events occur a minute or so before {@code t0}, which is a minute after the real time the
 * test starts, and every claim is made at {@code t0} or later; so the contract holds whether an
 * adapter makes an appended event due from its {@code occurredAt} or from the moment it is appended.
 * All instants are whole milliseconds, which every database keeps exactly.
 */
public abstract class OutboxContract {
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration MS = Duration.ofMillis(1);

    /** A fresh, empty store; called once before each test. */
    protected abstract Persistence persistence();

    private Persistence db;
    private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofMinutes(1));

    @BeforeEach
    void openTheStore() {
        db = persistence();
    }

    private <T> T tx(Function<Persistence.Stores, T> work) {
        return db.inTransaction(work);
    }

    /** Event {@code n}, which occurred {@code n} seconds after a minute before t0. */
    private OutboxEvent event(int n) {
        return OutboxEvents.numbered(n, t0.minusSeconds(60).plusSeconds(n));
    }

    private List<OutboxEvent> append(int... numbers) {
        List<OutboxEvent> events = java.util.Arrays.stream(numbers).mapToObj(this::event).toList();
        tx(s -> {
            events.forEach(s.outbox()::append);
            return null;
        });
        return events;
    }

    private List<UUID> claim(Instant now, int max) {
        return claimEvents(now, max).stream().map(OutboxEvent::id).toList();
    }

    private List<OutboxEvent> claimEvents(Instant now, int max) {
        return tx(s -> s.outbox().claimDue(now, max, now.plus(LEASE)));
    }

    private void markPublished(Instant at, UUID... ids) {
        tx(s -> {
            s.outbox().markPublished(List.of(ids), at);
            return null;
        });
    }

    private void retryAt(UUID id, Instant at) {
        tx(s -> {
            s.outbox().retryAt(id, at);
            return null;
        });
    }

    private int purge(Instant cutoff) {
        return tx(s -> s.outbox().purgePublishedBefore(cutoff));
    }

    private Outbox.Backlog backlog() {
        return tx(s -> s.outbox().backlog());
    }

    private long pending() {
        return tx(s -> s.outbox().pending());
    }

    private static UUID id(int n) {
        return SequentialIds.id(n);
    }

    // claiming

    @Test
    void an_empty_outbox_has_nothing_to_claim() {
        assertThat(claim(t0, 10)).isEmpty();
        assertThat(pending()).isZero();
    }

    @Test
    void due_events_are_claimed_oldest_first() {
        append(1, 2);
        append(3);

        assertThat(claim(t0, 10)).containsExactly(id(1), id(2), id(3));
    }

    @Test
    void a_claim_returns_at_most_max_events_and_the_next_claim_the_rest() {
        append(1, 2, 3, 4, 5);

        assertThat(claim(t0, 2)).containsExactly(id(1), id(2));
        assertThat(claim(t0, 2)).containsExactly(id(3), id(4));
        assertThat(claim(t0, 2)).containsExactly(id(5));
        assertThat(claim(t0, 2)).isEmpty();
    }

    @Test
    void a_claimed_event_comes_back_as_it_was_appended() {
        OutboxEvent appended = append(7).get(0);

        OutboxEvent claimed = claimEvents(t0, 1).get(0);

        assertThat(claimed.id()).isEqualTo(appended.id());
        assertThat(claimed.type()).isEqualTo(appended.type());
        assertThat(claimed.subject()).isEqualTo(appended.subject());
        assertThat(claimed.occurredAt()).isEqualTo(appended.occurredAt());
        assertThat(claimed.data()).isEqualTo(appended.data());
        assertThat(claimed.attempts()).isZero();
    }

    @Test
    void a_claimed_event_keeps_the_request_id_and_traceparent_of_the_request_that_caused_it() {
        Trace trace = new Trace("req-7.a:b_c", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        tx(s -> {
            s.outbox().append(OutboxEvents.numbered(7, t0.minusSeconds(1), trace));
            s.outbox().append(OutboxEvents.numbered(8, t0.minusSeconds(1), new Trace("only-an-id", null)));
            return null;
        });

        List<OutboxEvent> claimed = claimEvents(t0, 10);

        assertThat(claimed).extracting(OutboxEvent::trace).containsExactly(trace, new Trace("only-an-id", null));
    }

    @Test
    void an_event_no_request_caused_comes_back_without_a_trace() {
        append(7);

        assertThat(claimEvents(t0, 1).get(0).trace()).isNull();
    }

    @Test
    void a_claimed_event_is_not_claimed_again_before_its_lease_ends() {
        append(1);
        assertThat(claim(t0, 10)).containsExactly(id(1));

        assertThat(claim(t0, 10)).isEmpty();
        assertThat(claim(t0.plus(LEASE).minus(MS), 10)).isEmpty();
    }

    @Test
    void a_claimed_event_is_due_again_when_its_lease_ends() {
        append(1, 2);
        assertThat(claim(t0, 1)).containsExactly(id(1));

        assertThat(claim(t0.plus(LEASE), 10)).containsExactly(id(1), id(2));
    }

    @Test
    void a_claimed_event_is_still_pending() {
        append(1, 2);

        claim(t0, 10);

        assertThat(pending()).isEqualTo(2);
    }

    // publishing

    @Test
    void a_published_event_is_never_claimed_again() {
        append(1, 2);
        claim(t0, 10);

        markPublished(t0, id(1));

        assertThat(claim(t0.plus(LEASE), 10)).containsExactly(id(2));
        assertThat(claim(t0.plus(Duration.ofDays(365)), 10)).containsExactly(id(2));
    }

    @Test
    void an_event_may_be_marked_published_without_being_claimed() {
        append(1);

        markPublished(t0, id(1));

        assertThat(claim(t0, 10)).isEmpty();
        assertThat(pending()).isZero();
    }

    @Test
    void marking_an_unknown_id_published_changes_nothing() {
        append(1);

        markPublished(t0, UUID.fromString("11111111-1111-4111-8111-111111111111"));

        assertThat(pending()).isEqualTo(1);
        assertThat(claim(t0, 10)).containsExactly(id(1));
    }

    @Test
    void the_backlog_of_an_empty_outbox_is_nothing() {
        assertThat(backlog()).isEqualTo(Outbox.Backlog.NONE);
    }

    @Test
    void the_backlog_counts_the_unpublished_events_and_dates_the_oldest_of_them() {
        append(2, 1, 3);
        claim(t0, 1);

        assertThat(backlog()).isEqualTo(new Outbox.Backlog(3, Optional.of(event(1).occurredAt())));

        markPublished(t0, id(1), id(2));

        assertThat(backlog()).isEqualTo(new Outbox.Backlog(1, Optional.of(event(3).occurredAt())));
    }

    @Test
    void pending_counts_the_events_not_yet_published() {
        append(1, 2, 3);
        assertThat(pending()).isEqualTo(3);

        markPublished(t0, id(1), id(3));

        assertThat(pending()).isEqualTo(1);
    }

    // retrying

    @Test
    void a_retry_counts_an_attempt_and_makes_the_event_due_at_the_time_given() {
        append(1);
        claim(t0, 10);
        Instant retry = t0.plus(Duration.ofSeconds(90));

        retryAt(id(1), retry);

        assertThat(claim(retry.minus(MS), 10)).isEmpty();
        List<OutboxEvent> again = claimEvents(retry, 10);
        assertThat(again).extracting(OutboxEvent::id).containsExactly(id(1));
        assertThat(again.get(0).attempts()).isEqualTo(1);
    }

    @Test
    void each_retry_counts_one_more_attempt() {
        append(1);
        Instant now = t0;
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(claim(now, 10)).containsExactly(id(1));
            now = now.plusSeconds(1);
            retryAt(id(1), now);
        }

        assertThat(claimEvents(now, 10).get(0).attempts()).isEqualTo(3);
    }

    @Test
    void a_retried_event_keeps_its_trace() {
        Trace trace = new Trace("retried-request", null);
        tx(s -> {
            s.outbox().append(OutboxEvents.numbered(1, t0.minusSeconds(1), trace));
            return null;
        });
        claim(t0, 10);
        retryAt(id(1), t0.plusSeconds(1));

        assertThat(claimEvents(t0.plusSeconds(1), 10).get(0).trace()).isEqualTo(trace);
    }

    @Test
    void a_retry_sooner_than_the_lease_makes_the_event_due_sooner() {
        append(1);
        claim(t0, 10);

        retryAt(id(1), t0.plusSeconds(1));

        assertThat(claim(t0.plusSeconds(1), 10)).containsExactly(id(1));
    }

    @Test
    void a_retried_event_keeps_its_place_among_the_due_ones() {
        append(1, 2);
        claim(t0, 1);
        retryAt(id(1), t0);

        assertThat(claim(t0, 10)).containsExactly(id(1), id(2));
    }

    // purging

    @Test
    void purge_deletes_only_events_published_before_the_cutoff() {
        append(1, 2, 3);
        Instant cutoff = t0.plus(Duration.ofDays(7));
        markPublished(cutoff.minus(MS), id(1));
        markPublished(cutoff, id(2));

        int purged = tx(s -> s.outbox().purgePublishedBefore(cutoff));

        assertThat(purged).isEqualTo(1);
        assertThat(pending()).isEqualTo(1);
        assertThat(claim(t0, 10)).containsExactly(id(3));
        assertThat(purge(cutoff.plus(MS))).isEqualTo(1);
        assertThat(purge(cutoff.plus(Duration.ofDays(365)))).isZero();
        assertThat(pending()).isEqualTo(1);
    }

    // units of work

    @Test
    void a_failed_unit_of_work_keeps_none_of_its_outbox_writes() {
        append(1, 2);

        assertThatThrownBy(() -> tx(s -> {
            s.outbox().append(event(3));
            s.outbox().claimDue(t0, 10, t0.plus(LEASE));
            s.outbox().markPublished(Set.of(id(1)), t0);
            s.outbox().retryAt(id(2), t0.plus(Duration.ofDays(1)));
            throw new IllegalStateException("give up");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(pending()).isEqualTo(2);
        List<OutboxEvent> claimable = claimEvents(t0, 10);
        assertThat(claimable).extracting(OutboxEvent::id).containsExactly(id(1), id(2));
        assertThat(claimable).extracting(OutboxEvent::attempts).containsOnly(0);
    }
}
