package org.msapp.domain;

import static java.util.Objects.requireNonNull;

/** A value broke a rule. {@code field} is the attribute's name as the API and the tables spell it. */
public final class InvalidField extends DomainException {
    private final String field;
    private final String reason;

    public InvalidField(String field, String reason) {
        super("invalid_field", Kind.INVALID, requireNonNull(field, "field") + ": " + requireNonNull(reason, "reason"));
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
