package org.msapp.adapters.rabbitmq;

import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.BlockedListener;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConfirmListener;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import com.rabbitmq.client.Return;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import org.msapp.application.port.EventPublisher;
import org.msapp.application.port.HealthProbe;
import org.msapp.application.port.OutboxEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event-publisher port on RabbitMQ. Each batch goes out on one channel in confirm mode, every
 * event persistent and {@code mandatory}, as a CloudEvent to the topic exchange under its type as
 * routing key; the batch then waits for the broker's confirms. The ids it returns are those the broker
 * acked and did not return: a returned event (unroutable: nothing bound for its key) is acked by the
 * broker, yet not held by any queue, so it is counted ({@link #unroutable()}), logged, and left to the
 * outbox.
 *
 * <p>It never throws for the broker's sake. Down at start, it tries again at most every
 * {@code reconnectEvery} when asked to publish; once connected, amqp-client recovers the connection,
 * the channel and the topology by itself. While the connection is away, blocked by a resource alarm,
 * or a batch is not confirmed within {@code confirmTimeout}, it confirms nothing of what it did not
 * see acked. One batch at a time: a channel is not safe for concurrent publishers.
 */
public final class RabbitEventPublisher implements EventPublisher, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RabbitEventPublisher.class);

    /** How long to wait for a batch's confirms, and how often to try to connect while never connected. */
    public record Timing(Duration confirmTimeout, Duration reconnectEvery, Duration connectTimeout) {
        public static Timing defaults() {
            return new Timing(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(2));
        }
    }

    private final RabbitSettings settings;
    private final Topology topology;
    private final Timing timing;
    private final ConnectionFactory factory;
    private final AtomicLong unroutable = new AtomicLong();

    private Connection connection;                 // guarded by this
    private Channel channel;                       // guarded by this
    private long nextConnectAttempt;               // guarded by this, System.nanoTime()
    private boolean closed;                        // guarded by this
    private volatile Batch inFlight;
    private volatile boolean blocked;
    private volatile String downReason = "not connected yet";

    private RabbitEventPublisher(RabbitSettings settings, Topology topology, Timing timing) {
        this.settings = settings;
        this.topology = topology;
        this.timing = timing;
        this.factory = factory(settings, timing);
    }

    /** Connects and declares the topology; a broker that is down is no failure: see {@link #connected()}. */
    public static RabbitEventPublisher start(RabbitSettings settings, Topology topology, Timing timing) {
        RabbitEventPublisher publisher = new RabbitEventPublisher(settings, topology, timing);
        synchronized (publisher) {
            publisher.channel();
        }
        return publisher;
    }

    public static RabbitEventPublisher start(RabbitSettings settings) {
        return start(settings, Topology.of(settings), Timing.defaults());
    }

    private static ConnectionFactory factory(RabbitSettings settings, Timing timing) {
        ConnectionFactory f = new ConnectionFactory();
        f.setHost(settings.host());
        f.setPort(settings.port());
        f.setUsername(settings.user());
        f.setPassword(settings.password());
        f.setVirtualHost(settings.virtualHost());
        if (settings.tls()) {
            try {
                f.useSslProtocol(SSLContext.getDefault());   // the JDK's trust store, not amqp-client's trust-all default
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("no TLS in this JDK", e);
            }
            f.enableHostnameVerification();
        }
        f.setAutomaticRecoveryEnabled(true);
        f.setTopologyRecoveryEnabled(true);
        f.setNetworkRecoveryInterval(timing.reconnectEvery().toMillis());
        f.setConnectionTimeout((int) timing.connectTimeout().toMillis());
        f.setHandshakeTimeout((int) timing.connectTimeout().toMillis());
        f.setChannelRpcTimeout((int) Math.max(timing.confirmTimeout().toMillis(), 1_000));
        f.setRequestedHeartbeat(10);   // seconds: a silently dead network is noticed within about 20 s
        f.setShutdownTimeout(1_000);
        return f;
    }

    /** Whether a connection to the broker is open and not blocked, now. */
    public boolean connected() {
        Connection c;
        synchronized (this) {
            c = connection;
        }
        return c != null && c.isOpen() && !blocked;
    }

    /** The broker's version, as it announced it, while connected. */
    public synchronized Optional<String> serverVersion() {
        if (connection == null || !connection.isOpen()) return Optional.empty();
        return Optional.ofNullable(connection.getServerProperties().get("version")).map(Object::toString);
    }

    /** Why the broker is not usable, when it is not (for start-up lines and logs, not for readiness). */
    public String downReason() {
        return blocked ? "blocked by the broker (a resource alarm)" : downReason;
    }

    /** How many events the broker returned as unroutable since the start. */
    public long unroutable() {
        return unroutable.get();
    }

    /** The broker's state for readiness: never critical, since events wait in the outbox. */
    public HealthProbe probe() {
        return new HealthProbe() {
            @Override
            public String name() {
                return "events";
            }

            @Override
            public boolean critical() {
                return false;
            }

            @Override
            public Result check() {
                if (connected()) return Result.up("RabbitMQ connected");
                return Result.down(blocked ? "RabbitMQ blocked the connection; events wait in the outbox"
                        : "RabbitMQ unreachable; events wait in the outbox");
            }
        };
    }

    /** Whether a channel is open, or could be opened now (connecting at most every reconnectEvery), and not blocked. */
    @Override
    public synchronized boolean available() {
        return !blocked && channel() != null;
    }

    @Override
    public synchronized Set<UUID> publish(List<OutboxEvent> events) {
        if (events.isEmpty() || blocked) return Set.of();
        Channel ch = channel();
        if (ch == null) return Set.of();
        Batch batch = new Batch();
        inFlight = batch;
        try {
            for (OutboxEvent event : events) {
                long tag = ch.getNextPublishSeqNo();
                batch.expect(tag, event.id());
                ch.basicPublish(topology.exchange(), event.type(), true, CloudEvents.properties(event), CloudEvents.body(event));
            }
            if (!batch.await(System.nanoTime() + timing.confirmTimeout().toNanos())) {
                LOG.warn("RabbitMQ confirmed {} of {} events within {} ms; the others stay in the outbox",
                        batch.acked().size(), events.size(), timing.confirmTimeout().toMillis());
                discardChannel();
            }
        } catch (IOException | AlreadyClosedException e) {
            LOG.warn("publishing to RabbitMQ failed; the unconfirmed events stay in the outbox: {}", e.toString());
            discardChannel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            discardChannel();
        } finally {
            inFlight = null;
        }
        Set<UUID> confirmed = new LinkedHashSet<>();
        for (OutboxEvent event : events) if (batch.isConfirmed(event.id())) confirmed.add(event.id());
        return confirmed;
    }

    /** The open publishing channel, connecting (at most every reconnectEvery) when never connected; null when there is none. */
    private Channel channel() {
        if (closed) return null;
        if (channel != null && channel.isOpen()) return channel;
        if (connection == null && !connect()) return null;
        if (!connection.isOpen()) return null;   // amqp-client is recovering it, with its channel
        try {
            Channel ch = connection.createChannel();
            ch.confirmSelect();
            ch.addConfirmListener(new Confirms());
            ch.addReturnListener(this::returned);
            ch.addShutdownListener(cause -> {
                Batch batch = inFlight;
                if (batch != null) batch.broken();
            });
            topology.declare(ch);
            channel = ch;
            return ch;
        } catch (IOException | ShutdownSignalException e) {
            downReason = reason(e);
            LOG.warn("RabbitMQ at {}: cannot open a channel and declare the topology ({}); events wait in the outbox",
                    settings.where(), downReason);
            discardChannel();
            if (timedOut(e)) discardConnection();   // a hanging broker: the connection's state is unknown, start afresh
            return null;
        }
    }

    private boolean connect() {
        long now = System.nanoTime();
        if (now - nextConnectAttempt < 0) return false;
        try {
            Connection c = factory.newConnection("ms-application events");
            c.addBlockedListener(new BlockedListener() {
                @Override
                public void handleBlocked(String reason) {
                    blocked = true;
                    LOG.warn("RabbitMQ blocked the connection ({}); events wait in the outbox", reason);
                }

                @Override
                public void handleUnblocked() {
                    blocked = false;
                    LOG.info("RabbitMQ unblocked the connection");
                }
            });
            c.addShutdownListener(cause -> {
                if (!cause.isInitiatedByApplication()) {
                    downReason = reason(cause);
                    LOG.warn("RabbitMQ connection lost ({}); events wait in the outbox, reconnecting", downReason);
                }
            });
            if (c instanceof Recoverable recoverable) recoverable.addRecoveryListener(new RecoveryListener() {
                @Override
                public void handleRecovery(Recoverable r) {
                    LOG.info("RabbitMQ connection recovered");
                }

                @Override
                public void handleRecoveryStarted(Recoverable r) {
                }
            });
            connection = c;
            return true;
        } catch (IOException | TimeoutException e) {
            String reason = reason(e);
            if (!reason.equals(downReason)) LOG.warn("RabbitMQ at {}: {}; events wait in the outbox", settings.where(), reason);
            downReason = reason;
            nextConnectAttempt = now + timing.reconnectEvery().toNanos();
            return false;
        }
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof com.rabbitmq.client.ChannelContinuationTimeoutException) return true;
            if (t.getCause() == t) break;
        }
        return false;
    }

    /** Drops the connection (recovery included); the next publish connects anew, at most every reconnectEvery. */
    private void discardConnection() {
        Connection c = connection;
        connection = null;
        nextConnectAttempt = System.nanoTime() + timing.reconnectEvery().toNanos();
        if (c != null) c.abort(1_000);
    }

    private void discardChannel() {
        Channel ch = channel;
        channel = null;
        if (ch != null) {
            try {
                ch.abort();
            } catch (IOException | RuntimeException e) {
                // closed already
            }
        }
    }

    private void returned(Return r) {
        unroutable.incrementAndGet();
        String id = r.getProperties().getMessageId();
        LOG.warn("RabbitMQ returned event {} ({} {}) as unroutable from exchange {} with key {}: nothing is bound for it;"
                        + " it stays in the outbox", id, r.getReplyCode(), r.getReplyText(), r.getExchange(), r.getRoutingKey());
        Batch batch = inFlight;
        if (batch != null && id != null) {
            try {
                batch.returned(UUID.fromString(id));
            } catch (IllegalArgumentException e) {
                // not one of ours
            }
        }
    }

    /** A reason without a stack, for a line: the message of the deepest cause that has one ("connection error" says less than "Connection reset"). */
    private static String reason(Throwable e) {
        String reason = e.getClass().getSimpleName();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) reason = t.getMessage();
            if (t.getCause() == t) break;
        }
        return reason;
    }

    private final class Confirms implements ConfirmListener {
        @Override
        public void handleAck(long tag, boolean multiple) {
            Batch batch = inFlight;
            if (batch != null) batch.confirm(tag, multiple, true);
        }

        @Override
        public void handleNack(long tag, boolean multiple) {
            Batch batch = inFlight;
            if (batch != null) batch.confirm(tag, multiple, false);
        }
    }

    /** One batch's confirms: tags still awaited, ids acked, ids returned. The broker sends a return before its ack. */
    private static final class Batch {
        private final NavigableMap<Long, UUID> outstanding = new TreeMap<>();
        private final Set<UUID> acked = new HashSet<>();
        private final Set<UUID> returned = new HashSet<>();
        private boolean broken;

        synchronized void expect(long tag, UUID id) {
            outstanding.put(tag, id);
        }

        synchronized void confirm(long tag, boolean multiple, boolean ack) {
            var done = multiple ? outstanding.headMap(tag, true) : outstanding.subMap(tag, true, tag, true);
            if (ack) acked.addAll(done.values());
            done.clear();
            notifyAll();
        }

        synchronized void returned(UUID id) {
            returned.add(id);
        }

        synchronized void broken() {
            broken = true;
            notifyAll();
        }

        /** Waits until every tag is confirmed (true), or the channel broke or the deadline passed (false). */
        synchronized boolean await(long deadline) throws InterruptedException {
            while (!outstanding.isEmpty() && !broken) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                wait(Math.max(1, left / 1_000_000));
            }
            return outstanding.isEmpty();
        }

        synchronized Set<UUID> acked() {
            return Set.copyOf(acked);
        }

        synchronized boolean isConfirmed(UUID id) {
            return acked.contains(id) && !returned.contains(id);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        discardChannel();
        if (connection != null) {
            try {
                connection.close(1_000);
            } catch (IOException | RuntimeException e) {
                LOG.debug("closing the RabbitMQ connection: {}", e.toString());
            }
            connection = null;
        }
    }
}
