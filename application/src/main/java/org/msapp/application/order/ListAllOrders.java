package org.msapp.application.order;

import java.util.Optional;
import org.msapp.application.access.Caller;
import org.msapp.application.paging.Page;
import org.msapp.application.port.Persistence;
import org.msapp.domain.order.Order;
import org.msapp.domain.order.OrderId;

public final class ListAllOrders {
    public record Query(Caller caller, int limit, Optional<OrderId> after) {
        public Query {
            Page.checkLimit(limit);
        }
    }

    private final Persistence persistence;

    public ListAllOrders(Persistence persistence) {
        this.persistence = persistence;
    }

    public Page<Order> handle(Query q) {
        q.caller().requireAdmin("the orders of everyone");
        return Page.of(persistence.read(stores -> stores.orders().list(q.after(), q.limit() + 1)), q.limit(),
                o -> o.id().value());
    }
}
