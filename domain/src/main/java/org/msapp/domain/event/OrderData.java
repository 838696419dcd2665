package org.msapp.domain.event;

import java.util.LinkedHashMap;
import java.util.Map;
import org.msapp.domain.order.Order;

/** The state of an order, as events carry it. */
final class OrderData {
    private OrderData() {
    }

    static Map<String, Object> of(Order order) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("order_id", order.id().value());
        data.put("user_id", order.userId().value());
        data.put("item_description", order.itemDescription().value());
        data.put("item_quantity", order.itemQuantity().value());
        data.put("item_price", order.itemPrice().cents());
        data.put("total_value", order.totalValue().cents());
        data.put("created_at", order.createdAt().toString());
        data.put("updated_at", order.updatedAt().toString());
        data.put("version", order.version());
        return Map.copyOf(data);
    }

    static String subject(Order order) {
        return "orders/" + order.id();
    }
}
