package org.msapp.application.port;

import java.util.List;
import java.util.Map;
import org.msapp.domain.event.DomainEvent;
import org.msapp.domain.order.Order;
import org.msapp.domain.order.OrderDeleted;
import org.msapp.domain.order.OrderPlaced;
import org.msapp.domain.order.OrderUpdated;
import org.msapp.domain.user.UserDeleted;
import org.msapp.domain.user.UserPasswordChanged;
import org.msapp.domain.user.UserRegistered;
import org.msapp.domain.user.UserSnapshot;
import org.msapp.domain.user.UserUpdated;

/** What consumers receive of each event: JSON-ready values (strings, numbers) under the API's snake_case names. */
final class EventData {
    private EventData() {
    }

    static Map<String, Object> of(DomainEvent event) {
        if (event instanceof UserRegistered e) return user(e.user());
        if (event instanceof UserUpdated e) return user(e.user());
        if (event instanceof UserPasswordChanged e) return Map.of("user_id", e.userId().value(), "version", e.version());
        if (event instanceof UserDeleted e) return Map.of("user_id", e.userId().value(), "nick_name", e.nickName().value());
        if (event instanceof OrderPlaced e) return order(e.order());
        if (event instanceof OrderUpdated e) return order(e.order());
        if (event instanceof OrderDeleted e) return Map.of("order_id", e.orderId().value(), "user_id", e.userId().value());
        throw new IllegalArgumentException("no outbox form for the event " + event.type());
    }

    private static Map<String, Object> user(UserSnapshot user) {
        return Map.of(
                "user_id", user.id().value(),
                "nick_name", user.nickName().value(),
                "full_name", user.fullName().value(),
                "cpf", user.maskedCpf(),
                "email", user.email().value(),
                "phone_number", user.phoneNumber().value(),
                "created_at", user.createdAt().toString(),
                "updated_at", user.updatedAt().toString(),
                "version", user.version(),
                "roles", user.admin() ? List.of("admin") : List.of());
    }

    private static Map<String, Object> order(Order order) {
        return Map.of(
                "order_id", order.id().value(),
                "user_id", order.userId().value(),
                "item_description", order.itemDescription().value(),
                "item_quantity", order.itemQuantity().value(),
                "item_price", order.itemPrice().cents(),
                "total_value", order.totalValue().cents(),
                "created_at", order.createdAt().toString(),
                "updated_at", order.updatedAt().toString(),
                "version", order.version());
    }
}
