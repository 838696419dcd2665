package org.msapp.domain;

/**
 * A value object over one whole number, the counterpart of {@link TextValue}: subclasses are final
 * classes with a private constructor, so that {@code of(..)} is the only way in under today's rules and
 * {@code stored(..)} the one explicit way in for a value persisted under older ones.
 */
public abstract class LongValue {
    private final long value;

    protected LongValue(long value) {
        this.value = value;
    }

    protected final long longValue() {
        return value;
    }

    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && ((LongValue) other).value == value;
    }

    @Override
    public final int hashCode() {
        return 31 * getClass().hashCode() + Long.hashCode(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
