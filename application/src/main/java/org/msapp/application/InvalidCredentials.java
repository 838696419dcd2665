package org.msapp.application;

import org.msapp.domain.DomainException;
import org.msapp.domain.Kind;

/** Missing or wrong credentials. Says nothing of which part was wrong. */
public final class InvalidCredentials extends DomainException {
    public InvalidCredentials() {
        super("invalid_credentials", Kind.UNAUTHENTICATED, "the credentials are missing or wrong");
    }
}
