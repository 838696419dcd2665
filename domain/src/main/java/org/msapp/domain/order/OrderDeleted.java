package org.msapp.domain.order;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.msapp.domain.user.UserId;

public record OrderDeleted(OrderId orderId, UserId userId, Instant occurredAt) implements OrderEvent {
    public OrderDeleted {
        requireNonNull(orderId, "orderId");
        requireNonNull(userId, "userId");
        requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String type() {
        return "order.deleted";
    }
}
