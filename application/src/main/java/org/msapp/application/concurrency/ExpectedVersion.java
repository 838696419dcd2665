package org.msapp.application.concurrency;

import java.util.Optional;
import java.util.Set;
import org.msapp.domain.VersionMismatch;

/**
 * The versions of an entity on which a caller allows a change (HTTP {@code If-Match}). {@link #any()}
 * when they name none; {@link #oneOf} matches when the current version is any of those named, and an
 * empty set (only tags that cannot match, such as weak ones) matches nothing.
 */
public record ExpectedVersion(Optional<Set<Long>> anyOf) {
    private static final ExpectedVersion ANY = new ExpectedVersion(Optional.empty());

    public ExpectedVersion {
        anyOf = anyOf.map(Set::copyOf);
    }

    public static ExpectedVersion any() {
        return ANY;
    }

    public static ExpectedVersion of(long version) {
        return oneOf(Set.of(version));
    }

    public static ExpectedVersion oneOf(Set<Long> versions) {
        return new ExpectedVersion(Optional.of(versions));
    }

    /** @throws VersionMismatch unless {@code actual} is acceptable */
    public void check(String entity, long actual) {
        if (anyOf.isPresent() && !anyOf.get().contains(actual)) throw new VersionMismatch(entity, actual);
    }
}
