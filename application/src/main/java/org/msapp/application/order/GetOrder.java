package org.msapp.application.order;

import org.msapp.application.access.Caller;
import org.msapp.application.cache.CacheAside;
import org.msapp.application.read.CachedReads;
import org.msapp.application.port.Persistence;
import org.msapp.domain.order.Order;
import org.msapp.domain.order.OrderId;
import org.msapp.domain.order.OrderNotFound;

public final class GetOrder {
    private final Persistence persistence;
    private final CacheAside cache;

    public GetOrder(Persistence persistence, CacheAside cache) {
        this.persistence = persistence;
        this.cache = cache;
    }

    public record Query(Caller caller, OrderId order) {
    }

    public Order handle(Query q) {
        Order order = cache.read(CachedReads.order(q.order()), () -> persistence.read(stores -> stores.orders().find(q.order())))
                .orElseThrow(() -> new OrderNotFound(q.order()));
        q.caller().requireAccessTo(order.userId());
        return order;
    }
}
