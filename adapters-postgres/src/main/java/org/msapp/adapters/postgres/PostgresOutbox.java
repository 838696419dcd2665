package org.msapp.adapters.postgres;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.msapp.application.port.Outbox;
import org.msapp.application.port.OutboxEvent;
import org.msapp.application.tracing.Trace;

/**
 * The outbox table, inside one transaction. A claim takes the due rows with {@code FOR UPDATE SKIP
 * LOCKED} and moves their next attempt to the end of the lease, so relays on several instances never
 * claim one event at the same time.
 */
final class PostgresOutbox implements Outbox {
    private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {
    };
    private final Handle handle;

    PostgresOutbox(Handle handle) {
        this.handle = handle;
    }

    @Override
    public void append(OutboxEvent event) {
        handle.createUpdate("""
                INSERT INTO outbox (event_id, aggregate, type, payload, occurred_at, attempts, next_attempt_at, request_id, traceparent)
                VALUES (:id, :aggregate, :type, CAST(:payload AS jsonb), :occurred_at, :attempts, :occurred_at, :request_id, :traceparent)""")
                .bind("id", event.id())
                .bind("aggregate", event.subject())
                .bind("type", event.type())
                .bind("payload", Json.write(event.data()))
                .bind("occurred_at", Rows.at(event.occurredAt()))
                .bind("attempts", event.attempts())
                .bind("request_id", event.trace() == null ? null : event.trace().requestId())
                .bind("traceparent", event.trace() == null ? null : event.trace().traceparent())
                .execute();
    }

    @Override
    public List<OutboxEvent> claimDue(Instant now, int max, Instant leaseUntil) {
        List<Claimed> claimed = handle.createQuery("""
                UPDATE outbox SET next_attempt_at = :lease_until
                WHERE event_id IN (SELECT event_id FROM outbox
                                   WHERE published_at IS NULL AND next_attempt_at <= :now
                                   ORDER BY position LIMIT :max
                                   FOR UPDATE SKIP LOCKED)
                RETURNING position, event_id, aggregate, type, payload::text AS payload, occurred_at, attempts, request_id, traceparent""")
                .bind("now", Rows.at(now)).bind("max", max).bind("lease_until", Rows.at(leaseUntil))
                .map((rs, ctx) -> new Claimed(rs.getLong("position"), event(rs))).list();
        return claimed.stream().sorted(Comparator.comparingLong(Claimed::position)).map(Claimed::event).toList();
    }

    private record Claimed(long position, OutboxEvent event) {
    }

    @Override
    public void markPublished(Collection<UUID> ids, Instant at) {
        if (ids.isEmpty()) return;
        handle.createUpdate("UPDATE outbox SET published_at = :at WHERE event_id = ANY(:ids) AND published_at IS NULL")
                .bind("at", Rows.at(at)).bindArray("ids", UUID.class, new ArrayList<>(ids)).execute();
    }

    @Override
    public void retryAt(UUID id, Instant at) {
        handle.createUpdate("""
                UPDATE outbox SET attempts = attempts + 1, next_attempt_at = :at
                WHERE event_id = :id AND published_at IS NULL""")
                .bind("id", id).bind("at", Rows.at(at)).execute();
    }

    @Override
    public int purgePublishedBefore(Instant cutoff) {
        return handle.createUpdate("DELETE FROM outbox WHERE published_at < :cutoff").bind("cutoff", Rows.at(cutoff)).execute();
    }

    /** One scan of the unpublished rows, which the partial index of due events holds alone. */
    @Override
    public Backlog backlog() {
        return handle.createQuery("SELECT count(*) AS events, min(occurred_at) AS oldest FROM outbox WHERE published_at IS NULL")
                .map((rs, ctx) -> new Backlog(rs.getLong("events"), Optional.ofNullable(Rows.instant(rs, "oldest")))).one();
    }

    private static OutboxEvent event(ResultSet rs) throws SQLException {
        String requestId = rs.getString("request_id");
        Trace trace = requestId == null ? null : new Trace(requestId, rs.getString("traceparent"));
        return new OutboxEvent(rs.getObject("event_id", UUID.class), rs.getString("type"), rs.getString("aggregate"),
                Rows.instant(rs, "occurred_at"), Json.read(rs.getString("payload"), DATA), rs.getInt("attempts"), trace);
    }
}
