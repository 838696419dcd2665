package org.msapp.domain.order;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.msapp.domain.Change;
import org.msapp.domain.user.UserId;

/**
 * An order of one user, for its whole life: it holds the owner's id, never the user. The total is
 * always derived from quantity and price, so it cannot disagree with them. Each behaviour returns the
 * next state with the event that records it.
 */
public record Order(OrderId id, UserId userId, ItemDescription itemDescription, Quantity itemQuantity,
                    ItemPrice itemPrice, Instant createdAt, Instant updatedAt, long version) {
    public Order {
        requireNonNull(id, "id");
        requireNonNull(userId, "userId");
        requireNonNull(itemDescription, "itemDescription");
        requireNonNull(itemQuantity, "itemQuantity");
        requireNonNull(itemPrice, "itemPrice");
        requireNonNull(createdAt, "createdAt");
        requireNonNull(updatedAt, "updatedAt");
        if (version < 1) throw new IllegalArgumentException("version must be at least 1, was " + version);
        if (updatedAt.isBefore(createdAt)) throw new IllegalArgumentException("updated before it was created");
        itemPrice.times(itemQuantity);
    }

    public static Change<Order, OrderPlaced> place(OrderId id, UserId userId, ItemDescription itemDescription,
                                                   Quantity itemQuantity, ItemPrice itemPrice, Instant now) {
        Order order = new Order(id, userId, itemDescription, itemQuantity, itemPrice, now, now, 1);
        return new Change<>(order, new OrderPlaced(order));
    }

    public Money totalValue() {
        return itemPrice.times(itemQuantity);
    }

    public Change<Order, OrderUpdated> update(OrderChanges changes, Instant now) {
        Order next = new Order(id, userId, changes.itemDescription().orElse(itemDescription),
                changes.itemQuantity().orElse(itemQuantity), changes.itemPrice().orElse(itemPrice), createdAt,
                now.isBefore(updatedAt) ? updatedAt : now, version + 1);
        return new Change<>(next, new OrderUpdated(next));
    }

    /** The event of this order's deletion at {@code now}; there is no state after it. */
    public OrderDeleted delete(Instant now) {
        return new OrderDeleted(id, userId, now);
    }
}
