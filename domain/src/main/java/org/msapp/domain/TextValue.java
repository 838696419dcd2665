package org.msapp.domain;

import static java.util.Objects.requireNonNull;

/**
 * A value object over one string. Subclasses are final classes rather than records because they
 * have two ways in: {@code of(..)} checks today's rules, {@code stored(..)} takes a value that was
 * persisted (possibly by the tutorial, under no rules) as it is.
 */
public abstract class TextValue {
    private final String value;

    protected TextValue(String value) {
        this.value = requireNonNull(value, "value");
    }

    public final String value() {
        return value;
    }

    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && ((TextValue) other).value.equals(value);
    }

    @Override
    public final int hashCode() {
        return 31 * getClass().hashCode() + value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
