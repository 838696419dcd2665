package org.msapp.application.port;

import org.msapp.domain.order.Order;
import org.msapp.domain.order.OrderId;
import org.msapp.domain.user.User;
import org.msapp.domain.user.UserId;

/** A cache entry's name and the type of its value. */
public record CacheKey<T>(String name, Class<T> type) {
    public static CacheKey<User> user(UserId id) {
        return new CacheKey<>("msapp:user:" + id, User.class);
    }

    public static CacheKey<Order> order(OrderId id) {
        return new CacheKey<>("msapp:order:" + id, Order.class);
    }
}
