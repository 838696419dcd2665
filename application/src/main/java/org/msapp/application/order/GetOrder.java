package org.msapp.application.order;

import org.msapp.application.cache.CacheAside;
import org.msapp.application.port.CacheKey;
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

    public Order handle(OrderId id) {
        return cache.read(CacheKey.order(id), () -> persistence.inTransaction(store -> store.orders().find(id)))
                .orElseThrow(() -> new OrderNotFound(id));
    }
}
