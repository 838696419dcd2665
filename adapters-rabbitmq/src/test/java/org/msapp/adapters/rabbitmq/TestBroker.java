package org.msapp.adapters.rabbitmq;

import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.Delivery;
import com.rabbitmq.client.PossibleAuthenticationFailureException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The local RabbitMQ for tests ({@code TEST_RABBITMQ_HOST}, {@code TEST_RABBITMQ_PORT}; 127.0.0.1:5672,
 * guest/guest by default). Without a server, a test is skipped with how to start one, or failed under
 * CI; a server that refuses the tests' credentials fails it wherever it runs. Whatever a test declares
 * here has a name of its own ({@link #unique}) and goes with {@link Queue#close()}.
 */
public final class TestBroker {
    public static final String START = "rabbitmq-server -detached";
    public static final RabbitSettings SERVER = new RabbitSettings(
            System.getenv().getOrDefault("TEST_RABBITMQ_HOST", "127.0.0.1"),
            Integer.parseInt(System.getenv().getOrDefault("TEST_RABBITMQ_PORT", "5672")), "guest", "guest", "/", false);
    /** Null until the first test asks; then empty when the server answered, else why it did not. */
    private static Optional<Exception> firstConnection;

    private TestBroker() {
    }

    /** A name no other test run uses: {@code msapp.it.<purpose>.<random>}. */
    public static String unique(String purpose) {
        return "msapp.it." + purpose + "." + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Returns when the server answers; without one, skips the test with how to start it, or fails it under CI. */
    public static void requireServer() {
        Optional<Exception> failure = connectionFailure();
        if (failure.isEmpty()) return;
        Exception e = failure.get();
        String server = SERVER.host() + ":" + SERVER.port();
        if (e instanceof PossibleAuthenticationFailureException || e instanceof AuthenticationFailureException) {
            throw new IllegalStateException("RabbitMQ on " + server + " answers but refuses the tests' credentials (user "
                    + SERVER.user() + "): " + e.getMessage(), e);
        }
        String message = "RabbitMQ does not answer on " + server + " (" + e + "). Start it with: " + START;
        if (System.getenv("CI") != null) Assertions.fail(message, e);
        Assumptions.abort(message);
    }

    private static synchronized Optional<Exception> connectionFailure() {
        if (firstConnection == null) {
            try (Connection ignored = factory().newConnection("msapp tests")) {
                firstConnection = Optional.empty();
            } catch (IOException | TimeoutException e) {
                firstConnection = Optional.of(e);
            }
        }
        return firstConnection;
    }

    private static ConnectionFactory factory() {
        ConnectionFactory f = new ConnectionFactory();
        f.setHost(SERVER.host());
        f.setPort(SERVER.port());
        f.setUsername(SERVER.user());
        f.setPassword(SERVER.password());
        f.setConnectionTimeout(3_000);
        return f;
    }

    /**
     * A queue of the test's own (exclusive, deleted with its connection) bound to {@code exchange} with
     * {@code bindingKey}, which it declares as the service does; what it receives is kept, in order.
     * With {@code deleteExchange}, {@link Queue#close()} deletes the exchange too (for an exchange of the test's own).
     */
    public static Queue bind(String exchange, String bindingKey, boolean deleteExchange) {
        requireServer();
        try {
            Connection connection = factory().newConnection("msapp tests: queue");
            Channel channel = connection.createChannel();
            channel.exchangeDeclare(exchange, BuiltinExchangeType.TOPIC, true);
            String queue = channel.queueDeclare(unique("queue"), false, true, true, null).getQueue();
            channel.queueBind(queue, exchange, bindingKey);
            Queue q = new Queue(connection, channel, exchange, deleteExchange);
            channel.basicConsume(queue, true, (tag, delivery) -> q.received.add(new Arrival(delivery, System.nanoTime())), tag -> { });
            return q;
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("cannot bind a test queue to " + exchange, e);
        }
    }

    /** Declares the exchange and deletes it afterwards, with nothing bound: every publish to it is unroutable. */
    public static AutoCloseable exchangeWithNothingBound(String exchange) {
        requireServer();
        try {
            Connection connection = factory().newConnection("msapp tests: exchange");
            Channel channel = connection.createChannel();
            channel.exchangeDeclare(exchange, BuiltinExchangeType.TOPIC, true);
            return () -> {
                channel.exchangeDelete(exchange);
                connection.close();
            };
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("cannot declare " + exchange, e);
        }
    }

    /** Deletes these exchanges and queues, whichever exist. */
    public static void delete(List<String> exchanges, List<String> queues) {
        try (Connection connection = factory().newConnection("msapp tests: clean-up")) {
            for (String exchange : exchanges) {
                Channel channel = connection.createChannel();
                channel.exchangeDelete(exchange);
                channel.close();
            }
            for (String queue : queues) {
                Channel channel = connection.createChannel();
                channel.queueDelete(queue);
                channel.close();
            }
        } catch (IOException | TimeoutException e) {
            throw new UncheckedIOException(new IOException("clean-up of " + exchanges + " " + queues + " failed", e));
        }
    }

    /** How many messages a durable queue holds, ready for a consumer. */
    public static long messagesIn(String queue) {
        try (Connection connection = factory().newConnection("msapp tests: count")) {
            Channel channel = connection.createChannel();
            return channel.queueDeclarePassive(queue).getMessageCount();
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("cannot count " + queue, e);
        }
    }

    /** A message, and when it arrived ({@link System#nanoTime()}). */
    public record Arrival(Delivery delivery, long nanos) {
        public UUID messageId() {
            return UUID.fromString(delivery.getProperties().getMessageId());
        }
    }

    /** A test's queue and what it received. */
    public static final class Queue implements AutoCloseable {
        private final Connection connection;
        private final Channel channel;
        private final String exchange;
        private final boolean deleteExchange;
        private final List<Arrival> received = new CopyOnWriteArrayList<>();

        private Queue(Connection connection, Channel channel, String exchange, boolean deleteExchange) {
            this.connection = connection;
            this.channel = channel;
            this.exchange = exchange;
            this.deleteExchange = deleteExchange;
        }

        /** Everything received so far, in arrival order, duplicates included. */
        public List<Delivery> received() {
            return received.stream().map(Arrival::delivery).toList();
        }

        /** Everything received so far, with when it arrived. */
        public List<Arrival> arrivals() {
            return List.copyOf(received);
        }

        /** The AMQP message-ids of everything received so far, in arrival order. */
        public List<UUID> messageIds() {
            return received.stream().map(Arrival::messageId).toList();
        }

        @Override
        public void close() throws IOException, TimeoutException {
            try {
                if (deleteExchange) channel.exchangeDelete(exchange);
            } finally {
                connection.close();
            }
        }
    }
}
