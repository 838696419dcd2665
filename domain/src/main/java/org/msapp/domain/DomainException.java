package org.msapp.domain;

import static java.util.Objects.requireNonNull;

/**
 * The one family of refusals. Each carries a stable machine-readable {@code code} (safe to show a
 * client) and a {@link Kind}; the message is written for the client too, so it never holds a secret.
 */
public abstract class DomainException extends RuntimeException {
    private final String code;
    private final Kind kind;

    protected DomainException(String code, Kind kind, String message) {
        this(code, kind, message, null);
    }

    protected DomainException(String code, Kind kind, String message, Throwable cause) {
        super(message, cause, false, false);
        this.code = requireNonNull(code, "code");
        this.kind = requireNonNull(kind, "kind");
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }
}
