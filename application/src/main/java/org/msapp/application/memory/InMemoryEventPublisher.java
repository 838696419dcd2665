package org.msapp.application.memory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.msapp.application.port.EventPublisher;
import org.msapp.application.port.OutboxEvent;

/** Keeps published events in the process (the embedded default, and a test double that can refuse). */
public final class InMemoryEventPublisher implements EventPublisher {
    private static final System.Logger LOG = System.getLogger(InMemoryEventPublisher.class.getName());
    private final List<OutboxEvent> published = new ArrayList<>();
    private volatile boolean refusing;

    @Override
    public synchronized Set<UUID> publish(List<OutboxEvent> events) {
        Set<UUID> confirmed = new LinkedHashSet<>();
        if (refusing) return confirmed;
        for (OutboxEvent event : events) {
            published.add(event);
            confirmed.add(event.id());
            LOG.log(System.Logger.Level.DEBUG, "event {0} {1} {2}", event.type(), event.subject(), event.id());
        }
        return confirmed;
    }

    /** Everything published so far, in order, duplicates included. */
    public synchronized List<OutboxEvent> published() {
        return List.copyOf(published);
    }

    /** While refusing, nothing is confirmed: as a broker that is away. */
    public void refuse(boolean refusing) {
        this.refusing = refusing;
    }
}
