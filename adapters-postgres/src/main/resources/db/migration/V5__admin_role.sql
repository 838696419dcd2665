-- The administrator's role, stored with the user: a name never confers it. No row gets it here, the
-- tutorial's included; the service makes the first administrator from ADMIN_BOOTSTRAP_* at start.
ALTER TABLE users ADD COLUMN is_admin boolean NOT NULL DEFAULT false;

-- Finds the administrators (few) without reading every user.
CREATE INDEX users_admins ON users (user_id) WHERE is_admin;
