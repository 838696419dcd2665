-- The request that caused an event: its id (X-Request-Id) and, when the caller sent one, its W3C
-- traceparent, both carried into the CloudEvent. Null for events no request caused, and for the
-- events written before this migration.
ALTER TABLE outbox ADD COLUMN request_id text;
ALTER TABLE outbox ADD COLUMN traceparent text;
