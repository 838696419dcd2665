package org.msapp.domain.order;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

public record OrderPlaced(Order order) implements OrderEvent {
    public OrderPlaced {
        requireNonNull(order, "order");
    }

    @Override
    public OrderId orderId() {
        return order.id();
    }

    @Override
    public String type() {
        return "order.placed";
    }

    @Override
    public Instant occurredAt() {
        return order.createdAt();
    }
}
