package org.msapp.adapters.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The local Redis for tests ({@code TEST_REDIS_HOST}, {@code TEST_REDIS_PORT}; 127.0.0.1:6379 by
 * default), shared with others: tests never flush it, they write under a key prefix of their own
 * ({@link #prefix()}) and {@link #deleteKeys(String)} them. Without a server a test is skipped with the
 * command that starts one, and fails when {@code CI} is set.
 */
public final class TestRedis {
    public static final String START = "redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save '' --appendonly no";
    public static final String HOST = System.getenv().getOrDefault("TEST_REDIS_HOST", "127.0.0.1");
    public static final int PORT = Integer.parseInt(System.getenv().getOrDefault("TEST_REDIS_PORT", "6379"));

    private TestRedis() {
    }

    public static RedisSettings settings() {
        return new RedisSettings(HOST, PORT, 0, Optional.empty(), false);
    }

    public static RedisSettings settings(int port) {
        return new RedisSettings(HOST, port, 0, Optional.empty(), false);
    }

    /** Skips the test (fails it under CI) when Redis does not answer. */
    public static void requireServer() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(HOST, PORT), 500);
        } catch (IOException e) {
            String message = "Redis is not running at " + HOST + ":" + PORT + " (" + e.getMessage() + "); start it with: " + START;
            if (System.getenv("CI") != null) Assertions.fail(message);
            Assumptions.abort(message);
        }
    }

    /** A key prefix no other test run uses. */
    public static String prefix() {
        return "msapp-it-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    }

    /** Deletes every key under {@code prefix}. */
    public static void deleteKeys(String prefix) {
        RedisClient client = RedisClient.create(RedisURI.builder().withHost(HOST).withPort(PORT).withTimeout(Duration.ofSeconds(2)).build());
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = c.sync().scan(cursor, ScanArgs.Builder.matches(prefix + "*").limit(500));
                if (!page.getKeys().isEmpty()) c.sync().del(page.getKeys().toArray(String[]::new));
                cursor = page;
            } while (!cursor.isFinished());
        } finally {
            client.shutdown();
        }
    }

    /** Every key under {@code prefix} with its raw value (a string; other types as their type's name), read outside the adapter. */
    public static Map<String, String> values(String prefix) {
        RedisClient client = RedisClient.create(RedisURI.builder().withHost(HOST).withPort(PORT).withTimeout(Duration.ofSeconds(2)).build());
        Map<String, String> values = new TreeMap<>();
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = c.sync().scan(cursor, ScanArgs.Builder.matches(prefix + "*").limit(500));
                for (String key : page.getKeys()) {
                    String type = c.sync().type(key);
                    values.put(key, switch (type) {
                        case "string" -> c.sync().get(key);
                        case "zset" -> String.join(" ", c.sync().zrange(key, 0, -1));
                        default -> type;
                    });
                }
                cursor = page;
            } while (!cursor.isFinished());
        } finally {
            client.shutdown();
        }
        return values;
    }

    /** The raw value of {@code key}, read outside the adapter. */
    public static String get(String key) {
        RedisClient client = RedisClient.create(RedisURI.builder().withHost(HOST).withPort(PORT).withTimeout(Duration.ofSeconds(2)).build());
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            return c.sync().get(key);
        } finally {
            client.shutdown();
        }
    }
}
