package org.msapp.adapters.postgres;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.msapp.application.port.OrderStore;
import org.msapp.domain.VersionMismatch;
import org.msapp.domain.order.Order;
import org.msapp.domain.order.OrderId;
import org.msapp.domain.order.OrderNotFound;
import org.msapp.domain.user.UserId;
import org.msapp.domain.user.UserNotFound;

/** The orders table, inside one transaction. The foreign key keeps the 1-to-N rule. */
final class PostgresOrderStore implements OrderStore {
    private final Handle handle;

    PostgresOrderStore(Handle handle) {
        this.handle = handle;
    }

    @Override
    public OrderId nextId() {
        return new OrderId(handle.createQuery("SELECT nextval(pg_get_serial_sequence('orders', 'order_id'))")
                .mapTo(Long.class).one());
    }

    @Override
    public void add(Order order) {
        try {
            handle.createUpdate("""
                    INSERT INTO orders (order_id, user_id, item_description, item_quantity, item_price, total_value,
                                        created_at, updated_at, version)
                    VALUES (:id, :user_id, :item_description, :item_quantity, :item_price, :total_value,
                            :created_at, :updated_at, :version)""")
                    .bind("id", order.id().value())
                    .bind("user_id", order.userId().value())
                    .bind("item_description", order.itemDescription().value())
                    .bind("item_quantity", order.itemQuantity().value())
                    .bind("item_price", order.itemPrice().cents())
                    .bind("total_value", order.totalValue().cents())
                    .bind("created_at", Rows.at(order.createdAt()))
                    .bind("updated_at", Rows.at(order.updatedAt()))
                    .bind("version", order.version())
                    .execute();
        } catch (RuntimeException e) {
            if (Failures.is(e, Failures.FOREIGN_KEY_VIOLATION)) throw new UserNotFound(order.userId());
            throw e;
        }
    }

    @Override
    public Optional<Order> find(OrderId id) {
        return handle.createQuery("SELECT " + Rows.ORDER_COLUMNS + " FROM orders WHERE order_id = :id")
                .bind("id", id.value()).map((rs, ctx) -> Rows.order(rs)).findOne();
    }

    @Override
    public List<Order> list(Optional<OrderId> after, int limit) {
        return handle.createQuery("SELECT " + Rows.ORDER_COLUMNS + " FROM orders WHERE order_id > :after ORDER BY order_id LIMIT :limit")
                .bind("after", after.map(OrderId::value).orElse(0L)).bind("limit", limit)
                .map((rs, ctx) -> Rows.order(rs)).list();
    }

    @Override
    public List<Order> listOfUser(UserId user, Optional<OrderId> after, int limit) {
        return handle.createQuery("SELECT " + Rows.ORDER_COLUMNS
                        + " FROM orders WHERE user_id = :user AND order_id > :after ORDER BY order_id LIMIT :limit")
                .bind("user", user.value()).bind("after", after.map(OrderId::value).orElse(0L)).bind("limit", limit)
                .map((rs, ctx) -> Rows.order(rs)).list();
    }

    @Override
    public boolean anyOfUser(UserId user) {
        return handle.createQuery("SELECT EXISTS (SELECT 1 FROM orders WHERE user_id = :user)")
                .bind("user", user.value()).mapTo(Boolean.class).one();
    }

    @Override
    public void update(Order order) {
        int changed = handle.createUpdate("""
                UPDATE orders SET item_description = :item_description, item_quantity = :item_quantity,
                                  item_price = :item_price, total_value = :total_value, updated_at = :updated_at,
                                  version = :version
                WHERE order_id = :id AND version = :expected AND user_id = :user_id""")
                .bind("id", order.id().value())
                .bind("expected", order.version() - 1)
                .bind("user_id", order.userId().value())
                .bind("item_description", order.itemDescription().value())
                .bind("item_quantity", order.itemQuantity().value())
                .bind("item_price", order.itemPrice().cents())
                .bind("total_value", order.totalValue().cents())
                .bind("updated_at", Rows.at(order.updatedAt()))
                .bind("version", order.version())
                .execute();
        if (changed == 0) throw missingStaleOrMoved(order, order.version() - 1);
    }

    @Override
    public void remove(Order order) {
        int removed = handle.createUpdate("DELETE FROM orders WHERE order_id = :id AND version = :version")
                .bind("id", order.id().value()).bind("version", order.version()).execute();
        if (removed == 0) throw missingStaleOrMoved(order, order.version());
    }

    private RuntimeException missingStaleOrMoved(Order order, long expected) {
        Optional<Order> stored = find(order.id());
        if (stored.isEmpty()) return new OrderNotFound(order.id());
        if (!stored.get().userId().equals(order.userId())) return new IllegalArgumentException("an order cannot change hands");
        return new VersionMismatch("order", expected, stored.get().version());
    }
}
