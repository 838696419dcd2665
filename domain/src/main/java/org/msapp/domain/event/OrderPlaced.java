package org.msapp.domain.event;

import java.time.Instant;
import java.util.Map;
import org.msapp.domain.order.Order;

public record OrderPlaced(String subject, Instant occurredAt, Map<String, Object> data) implements DomainEvent {
    public OrderPlaced {
        data = Map.copyOf(data);
    }

    public static OrderPlaced of(Order order) {
        return new OrderPlaced(OrderData.subject(order), order.createdAt(), OrderData.of(order));
    }

    @Override
    public String type() {
        return "order.placed";
    }
}
