package org.msapp.domain.order;

import org.msapp.domain.InvalidField;
import org.msapp.domain.LongValue;

/** How many items an order holds: 1..1,000,000 (a stored value is taken as it is). */
public final class Quantity extends LongValue {
    public static final String FIELD = "item_quantity";
    public static final long MAX = 1_000_000;

    private Quantity(long value) {
        super(value);
    }

    public static Quantity of(long value) {
        if (value < 1 || value > MAX) throw new InvalidField(FIELD, "must be between 1 and " + MAX);
        return new Quantity(value);
    }

    public static Quantity stored(long value) {
        return new Quantity(value);
    }

    public long value() {
        return longValue();
    }
}
