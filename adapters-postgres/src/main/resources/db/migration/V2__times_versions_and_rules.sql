-- What a real service needs on top of the tutorial's tables. Rows already here were written by the
-- tutorial under no rules: they are marked from_tutorial, and the CHECK constraints exempt them.
-- (NOT VALID alone would not do: PostgreSQL checks every constraint on each new row version, so a
-- later PATCH of an old row that leaves its old CPF alone would fail.)

-- The tutorial wrote local times without a zone, in a container that runs in UTC; some may be NULL.
ALTER TABLE users
    ALTER COLUMN created_at TYPE timestamptz USING created_at AT TIME ZONE 'UTC',
    ALTER COLUMN updated_at TYPE timestamptz USING updated_at AT TIME ZONE 'UTC';
UPDATE users SET created_at = coalesce(created_at, updated_at, now()) WHERE created_at IS NULL;
UPDATE users SET updated_at = greatest(coalesce(updated_at, created_at), created_at)
    WHERE updated_at IS NULL OR updated_at < created_at;
ALTER TABLE users
    ALTER COLUMN created_at SET DEFAULT now(), ALTER COLUMN created_at SET NOT NULL,
    ALTER COLUMN updated_at SET DEFAULT now(), ALTER COLUMN updated_at SET NOT NULL,
    ADD COLUMN version bigint NOT NULL DEFAULT 1 CHECK (version >= 1),
    ADD COLUMN credentials_version bigint NOT NULL DEFAULT 1 CHECK (credentials_version >= 1),
    ADD COLUMN from_tutorial boolean NOT NULL DEFAULT true;
ALTER TABLE users ALTER COLUMN from_tutorial SET DEFAULT false;

ALTER TABLE orders
    ALTER COLUMN created_at TYPE timestamptz USING created_at AT TIME ZONE 'UTC',
    ALTER COLUMN updated_at TYPE timestamptz USING updated_at AT TIME ZONE 'UTC',
    -- quantity (up to 1,000,000) x price (up to 100,000,000 cents) needs 47 bits
    ALTER COLUMN total_value TYPE bigint;
UPDATE orders SET created_at = coalesce(created_at, updated_at, now()) WHERE created_at IS NULL;
UPDATE orders SET updated_at = greatest(coalesce(updated_at, created_at), created_at)
    WHERE updated_at IS NULL OR updated_at < created_at;
ALTER TABLE orders
    ALTER COLUMN created_at SET DEFAULT now(), ALTER COLUMN created_at SET NOT NULL,
    ALTER COLUMN updated_at SET DEFAULT now(), ALTER COLUMN updated_at SET NOT NULL,
    ADD COLUMN version bigint NOT NULL DEFAULT 1 CHECK (version >= 1),
    ADD COLUMN from_tutorial boolean NOT NULL DEFAULT true;
ALTER TABLE orders ALTER COLUMN from_tutorial SET DEFAULT false;

-- The 1-to-N rule is read through this index ("the orders of a user", "does the user have orders").
CREATE INDEX IF NOT EXISTS orders_user_id_idx ON orders (user_id, order_id);

-- Nick names are unique whatever their case. The tutorial's constraint was case-sensitive: two of
-- its users may differ only in case, and that has to be settled by a person, not guessed here.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM users GROUP BY lower(nick_name) HAVING count(*) > 1) THEN
        RAISE EXCEPTION 'users holds nick names that differ only in case (see: SELECT lower(nick_name), array_agg(nick_name) FROM users GROUP BY 1 HAVING count(*) > 1); rename them, then start again';
    END IF;
END
$$;
CREATE UNIQUE INDEX users_nick_name_lower_key ON users (lower(nick_name));

ALTER TABLE users
    ADD CONSTRAINT users_nick_name_rule CHECK (from_tutorial OR nick_name ~ '^[A-Za-z0-9_.-]{3,50}$'),
    ADD CONSTRAINT users_cpf_rule CHECK (from_tutorial OR cpf ~ '^[0-9]{11}$'),
    ADD CONSTRAINT users_full_name_rule CHECK (from_tutorial OR char_length(full_name) BETWEEN 1 AND 50),
    ADD CONSTRAINT users_times_rule CHECK (updated_at >= created_at);
ALTER TABLE orders
    ADD CONSTRAINT orders_description_rule CHECK (from_tutorial OR char_length(item_description) BETWEEN 1 AND 256),
    ADD CONSTRAINT orders_quantity_rule CHECK (from_tutorial OR item_quantity BETWEEN 1 AND 1000000),
    ADD CONSTRAINT orders_price_rule CHECK (from_tutorial OR item_price BETWEEN 0 AND 100000000),
    ADD CONSTRAINT orders_total_rule CHECK (from_tutorial OR total_value = item_quantity::bigint * item_price),
    ADD CONSTRAINT orders_times_rule CHECK (updated_at >= created_at);
