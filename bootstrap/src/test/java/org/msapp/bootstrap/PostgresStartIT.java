package org.msapp.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.msapp.adapters.postgres.PostgresSettings;
import org.msapp.adapters.postgres.TestDatabase;

/** The start of a service configured for PostgreSQL: the line it prints, and its refusal when none answers. */
class PostgresStartIT {
    private static final TestDatabase DB = TestDatabase.named("start");

    @AfterAll
    static void drop() {
        DB.close();
    }

    @Test
    void a_configured_database_is_migrated_and_named_in_the_start_up_line() {
        PostgresSettings db = DB.settings();
        List<String> lines = new ArrayList<>();

        try (Application app = Application.start(Config.fromEnvironment(Map.of("HOST_DATABASE", db.host(),
                "DATABASE_NAME", db.database(), "HTTP_PORT", "0")), lines::add)) {
            assertThat(app.port()).isPositive();
        }

        assertThat(lines).anyMatch(l -> l.matches("\\[✓] Postgres \\d+(\\.\\d+)* at " + db.host() + ":5432/" + db.database()));
    }

    @Test
    void a_database_that_stays_unreachable_stops_the_start_with_a_clear_message() throws IOException {
        int closed;
        try (ServerSocket free = new ServerSocket(0)) {
            closed = free.getLocalPort();
        }
        long started = System.nanoTime();

        assertThatThrownBy(() -> Application.start(Config.fromEnvironment(Map.of("HOST_DATABASE", "127.0.0.1",
                "DATABASE_PORT", Integer.toString(closed), "DATABASE_STARTUP_TIMEOUT", "2", "HTTP_PORT", "0")), line -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PostgreSQL at 127.0.0.1:" + closed + "/baseapplication stayed unreachable for 2 s");
        assertThat((System.nanoTime() - started) / 1_000_000).as("ms until the start gave up").isLessThan(10_000);
    }
}
