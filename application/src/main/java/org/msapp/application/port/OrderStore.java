package org.msapp.application.port;

import java.util.List;
import java.util.Optional;
import org.msapp.domain.order.Order;
import org.msapp.domain.order.OrderId;
import org.msapp.domain.user.UserId;

/** Orders, inside a unit of work. Every order belongs to an existing user for its whole life. */
public interface OrderStore {
    /** A fresh id, never handed out before, even if the unit of work rolls back. */
    OrderId nextId();

    /** @throws org.msapp.domain.user.UserNotFound when the owning user does not exist */
    void add(Order order);

    Optional<Order> find(OrderId id);

    /** Up to {@code limit} orders with an id greater than {@code after} (all when empty), by id. */
    List<Order> list(Optional<OrderId> after, int limit);

    /** As {@link #list}, for the orders of one user. */
    List<Order> listOfUser(UserId user, Optional<OrderId> after, int limit);

    boolean anyOfUser(UserId user);

    /**
     * @throws org.msapp.domain.order.OrderNotFound when the order is gone
     * @throws org.msapp.domain.VersionMismatch when the stored version is not {@code order.version() - 1}
     */
    void update(Order order);

    /**
     * @throws org.msapp.domain.order.OrderNotFound when the order is gone
     * @throws org.msapp.domain.VersionMismatch when the stored version differs
     */
    void remove(Order order);
}
