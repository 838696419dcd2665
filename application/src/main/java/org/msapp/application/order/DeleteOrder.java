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
import org.msapp.domain.order.OrderId;
import org.msapp.domain.order.OrderNotFound;

public final class DeleteOrder {
    public record Command(Caller caller, OrderId order, ExpectedVersion expectedVersion) {
    }

    private final Persistence persistence;
    private final CacheAside cache;
    private final IdGenerator ids;
    private final Clock clock;

    public DeleteOrder(Persistence persistence, CacheAside cache, IdGenerator ids, Clock clock) {
        this.persistence = persistence;
        this.cache = cache;
        this.ids = ids;
        this.clock = clock;
    }

    public void handle(Command c) {
        Order deleted = persistence.inTransaction(stores -> {
            Order current = stores.orders().find(c.order()).orElseThrow(() -> new OrderNotFound(c.order()));
            c.caller().requireAccessTo(current.userId());
            c.expectedVersion().check("order", current.version());
            stores.orders().remove(current);
            stores.outbox().append(OutboxEvent.of(ids.newEventId(), current.delete(clock.instant())));
            return current;
        });
        cache.evict(CachedReads.order(c.order()), deleted.version());
    }
}
