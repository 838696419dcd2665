package org.msapp.adapters.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Delivery;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.msapp.application.port.EventPublisher;
import org.msapp.application.port.EventPublisherContract;
import org.msapp.application.port.HealthProbe;
import org.msapp.application.port.OutboxEvent;

/** The event-publisher contract on the local RabbitMQ, and what only a real broker shows: returns, the wire format, outages. */
class RabbitEventPublisherIT extends EventPublisherContract {
    private static final Instant AT = Instant.parse("2026-11-30T12:34:56.789Z");
    private final List<AutoCloseable> opened = new ArrayList<>();
    private TestBroker.Queue queue;

    @Override
    protected EventPublisher publisher() {
        TestBroker.requireServer();
        String exchange = TestBroker.unique("events");
        queue = open(TestBroker.bind(exchange, "#", true));
        return publisherOn(topology(exchange));
    }

    @Override
    protected List<UUID> delivered() {
        return queue.messageIds();
    }

    private static Topology topology(String exchange) {
        return new Topology(exchange, exchange + ".dlx", Optional.empty());
    }

    private <T extends AutoCloseable> T open(T resource) {
        opened.add(0, resource);
        return resource;
    }

    /** The dead-letter exchanges that the publishers of the test declared. */
    private final List<String> dlxs = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable resource : opened) resource.close();
        if (!dlxs.isEmpty()) TestBroker.delete(dlxs, List.of());
    }

    private RabbitEventPublisher publisherOn(Topology topology) {
        dlxs.add(topology.deadLetterExchange());
        return open(RabbitEventPublisher.start(TestBroker.SERVER, topology, RabbitEventPublisher.Timing.defaults()));
    }

    private static OutboxEvent orderPlaced(long id) {
        return new OutboxEvent(UUID.randomUUID(), "order.placed", "orders/" + id, AT,
                Map.of("order_id", id, "user_id", 7L, "item_description", "Caneta azul", "item_quantity", 3L,
                        "item_price", 250L, "total_value", 750L, "version", 1L), 0);
    }

    @Test
    void an_unroutable_event_is_counted_and_logged_and_not_confirmed() throws Exception {
        String exchange = TestBroker.unique("unroutable");
        open(TestBroker.exchangeWithNothingBound(exchange));
        RabbitEventPublisher publisher = publisherOn(topology(exchange));
        OutboxEvent event = orderPlaced(1);

        assertThat(publisher.publish(List.of(event))).isEmpty();
        assertThat(publisher.unroutable()).isEqualTo(1);
    }

    @Test
    void in_a_batch_only_the_routable_events_are_confirmed() throws Exception {
        String exchange = TestBroker.unique("partly");
        TestBroker.Queue orders = open(TestBroker.bind(exchange, "order.#", true));
        RabbitEventPublisher publisher = publisherOn(topology(exchange));
        OutboxEvent placed = orderPlaced(2);
        OutboxEvent registered = new OutboxEvent(UUID.randomUUID(), "user.registered", "users/7", AT, Map.of("user_id", 7L), 0);

        assertThat(publisher.publish(List.of(registered, placed))).containsExactly(placed.id());
        assertThat(publisher.unroutable()).isEqualTo(1);
        awaitSize(orders, 1);
        assertThat(orders.messageIds()).containsExactly(placed.id());
    }

    @Test
    void an_event_is_a_persistent_structured_cloud_event_whose_message_id_is_the_event_id() throws Exception {
        String exchange = TestBroker.unique("format");
        TestBroker.Queue all = open(TestBroker.bind(exchange, "#", true));
        RabbitEventPublisher publisher = publisherOn(topology(exchange));
        OutboxEvent event = orderPlaced(42);

        assertThat(publisher.publish(List.of(event))).containsExactly(event.id());

        awaitSize(all, 1);
        Delivery delivery = all.received().get(0);
        assertThat(delivery.getEnvelope().getRoutingKey()).isEqualTo("order.placed");
        assertThat(delivery.getProperties().getMessageId()).isEqualTo(event.id().toString());
        assertThat(delivery.getProperties().getDeliveryMode()).isEqualTo(2);
        assertThat(delivery.getProperties().getContentType()).isEqualTo("application/cloudevents+json");
        JsonNode ce = new ObjectMapper().readTree(delivery.getBody());
        assertThat(ce.get("specversion").asText()).isEqualTo("1.0");
        assertThat(ce.get("id").asText()).isEqualTo(event.id().toString());
        assertThat(ce.get("source").asText()).isEqualTo("/ms-application");
        assertThat(ce.get("type").asText()).isEqualTo("org.msapp.order.placed");
        assertThat(ce.get("subject").asText()).isEqualTo("orders/42");
        assertThat(ce.get("time").asText()).isEqualTo("2026-11-30T12:34:56.789Z");
        assertThat(ce.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(ce.get("data").get("total_value").asLong()).isEqualTo(750);
        assertThat(ce.get("data").get("item_description").asText()).isEqualTo("Caneta azul");
    }

    @Test
    void the_audit_queue_is_a_durable_quorum_queue_that_keeps_every_event_before_any_consumer_binds() throws Exception {
        String exchange = TestBroker.unique("audit");
        String audit = TestBroker.unique("audit-queue");
        try {
            RabbitEventPublisher publisher = publisherOn(new Topology(exchange, exchange + ".dlx", Optional.of(audit)));
            List<OutboxEvent> batch = List.of(orderPlaced(1), orderPlaced(2), orderPlaced(3));

            assertThat(publisher.publish(batch)).hasSize(3);
            assertThat(publisher.unroutable()).isZero();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (TestBroker.messagesIn(audit) < 3 && System.nanoTime() < deadline) Thread.sleep(20);
            assertThat(TestBroker.messagesIn(audit)).isEqualTo(3);
        } finally {
            TestBroker.delete(List.of(exchange), List.of(audit));
        }
    }

    @Test
    void a_broker_that_is_down_confirms_nothing_throws_nothing_and_reads_as_down() throws IOException {
        TestBroker.requireServer();
        int closed;
        try (ServerSocket free = new ServerSocket(0)) {
            closed = free.getLocalPort();
        }
        var nowhere = new RabbitSettings("127.0.0.1", closed, "guest", "guest", "/", false);
        RabbitEventPublisher publisher = open(RabbitEventPublisher.start(nowhere, topology(TestBroker.unique("nowhere")),
                RabbitEventPublisher.Timing.defaults()));

        long started = System.nanoTime();
        assertThat(publisher.publish(List.of(orderPlaced(1)))).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(publisher.connected()).isFalse();
        assertThat(publisher.downReason()).containsIgnoringCase("refused");
        HealthProbe.Result health = publisher.probe().check();
        assertThat(health.up()).isFalse();
        assertThat(health.detail()).doesNotContain("127.0.0.1").doesNotContain(Integer.toString(closed));
        assertThat(publisher.probe().critical()).isFalse();
    }

    private static void awaitSize(TestBroker.Queue queue, int size) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (queue.received().size() < size && System.nanoTime() < deadline) Thread.sleep(10);
    }
}
