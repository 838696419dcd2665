package org.msapp.domain.order;

import org.msapp.domain.Text;
import org.msapp.domain.TextValue;

/** 1..256 characters once surrounding white space is stripped. */
public final class ItemDescription extends TextValue {
    public static final String FIELD = "item_description";

    private ItemDescription(String value) {
        super(value);
    }

    public static ItemDescription of(String input) {
        return new ItemDescription(Text.trimmedWithin(FIELD, input, 1, 256));
    }

    public static ItemDescription stored(String value) {
        return new ItemDescription(Text.stored(FIELD, value));
    }
}
