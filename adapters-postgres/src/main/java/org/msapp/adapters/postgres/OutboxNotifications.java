package org.msapp.adapters.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls {@code onAppend} right after each commit that appended to the outbox (the trigger of V4
 * notifies {@value #CHANNEL}), and once each time it (re)starts listening, since notifications sent
 * while it was not are lost. It holds one connection of its own, outside the pool (a LISTENing
 * connection returned to a pool keeps listening), on a daemon thread; when the connection breaks it
 * connects again every second. The caller polls as well: this only makes it faster.
 */
public final class OutboxNotifications implements AutoCloseable {
    public static final String CHANNEL = "msapp_outbox";
    private static final Logger LOG = LoggerFactory.getLogger(OutboxNotifications.class);
    private static final int WAIT_MS = 500;
    private static final long RECONNECT_MS = 1_000;

    private final PostgresSettings settings;
    private final Runnable onAppend;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean listening;

    private OutboxNotifications(PostgresSettings settings, Runnable onAppend) {
        this.settings = settings;
        this.onAppend = onAppend;
        this.thread = new Thread(this::run, "outbox-notifications");
        thread.setDaemon(true);
    }

    public static OutboxNotifications listen(PostgresSettings settings, Runnable onAppend) {
        OutboxNotifications notifications = new OutboxNotifications(settings, onAppend);
        notifications.thread.start();
        return notifications;
    }

    /** Whether it is listening now. */
    public boolean listening() {
        return listening;
    }

    private void run() {
        boolean warned = false;
        while (running) {
            try (Connection connection = connect(); Statement st = connection.createStatement()) {
                st.execute("LISTEN " + CHANNEL);
                listening = true;
                if (warned) LOG.info("listening for outbox appends again");
                warned = false;
                onAppend.run();
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MS);
                    if (notifications != null && notifications.length > 0) onAppend.run();
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (!running) return;
                if (!warned) LOG.warn("not listening for outbox appends ({}); the relay polls until it is again", e.getMessage());
                warned = true;
                try {
                    Thread.sleep(RECONNECT_MS);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", settings.user());
        properties.setProperty("password", settings.password());
        properties.setProperty("connectTimeout", Long.toString(Math.max(1, settings.connectTimeout().toSeconds())));
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", "ms-application outbox notifications");
        return DriverManager.getConnection(settings.jdbcUrl(), properties);
    }

    /** Stops listening, within about half a second. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(2_000);
    }
}
