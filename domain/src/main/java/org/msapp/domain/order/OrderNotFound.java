package org.msapp.domain.order;

import org.msapp.domain.DomainException;
import org.msapp.domain.Kind;

public final class OrderNotFound extends DomainException {
    public OrderNotFound(OrderId id) {
        super("order_not_found", Kind.NOT_FOUND, "no order with id " + id);
    }
}
