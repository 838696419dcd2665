package org.msapp.domain.user;

import org.msapp.domain.Text;
import org.msapp.domain.TextValue;

/** 1..50 characters once surrounding white space is stripped. */
public final class FullName extends TextValue {
    public static final String FIELD = "full_name";

    private FullName(String value) {
        super(value);
    }

    public static FullName of(String input) {
        return new FullName(Text.trimmedWithin(FIELD, input, 1, 50));
    }

    public static FullName stored(String value) {
        return new FullName(Text.stored(FIELD, value));
    }
}
