package org.msapp.bootstrap;

import java.util.Optional;
import org.msapp.adapters.rabbitmq.RabbitSettings;
import org.msapp.application.memory.InProcessProbe;
import org.msapp.application.memory.LoggingEventPublisher;
import org.msapp.application.port.EventPublisher;

/** Where events go: with no broker adapter in this build yet, to the debug log. */
final class EventPublisherFactory {
    private EventPublisherFactory() {
    }

    static Adapter<EventPublisher> create(Optional<RabbitSettings> rabbitmq) {
        String line = rabbitmq.map(r -> "[X] RabbitMQ at " + r.where() + " is configured, but this build has no RabbitMQ"
                        + " adapter yet: events are written to the debug log only")
                .orElse("[✓] events: written to the debug log (no broker configured)");
        return Adapter.<EventPublisher>of(new LoggingEventPublisher(), line)
                .probedBy(new InProcessProbe("events", false, "in-process"));
    }
}
