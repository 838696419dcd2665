package org.msapp.application.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.msapp.application.fixtures.OutboxEvents;
import org.msapp.application.port.EventPublisher;
import org.msapp.application.port.EventPublisherContract;
import org.msapp.application.port.OutboxEvent;

class InMemoryEventPublisherTest extends EventPublisherContract {
    private final InMemoryEventPublisher broker = new InMemoryEventPublisher();

    @Override
    protected EventPublisher publisher() {
        return broker;
    }

    @Override
    protected List<UUID> delivered() {
        return broker.published().stream().map(OutboxEvent::id).toList();
    }

    @Test
    void while_refusing_it_confirms_and_delivers_nothing_and_afterwards_it_takes_the_same_events() {
        List<OutboxEvent> batch = List.of(OutboxEvents.numbered(1, Instant.EPOCH), OutboxEvents.numbered(2, Instant.EPOCH));
        broker.refuse(true);

        assertThat(broker.publish(batch)).isEmpty();
        assertThat(broker.published()).isEmpty();

        broker.refuse(false);

        assertThat(broker.publish(batch)).containsExactlyInAnyOrder(batch.get(0).id(), batch.get(1).id());
        assertThat(broker.published()).containsExactlyElementsOf(batch);
    }
}
