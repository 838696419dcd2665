package org.msapp.domain;

/** What sort of refusal a {@link DomainException} is; inbound adapters translate it to their protocol. */
public enum Kind {
    INVALID,
    NOT_FOUND,
    CONFLICT,
    UNAUTHENTICATED,
    FORBIDDEN,
    PRECONDITION_FAILED,
    TOO_MANY_ATTEMPTS,
    UNAVAILABLE
}
