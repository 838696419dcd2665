package org.msapp.application.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.msapp.application.fixtures.OutboxEvents;
import org.msapp.application.port.OutboxEvent;

class LoggingEventPublisherTest {
    @Test
    void it_confirms_every_event_it_is_handed_so_the_outbox_does_not_grow() {
        List<OutboxEvent> batch = List.of(OutboxEvents.numbered(1, Instant.EPOCH), OutboxEvents.numbered(2, Instant.EPOCH));

        assertThat(new LoggingEventPublisher().publish(batch)).containsExactly(batch.get(0).id(), batch.get(1).id());
    }

    @Test
    void an_empty_batch_confirms_nothing() {
        assertThat(new LoggingEventPublisher().publish(List.of())).isEmpty();
    }
}
