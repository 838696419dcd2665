package org.msapp.domain.event;

import java.time.Instant;
import java.util.Map;
import org.msapp.domain.order.Order;

public record OrderUpdated(String subject, Instant occurredAt, Map<String, Object> data) implements DomainEvent {
    public OrderUpdated {
        data = Map.copyOf(data);
    }

    public static OrderUpdated of(Order order) {
        return new OrderUpdated(OrderData.subject(order), order.updatedAt(), OrderData.of(order));
    }

    @Override
    public String type() {
        return "order.updated";
    }
}
