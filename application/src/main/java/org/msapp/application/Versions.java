package org.msapp.application;

import java.util.OptionalLong;
import org.msapp.domain.VersionMismatch;

/** The If-Match rule, for every use case that changes an entity. */
public final class Versions {
    private Versions() {
    }

    public static void check(String entity, OptionalLong expected, long actual) {
        if (expected.isPresent() && expected.getAsLong() != actual) {
            throw new VersionMismatch(entity, expected.getAsLong(), actual);
        }
    }
}
