package org.msapp.domain.order;

import org.msapp.domain.event.DomainEvent;

/** The events of an order. */
public sealed interface OrderEvent extends DomainEvent permits OrderPlaced, OrderUpdated, OrderDeleted {
    OrderId orderId();

    @Override
    default String subject() {
        return "orders/" + orderId();
    }
}
