package org.msapp.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.msapp.application.fixtures.TcpProxy;
import org.msapp.adapters.rabbitmq.RabbitEventPublisher;
import org.msapp.adapters.rabbitmq.RabbitSettings;
import org.msapp.adapters.rabbitmq.TestBroker;
import org.msapp.adapters.rabbitmq.Topology;
import org.msapp.application.port.OutboxEvent;

/**
 * The RabbitMQ publisher when the broker hangs (the connection stays up, no byte moves): it confirms
 * nothing, answers within its confirm timeout, never throws, and publishes again once the broker moves.
 * Here rather than in adapters-rabbitmq, because the TcpProxy of the tests lives in adapters-postgres'
 * test jar, and adapters do not depend on each other.
 */
class RabbitStallIT {
    private static OutboxEvent event() {
        return new OutboxEvent(UUID.randomUUID(), "order.placed", "orders/1", Instant.now(), Map.of("order_id", 1L), 0);
    }

    @Test
    void a_hanging_broker_confirms_nothing_within_the_confirm_timeout_and_is_used_again_when_it_moves() throws Exception {
        TestBroker.requireServer();
        String exchange = TestBroker.unique("stall");
        var timing = new RabbitEventPublisher.Timing(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
        try (TcpProxy proxy = TcpProxy.to(TestBroker.SERVER.host(), TestBroker.SERVER.port());
             TestBroker.Queue queue = TestBroker.bind(exchange, "#", true);
             RabbitEventPublisher publisher = RabbitEventPublisher.start(
                     new RabbitSettings("127.0.0.1", proxy.port(), "guest", "guest", "/", false),
                     new Topology(exchange, exchange + ".dlx", Optional.empty()), timing)) {
            try {
                OutboxEvent before = event();
                assertThat(publisher.publish(List.of(before))).containsExactly(before.id());

                proxy.stall();
                long started = System.nanoTime();
                assertThat(publisher.publish(List.of(event()))).isEmpty();
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
                assertThat(publisher.publish(List.of(event()))).isEmpty();

                proxy.restore();
                OutboxEvent after = event();
                Set<UUID> confirmed = Set.of();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (confirmed.isEmpty() && System.nanoTime() < deadline) {
                    confirmed = publisher.publish(List.of(after));
                    if (confirmed.isEmpty()) Thread.sleep(200);
                }
                assertThat(confirmed).containsExactly(after.id());
            } finally {
                TestBroker.delete(List.of(exchange + ".dlx"), List.of());
            }
        }
    }
}
