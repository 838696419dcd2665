package org.msapp.application.port;

import java.time.Instant;
import java.util.Optional;

/** Idempotency records, inside a unit of work; a key is held by one record at a time. */
public interface IdempotencyRecords {
    /**
     * Holds {@code key} until this unit of work ends: another unit of work that holds the same key
     * waits until then, and so sees what this one saved.
     */
    void hold(String key);

    /** The record of {@code key} that has not expired at {@code now}. */
    Optional<IdempotencyRecord> find(String key, Instant now);

    /**
     * Keeps the record, replacing an expired one of the same key.
     *
     * @throws IdempotencyKeyInUse when an unexpired record holds the key (a concurrent request won)
     */
    void save(IdempotencyRecord record, Instant now);

    /** Deletes the records expired at {@code now}; returns how many. */
    int purgeExpired(Instant now);
}
