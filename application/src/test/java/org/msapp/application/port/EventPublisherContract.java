package org.msapp.application.port;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link EventPublisher}, for every event adapter, with its broker up. The adapter's
 * test says what reached the broker through {@link #delivered()}; the contract waits up to
 * {@link #deliveryTimeout()} for deliveries, since brokers deliver asynchronously.
 */
public abstract class EventPublisherContract {
    /** A publisher connected to a broker that is up; called once before each test. */
    protected abstract EventPublisher publisher();

    /**
     * The ids of the events that reached the broker since {@link #publisher()} was called, in arrival
     * order, duplicates included (for a real broker: what a queue bound to every routing key received).
     */
    protected abstract List<UUID> delivered();

    protected Duration deliveryTimeout() {
        return Duration.ofSeconds(5);
    }

    private EventPublisher publisher;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @BeforeEach
    void connect() {
        publisher = publisher();
    }

    private OutboxEvent userRegistered(long userId) {
        return new OutboxEvent(UUID.randomUUID(), "user.registered", "users/" + userId, now,
                Map.of("user_id", userId, "nick_name", "user" + userId, "cpf", "***.982.247-**", "version", 1L), 0);
    }

    private OutboxEvent orderPlaced(long orderId) {
        return new OutboxEvent(UUID.randomUUID(), "order.placed", "orders/" + orderId, now,
                Map.of("order_id", orderId, "user_id", 1L, "item_description", "Blue notebook", "item_quantity", 3L,
                        "item_price", 1_250L, "total_value", 3_750L), 2);
    }

    private static List<UUID> ids(Collection<OutboxEvent> events) {
        return events.stream().map(OutboxEvent::id).toList();
    }

    /** Waits until every one of {@code ids} was delivered (as often as it appears), or the timeout. */
    private List<UUID> awaitDelivered(List<UUID> ids) throws InterruptedException {
        long deadline = System.nanoTime() + deliveryTimeout().toNanos();
        List<UUID> seen = delivered();
        while (!containsWithMultiplicity(seen, ids) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            seen = delivered();
        }
        return seen;
    }

    private static boolean containsWithMultiplicity(List<UUID> seen, List<UUID> expected) {
        List<UUID> rest = new java.util.ArrayList<>(seen);
        for (UUID id : expected) if (!rest.remove(id)) return false;
        return true;
    }

    @Test
    void a_batch_is_confirmed_whole_and_every_confirmed_event_reaches_the_broker() throws InterruptedException {
        List<OutboxEvent> batch = List.of(userRegistered(1), orderPlaced(10), orderPlaced(11));

        Set<UUID> confirmed = publisher.publish(batch);

        assertThat(confirmed).containsExactlyInAnyOrderElementsOf(ids(batch));
        assertThat(awaitDelivered(ids(batch))).containsAll(confirmed);
    }

    @Test
    void a_publisher_whose_broker_is_up_is_available() {
        assertThat(publisher.available()).isTrue();
    }

    @Test
    void an_empty_batch_confirms_nothing() {
        assertThat(publisher.publish(List.of())).isEmpty();
    }

    @Test
    void only_ids_of_the_batch_are_confirmed() {
        publisher.publish(List.of(userRegistered(1)));
        List<OutboxEvent> second = List.of(orderPlaced(12));

        assertThat(publisher.publish(second)).containsExactlyInAnyOrderElementsOf(ids(second));
    }

    @Test
    void the_same_event_may_be_published_again_and_is_confirmed_again_under_its_id() throws InterruptedException {
        OutboxEvent event = orderPlaced(13);

        Set<UUID> first = publisher.publish(List.of(event));
        Set<UUID> again = publisher.publish(List.of(event));

        assertThat(first).containsExactly(event.id());
        assertThat(again).containsExactly(event.id());
        assertThat(awaitDelivered(List.of(event.id(), event.id()))).filteredOn(event.id()::equals).hasSizeGreaterThanOrEqualTo(2);
    }
}
