package org.msapp.domain.order;

import org.msapp.domain.InvalidField;

/** The orders table's integer key. */
public record OrderId(long value) {
    public OrderId {
        if (value <= 0) throw new InvalidField("order_id", "must be a positive integer");
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
