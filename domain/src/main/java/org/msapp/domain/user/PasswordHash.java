package org.msapp.domain.user;

import static java.util.Objects.requireNonNull;

/** A password hash in PHC string form. {@link #toString()} hides it, so no log line can carry it. */
public record PasswordHash(String phc) {
    public PasswordHash {
        requireNonNull(phc, "phc");
        if (phc.isBlank()) throw new IllegalArgumentException("empty password hash");
    }

    @Override
    public String toString() {
        return "PasswordHash[***]";
    }
}
