package org.msapp.adapters.postgres;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.msapp.application.port.IdempotencyKeyInUse;
import org.msapp.application.port.IdempotencyRecord;
import org.msapp.application.port.IdempotencyRecords;

/**
 * The idempotency table, inside one transaction. A key is held with a transaction-level advisory
 * lock, so of two requests with one key the second waits for the first to commit, then finds its
 * record.
 */
final class PostgresIdempotencyRecords implements IdempotencyRecords {
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };
    private final Handle handle;

    PostgresIdempotencyRecords(Handle handle) {
        this.handle = handle;
    }

    @Override
    public void hold(String key) {
        handle.createQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))) AS held")
                .bind("key", key).mapTo(Integer.class).one();
    }

    @Override
    public Optional<IdempotencyRecord> find(String key, Instant now) {
        return handle.createQuery("""
                SELECT key, request_hash, status, headers::text AS headers, body, expires_at
                FROM idempotency WHERE key = :key AND expires_at > :now""")
                .bind("key", key).bind("now", Rows.at(now))
                .map((rs, ctx) -> new IdempotencyRecord(rs.getString("key"), rs.getString("request_hash"),
                        rs.getInt("status"), Json.read(rs.getString("headers"), HEADERS), rs.getString("body"),
                        Rows.instant(rs, "expires_at")))
                .findOne();
    }

    @Override
    public void save(IdempotencyRecord record, Instant now) {
        int saved = handle.createUpdate("""
                INSERT INTO idempotency (key, request_hash, status, headers, body, expires_at)
                VALUES (:key, :request_hash, :status, CAST(:headers AS jsonb), :body, :expires_at)
                ON CONFLICT (key) DO UPDATE
                    SET request_hash = EXCLUDED.request_hash, status = EXCLUDED.status, headers = EXCLUDED.headers,
                        body = EXCLUDED.body, expires_at = EXCLUDED.expires_at
                    WHERE idempotency.expires_at <= :now""")
                .bind("key", record.key())
                .bind("request_hash", record.requestHash())
                .bind("status", record.status())
                .bind("headers", Json.write(record.headers()))
                .bind("body", record.body())
                .bind("expires_at", Rows.at(record.expiresAt()))
                .bind("now", Rows.at(now))
                .execute();
        if (saved == 0) throw new IdempotencyKeyInUse(record.key());
    }

    @Override
    public int purgeExpired(Instant now) {
        return handle.createUpdate("DELETE FROM idempotency WHERE expires_at <= :now").bind("now", Rows.at(now)).execute();
    }
}
