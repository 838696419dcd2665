package org.msapp.application.access;

import org.msapp.domain.DomainException;
import org.msapp.domain.Kind;

/** Missing or wrong credentials. Says nothing of which part was wrong. */
public final class InvalidCredentials extends DomainException {
    public InvalidCredentials() {
        this("the credentials are missing or wrong");
    }

    /** {@code detail} is for the client: it may say a token expired, never which part of a password was wrong. */
    public InvalidCredentials(String detail) {
        super("invalid_credentials", Kind.UNAUTHENTICATED, detail);
    }
}
