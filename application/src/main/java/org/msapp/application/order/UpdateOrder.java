package org.msapp.application.order;

import java.time.Clock;
import org.msapp.application.access.Caller;
import org.msapp.application.cache.CacheAside;
import org.msapp.application.concurrency.ExpectedVersion;
import org.msapp.application.read.CachedReads;
import org.msapp.application.port.IdGenerator;
import org.msapp.application.port.OutboxEvent;
import org.msapp.application.port.Persistence;
import org.msapp.domain.order.Order;
import org.msapp.domain.order.OrderChanges;
import org.msapp.domain.order.OrderId;
import org.msapp.domain.order.OrderNotFound;

public final class UpdateOrder {
    public record Command(Caller caller, OrderId order, OrderChanges changes, ExpectedVersion expectedVersion) {
    }

    private final Persistence persistence;
    private final CacheAside cache;
    private final IdGenerator ids;
    private final Clock clock;

    public UpdateOrder(Persistence persistence, CacheAside cache, IdGenerator ids, Clock clock) {
        this.persistence = persistence;
        this.cache = cache;
        this.ids = ids;
        this.clock = clock;
    }

    public Order handle(Command c) {
        Order updated = persistence.inTransaction(stores -> {
            Order current = stores.orders().find(c.order()).orElseThrow(() -> new OrderNotFound(c.order()));
            c.caller().requireAccessTo(current.userId());
            c.expectedVersion().check("order", current.version());
            if (c.changes().isEmpty()) return current;
            var changed = current.update(c.changes(), clock.instant());
            stores.orders().update(changed.state());
            stores.outbox().append(OutboxEvent.of(ids.newEventId(), changed.event()));
            return changed.state();
        });
        cache.evict(CachedReads.order(c.order()), updated.version() - 1);
        return updated;
    }
}
