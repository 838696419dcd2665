package org.msapp.adapters.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection to Redis, shared by every adapter of this module and every thread (Lettuce
 * multiplexes). Fail-fast by construction: commands and connects time out in tens of milliseconds
 * (on the connection and in TimeoutOptions, as Lettuce needs), commands are rejected at once while
 * disconnected, reconnects back off to at most half a second. Lettuce does not retry a first
 * connect that fails, so this class does, in the background, every second until it succeeds.
 * After a few failures in a row a breaker stops calling Redis for a moment. Failures are counted,
 * and logged at most once per {@link Settings#logEvery()}.
 */
public final class RedisConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisConnection.class);

    /**
     * Timeouts, the breaker, and how often a failure may be logged. {@code handshakeTimeout}: of a connection's first commands (HELLO, SELECT), longer than a command's,
     * since the first connect of a process also starts Netty (hundreds of milliseconds); commands are
     * rejected meanwhile, so no request waits on it.
     */
    public record Settings(Duration commandTimeout, Duration connectTimeout, Duration handshakeTimeout, int breakerThreshold,
                           Duration breakerOpen, Duration logEvery) {
        public static Settings defaults() {
            return new Settings(Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofSeconds(2), 5, Duration.ofSeconds(1),
                    Duration.ofSeconds(10));
        }

        /**
         * For the log-in throttle: a count that times out falls back to this process alone, which a guesser
         * behind a load balancer multiplies, so it may take longer; a log-in costs an argon2 hash anyway.
         */
        public static Settings forFailedLogins() {
            Settings d = defaults();
            return new Settings(Duration.ofMillis(250), d.connectTimeout(), d.handshakeTimeout(), d.breakerThreshold(),
                    d.breakerOpen(), d.logEvery());
        }
    }

    private final RedisSettings where;
    private final Settings settings;
    private final ClientResources resources;
    private final RedisClient client;
    private final ScheduledExecutorService connector;
    private final Breaker breaker;
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - Duration.ofDays(1).toNanos());
    private volatile StatefulRedisConnection<String, String> connection;
    private volatile String lastFailure = "not connected yet";

    private RedisConnection(RedisSettings where, Settings settings) {
        this.where = where;
        this.settings = settings;
        this.resources = DefaultClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(10), Duration.ofMillis(500), 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, where.uri(settings.handshakeTimeout()));
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(settings.connectTimeout()).keepAlive(true).build())
                .timeoutOptions(TimeoutOptions.enabled(settings.commandTimeout()))
                .build());
        this.breaker = new Breaker(settings.breakerThreshold(), settings.breakerOpen().toNanos(), System::nanoTime);
        this.connector = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "redis-connector");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Connects once, at once; when Redis does not answer, returns anyway and keeps trying in the
     * background. {@link #connected()} tells which; {@link #lastFailure()} why not.
     */
    public static RedisConnection open(RedisSettings where, Settings settings) {
        RedisConnection redis = new RedisConnection(where, settings);
        if (!redis.tryConnect()) redis.connector.scheduleWithFixedDelay(redis::connectInBackground, 1, 1, TimeUnit.SECONDS);
        return redis;
    }

    public RedisSettings where() {
        return where;
    }

    public boolean connected() {
        StatefulRedisConnection<String, String> c = connection;
        return c != null && c.isOpen();
    }

    /** Why the last call failed, for start-up lines and readiness: never a password. */
    public String lastFailure() {
        return lastFailure;
    }

    /** Calls that failed (or that the open breaker refused) since the start. */
    public long failures() {
        return failures.get();
    }

    /** Whether the breaker is open: Redis failed repeatedly and is left alone for a moment. */
    public boolean resting() {
        return breaker.isOpen();
    }

    /** Runs {@code command} on Redis. @throws RedisUnavailable when it cannot, at once or within the command timeout */
    <T> T call(String what, Function<RedisCommands<String, String>, T> command) {
        StatefulRedisConnection<String, String> c = connection;
        if (c == null) throw failed(what, new RedisUnavailable("not connected: " + lastFailure, null));
        if (!breaker.allows()) throw failed(what, new RedisUnavailable("resting after repeated failures: " + lastFailure, null));
        try {
            T result = command.apply(c.sync());
            breaker.succeeded();
            return result;
        } catch (RuntimeException e) {   // RedisException and its kin; a bug in a script too: never reaches the core
            breaker.failed();
            lastFailure = describe(e);
            throw failed(what, new RedisUnavailable(lastFailure, e));
        }
    }

    private RedisUnavailable failed(String what, RedisUnavailable e) {
        long count = failures.incrementAndGet();
        long last = lastLogged.get();
        long now = System.nanoTime();
        if (now - last >= settings.logEvery().toNanos() && lastLogged.compareAndSet(last, now)) {
            LOG.warn("Redis at {}: {} failed ({}); {} failures so far; going on without it", where.where(), what, e.getMessage(), count);
        }
        return e;
    }

    private boolean tryConnect() {
        try {
            StatefulRedisConnection<String, String> c = client.connect();
            c.setTimeout(settings.commandTimeout());
            connection = c;
            lastFailure = "none";
            return true;
        } catch (RuntimeException e) {
            lastFailure = describe(e);
            return false;
        }
    }

    private void connectInBackground() {
        if (tryConnect()) {
            LOG.info("Redis at {}: connected", where.where());
            connector.shutdown();
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 200 ? message.substring(0, 200) : message;
    }

    @Override
    public void close() {
        connector.shutdownNow();
        StatefulRedisConnection<String, String> c = connection;
        if (c != null) c.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        resources.shutdown(0, 1, TimeUnit.SECONDS);
    }
}
