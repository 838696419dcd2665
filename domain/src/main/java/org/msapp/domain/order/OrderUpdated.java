package org.msapp.domain.order;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

public record OrderUpdated(Order order) implements OrderEvent {
    public OrderUpdated {
        requireNonNull(order, "order");
    }

    @Override
    public OrderId orderId() {
        return order.id();
    }

    @Override
    public String type() {
        return "order.updated";
    }

    @Override
    public Instant occurredAt() {
        return order.updatedAt();
    }
}
