package org.msapp.domain.event;

import java.time.Instant;
import java.util.Map;
import org.msapp.domain.order.Order;

public record OrderDeleted(String subject, Instant occurredAt, Map<String, Object> data) implements DomainEvent {
    public OrderDeleted {
        data = Map.copyOf(data);
    }

    public static OrderDeleted of(Order order, Instant at) {
        return new OrderDeleted(OrderData.subject(order), at, Map.of("order_id", order.id().value(), "user_id", order.userId().value()));
    }

    @Override
    public String type() {
        return "order.deleted";
    }
}
