package org.msapp.domain.order;

import org.msapp.domain.InvalidField;
import org.msapp.domain.LongValue;

/** The price of one item in cents: 0..100,000,000 (a stored value is taken as it is). */
public final class ItemPrice extends LongValue {
    public static final String FIELD = "item_price";
    public static final long MAX = 100_000_000;

    private ItemPrice(long cents) {
        super(cents);
    }

    public static ItemPrice of(long cents) {
        if (cents < 0 || cents > MAX) throw new InvalidField(FIELD, "must be between 0 and " + MAX + " cents");
        return new ItemPrice(cents);
    }

    public static ItemPrice stored(long cents) {
        return new ItemPrice(cents);
    }

    public long cents() {
        return longValue();
    }

    /** Quantity x price, exactly: an overflow is refused, never wrapped. */
    public Money times(Quantity quantity) {
        try {
            return new Money(Math.multiplyExact(cents(), quantity.value()));
        } catch (ArithmeticException overflow) {
            throw new InvalidField("total_value", "is too large");
        }
    }
}
