package org.msapp.adapters.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.msapp.domain.InvalidField;
import org.msapp.domain.InvalidFields;

/** Builds each value of a request and reports every invalid field at once. */
final class Validation {
    private final List<InvalidField> errors = new ArrayList<>();

    <T> T check(Supplier<T> make) {
        try {
            return make.get();
        } catch (InvalidField e) {
            errors.add(e);
            return null;
        }
    }

    <T> Optional<T> checkOptional(Supplier<Optional<T>> make) {
        try {
            return make.get();
        } catch (InvalidField e) {
            errors.add(e);
            return Optional.empty();
        }
    }

    void done() {
        if (!errors.isEmpty()) throw new InvalidFields(errors);
    }
}
