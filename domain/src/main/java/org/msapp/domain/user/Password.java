package org.msapp.domain.user;

import java.util.Optional;
import org.msapp.domain.InvalidField;
import org.msapp.domain.Text;

/**
 * A password in clear, as a client sent it. Never stored, logged or printed: {@link #toString()}
 * hides it. A new password must be 8..128 characters; a candidate for a log-in only 1..1024, since
 * users from the tutorial may hold shorter passwords that must still work.
 */
public final class Password {
    public static final String FIELD = "password";
    public static final int MAX_CANDIDATE_LENGTH = 1024;
    private final String clear;

    private Password(String clear) {
        this.clear = clear;
    }

    public static Password newPassword(String field, String input) {
        Text.required(field, input);
        int length = input.codePointCount(0, input.length());
        if (length < 8) throw new InvalidField(field, "must be at least 8 characters");
        if (length > 128) throw new InvalidField(field, "must be at most 128 characters");
        return new Password(input);
    }

    public static Password candidate(String field, String input) {
        Text.required(field, input);
        if (input.isEmpty()) throw new InvalidField(field, "must not be empty");
        return offered(input).orElseThrow(() -> new InvalidField(field, "must be at most " + MAX_CANDIDATE_LENGTH + " characters"));
    }

    /** A candidate for a log-in, or empty when it cannot be anyone's password (empty, or too long). Never throws. */
    public static Optional<Password> offered(String input) {
        if (input == null || input.isEmpty() || input.length() > MAX_CANDIDATE_LENGTH) return Optional.empty();
        return Optional.of(new Password(input));
    }

    public String clear() {
        return clear;
    }

    @Override
    public String toString() {
        return "Password[***]";
    }
}
