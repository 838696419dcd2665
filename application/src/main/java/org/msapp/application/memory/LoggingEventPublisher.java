package org.msapp.application.memory;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.msapp.application.port.EventPublisher;
import org.msapp.application.port.OutboxEvent;

/**
 * The embedded default when no broker is configured: each event is written to the debug log and
 * confirmed, and kept nowhere, so nothing grows however long the service runs.
 */
public final class LoggingEventPublisher implements EventPublisher {
    private static final System.Logger LOG = System.getLogger(LoggingEventPublisher.class.getName());

    @Override
    public Set<UUID> publish(List<OutboxEvent> events) {
        Set<UUID> confirmed = new LinkedHashSet<>();
        for (OutboxEvent event : events) {
            LOG.log(System.Logger.Level.DEBUG, "event {0} {1} {2}", event.type(), event.subject(), event.id());
            confirmed.add(event.id());
        }
        return confirmed;
    }
}
