-- Wakes the outbox relays right after each commit that appends to the outbox: they LISTEN on
-- msapp_outbox. A notification is a hint, never the only way: the relays also poll, so a lost one
-- delays events, it loses none. Once per statement; PostgreSQL folds equal notifications of a transaction.
CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('msapp_outbox', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER outbox_appended AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();
