-- Events written in the same transaction as the change they record, until the relay publishes them.
CREATE TABLE outbox (
    position bigint GENERATED ALWAYS AS IDENTITY,
    event_id uuid PRIMARY KEY,
    aggregate text NOT NULL,
    type text NOT NULL,
    payload jsonb NOT NULL,
    occurred_at timestamptz NOT NULL,
    published_at timestamptz,
    attempts integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL
);
-- What a claim reads: the unpublished events that are due, oldest first.
CREATE INDEX outbox_due_idx ON outbox (next_attempt_at, position) WHERE published_at IS NULL;
CREATE INDEX outbox_published_idx ON outbox (published_at) WHERE published_at IS NOT NULL;

-- The first response to a request that carried an Idempotency-Key.
CREATE TABLE idempotency (
    key text PRIMARY KEY,
    request_hash text NOT NULL,
    status integer NOT NULL,
    headers jsonb NOT NULL,
    body text NOT NULL,
    expires_at timestamptz NOT NULL
);
CREATE INDEX idempotency_expires_idx ON idempotency (expires_at);
