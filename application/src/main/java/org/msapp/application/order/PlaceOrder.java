package org.msapp.application.order;

import java.time.Clock;
import org.msapp.application.access.Caller;
import org.msapp.application.port.IdGenerator;
import org.msapp.application.port.OutboxEvent;
import org.msapp.application.port.Persistence;
import org.msapp.domain.order.ItemDescription;
import org.msapp.domain.order.ItemPrice;
import org.msapp.domain.order.Order;
import org.msapp.domain.order.Quantity;
import org.msapp.domain.user.UserId;
import org.msapp.domain.user.UserNotFound;

public final class PlaceOrder {
    public record Command(Caller caller, UserId user, ItemDescription item, Quantity quantity, ItemPrice price) {
    }

    private final Persistence persistence;
    private final IdGenerator ids;
    private final Clock clock;

    public PlaceOrder(Persistence persistence, IdGenerator ids, Clock clock) {
        this.persistence = persistence;
        this.ids = ids;
        this.clock = clock;
    }

    /** @throws UserNotFound when the user does not exist: an order always has an owner */
    public Order handle(Command c) {
        c.caller().requireAccessTo(c.user());
        return persistence.inTransaction(stores -> {
            var placed = Order.place(stores.orders().nextId(), c.user(), c.item(), c.quantity(), c.price(), clock.instant());
            stores.orders().add(placed.state());
            stores.outbox().append(OutboxEvent.of(ids.newEventId(), placed.event()));
            return placed.state();
        });
    }
}
