package org.msapp.adapters.http;

import java.util.List;

/** A request this adapter cannot read (malformed JSON, a wrong type, an unknown field): 400. */
final class BadRequest extends RuntimeException {
    record FieldError(String field, String message) {
    }

    private final List<FieldError> errors;

    BadRequest(String detail) {
        this(detail, List.of());
    }

    BadRequest(String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.errors = List.copyOf(errors);
    }

    static BadRequest field(String field, String message) {
        return new BadRequest(field + ": " + message, List.of(new FieldError(field, message)));
    }

    List<FieldError> errors() {
        return errors;
    }
}
