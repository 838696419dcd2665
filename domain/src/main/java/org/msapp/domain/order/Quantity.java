package org.msapp.domain.order;

import org.msapp.domain.InvalidField;

/** How many items an order holds: 1..1,000,000 (a stored value is taken as it is). */
public record Quantity(long value) {
    public static final String FIELD = "item_quantity";
    public static final long MAX = 1_000_000;

    public static Quantity of(long value) {
        if (value < 1 || value > MAX) throw new InvalidField(FIELD, "must be between 1 and " + MAX);
        return new Quantity(value);
    }

    public static Quantity stored(long value) {
        return new Quantity(value);
    }
}
