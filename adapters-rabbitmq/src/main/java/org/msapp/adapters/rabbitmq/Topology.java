package org.msapp.adapters.rabbitmq;

import static java.util.Objects.requireNonNull;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * What the service declares on the broker: its durable topic exchange (routing key = the event's type,
 * such as {@code order.placed}), a durable topic dead-letter exchange for the queues of consumers, and
 * optionally an audit queue (quorum, durable) bound to every routing key, so that no event is lost
 * before a consumer has bound a queue of its own. Consumers own their queues.
 */
public record Topology(String exchange, String deadLetterExchange, Optional<String> auditQueue) {
    public static final String EXCHANGE = "msapp.events";
    public static final String DEAD_LETTER_EXCHANGE = "msapp.events.dlx";

    public Topology {
        requireNonNull(exchange, "exchange");
        requireNonNull(deadLetterExchange, "deadLetterExchange");
        requireNonNull(auditQueue, "auditQueue");
    }

    /** The service's topology, with the audit queue the settings name. */
    public static Topology of(RabbitSettings settings) {
        return new Topology(EXCHANGE, DEAD_LETTER_EXCHANGE, settings.auditQueue());
    }

    /** Declares it all (idempotent while the arguments stay the same). */
    void declare(Channel channel) throws IOException {
        channel.exchangeDeclare(exchange, BuiltinExchangeType.TOPIC, true);
        channel.exchangeDeclare(deadLetterExchange, BuiltinExchangeType.TOPIC, true);
        if (auditQueue.isPresent()) {
            channel.queueDeclare(auditQueue.get(), true, false, false,
                    Map.of("x-queue-type", "quorum", "x-dead-letter-exchange", deadLetterExchange));
            channel.queueBind(auditQueue.get(), exchange, "#");
        }
    }
}
