package org.msapp.domain;

import java.util.List;

/** Several fields broke their rules at once; reported together so a client can fix them in one go. */
public final class InvalidFields extends DomainException {
    private final List<InvalidField> errors;

    public InvalidFields(List<InvalidField> errors) {
        super("invalid_fields", Kind.INVALID, errors.size() + " field(s) are invalid");
        if (errors.isEmpty()) throw new IllegalArgumentException("no errors");
        this.errors = List.copyOf(errors);
    }

    public List<InvalidField> errors() {
        return errors;
    }
}
