package org.msapp.domain.user;

import org.msapp.domain.InvalidField;

/** The users table's integer key. */
public record UserId(long value) {
    public UserId {
        if (value <= 0) throw new InvalidField("user_id", "must be a positive integer");
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
