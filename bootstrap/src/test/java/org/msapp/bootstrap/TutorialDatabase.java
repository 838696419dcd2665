package org.msapp.bootstrap;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.msapp.adapters.http.ApiClient;
import org.msapp.adapters.postgres.PostgresSettings;
import org.msapp.adapters.postgres.TestDatabase;

/**
 * A database of its own as the MS-Application tutorial made it (its DDL, before any row), and the
 * real service started on it as Main starts it (the real argon2 hasher; {@code root} the
 * administrator it makes at its first start). Closing stops every service started on it, then drops the database.
 */
final class TutorialDatabase implements AutoCloseable {
    /** The tutorial's step 5 {@code create_tables}, word for word (as V1 repeats it; Flyway has not run yet). */
    static final String DDL = """
            CREATE TABLE IF NOT EXISTS users (
                user_id SERIAL NOT NULL,
                nick_name varchar(50) UNIQUE NOT NULL,
                password varchar(256) NOT NULL,
                full_name varchar(50) NOT NULL,
                cpf varchar(11) NOT NULL,
                email varchar(50) NOT NULL,
                phone_number varchar(50) NOT NULL,
                created_at TIMESTAMP,
                updated_at TIMESTAMP,
                PRIMARY KEY (user_id)
            );

            CREATE TABLE IF NOT EXISTS orders (
                order_id SERIAL NOT NULL,
                user_id integer NOT NULL,
                item_description varchar(256) NOT NULL,
                item_quantity integer NOT NULL,
                item_price integer NOT NULL,
                total_value integer NOT NULL,
                created_at TIMESTAMP,
                updated_at TIMESTAMP,
                PRIMARY KEY (order_id),
                FOREIGN KEY(user_id) REFERENCES users(user_id)
            );""";
    static final String PASSWORD = "Senha@123";
    /** argon2-cffi {@code PasswordHasher()} defaults, for Senha@123. */
    static final String CFFI_DEFAULT_HASH =
            "$argon2id$v=19$m=65536,t=3,p=4$VfjV08PXy02603p39DJc3w$7wS6VkfwqP1CWAQKbvmziYYQsgn2WV+6s7myk8rkjvk";
    /** argon2-cffi with other parameters and a 16-byte hash, for Senha@123. */
    static final String CFFI_OTHER_HASH =
            "$argon2id$v=19$m=102400,t=2,p=8$HTFO/aapd0ASrbwH9l5wmw$FL7vRFe9msn+Sw8wkW9y0Q";
    /** The users worker (MS1) froze its time at start, so every user it wrote has this one. */
    static final String MS1_STARTED = "2022-06-14 18:32:05.123456";
    /** The history's first row on a schema that was not empty: the tutorial's tables, baselined below V1. */
    static final String ADOPTED = "0:BASELINE:true";
    private static final String SECRET = "a test key of at least thirty-two bytes, for HS256";

    final TestDatabase db;
    final PostgresSettings settings;
    /** Every line of the start-up reports, in order. */
    final List<String> report = Collections.synchronizedList(new ArrayList<>());
    private final List<Application> started = new ArrayList<>();

    TutorialDatabase(String purpose) {
        db = TestDatabase.named(purpose);
        settings = db.settings();
        db.execute(DDL);
    }

    /** Starts the service on this database, as Main does; a start that fails throws what Main would print. */
    ApiClient start() {
        Config config = Config.fromEnvironment(Map.of(
                "HOST_DATABASE", settings.host(),
                "DATABASE_PORT", String.valueOf(settings.port()),
                "DATABASE_NAME", settings.database(),
                "DATABASE_STARTUP_TIMEOUT", "5",
                "HTTP_HOST", "127.0.0.1",
                "HTTP_PORT", "0",
                "ADMIN_BOOTSTRAP_NICK_NAME", "root",
                "ADMIN_BOOTSTRAP_PASSWORD", PASSWORD,
                "AUTH_TOKEN_SECRET", SECRET));
        Application app = Application.start(config, report::add);
        started.add(app);
        return new ApiClient(app.port());
    }

    /** {@code version:type:success} of each row of Flyway's history, in the order applied. */
    List<String> history() {
        return db.column("SELECT coalesce(version, '-') || ':' || type || ':' || success FROM flyway_schema_history"
                + " ORDER BY installed_rank");
    }

    @Override
    public void close() {
        try {
            for (int i = started.size() - 1; i >= 0; i--) started.get(i).close();
        } finally {
            db.close();
        }
    }
}
