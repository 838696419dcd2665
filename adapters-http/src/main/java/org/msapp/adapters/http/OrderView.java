package org.msapp.adapters.http;

import java.time.Instant;
import org.msapp.domain.order.Order;

/** An order as clients see it; money in integer cents. */
record OrderView(long orderId, long userId, String itemDescription, long itemQuantity, long itemPrice,
                 long totalValue, Instant createdAt, Instant updatedAt) {
    static OrderView of(Order o) {
        return new OrderView(o.id().value(), o.userId().value(), o.itemDescription().value(), o.itemQuantity().value(),
                o.itemPrice().cents(), o.totalValue().cents(), o.createdAt(), o.updatedAt());
    }
}
