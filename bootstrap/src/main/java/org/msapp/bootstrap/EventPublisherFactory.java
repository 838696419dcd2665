package org.msapp.bootstrap;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.msapp.adapters.rabbitmq.RabbitEventPublisher;
import org.msapp.adapters.rabbitmq.RabbitSettings;
import org.msapp.adapters.rabbitmq.Topology;
import org.msapp.application.memory.InProcessProbe;
import org.msapp.application.memory.LoggingEventPublisher;
import org.msapp.application.port.EventPublisher;

/**
 * Where events go: to RabbitMQ when it is configured, whether or not it answers at start (events wait
 * in the outbox until it does; only the broker ever confirms them), else to the debug log.
 */
final class EventPublisherFactory {
    private EventPublisherFactory() {
    }

    /** {@code durableOutbox}: whether the outbox survives a restart (PostgreSQL), for the warning it takes when not. */
    static Adapter<EventPublisher> create(Optional<RabbitSettings> rabbitmq, boolean durableOutbox) {
        if (rabbitmq.isEmpty()) {
            return Adapter.<EventPublisher>of(new LoggingEventPublisher(), "[✓] events: written to the debug log (no broker configured)")
                    .probedBy(new InProcessProbe("events", false, "in-process")).measuredBy(ServiceMetrics.noneReturned());
        }
        RabbitSettings settings = rabbitmq.get();
        RabbitEventPublisher publisher = RabbitEventPublisher.start(settings);
        List<String> lines = new ArrayList<>();
        String audit = settings.auditQueue().map(q -> ", audit queue " + q).orElse("");
        lines.add(publisher.connected()
                ? "[✓] RabbitMQ " + publisher.serverVersion().orElse("") + " at " + settings.where() + ", exchange "
                        + Topology.EXCHANGE + audit
                : "[X] RabbitMQ at " + settings.where() + ": " + publisher.downReason() + ", events wait in the outbox");
        if (!durableOutbox) {
            lines.add("[!] RabbitMQ with in-memory persistence: events still in the outbox when the process stops are lost,"
                    + " with the data they describe; set HOST_DATABASE for an outbox that survives a restart");
        }
        return Adapter.<EventPublisher>of(publisher, lines.toArray(String[]::new)).probedBy(publisher.probe()).closing(publisher)
                .measuredBy(ServiceMetrics.returned(publisher));
    }
}
