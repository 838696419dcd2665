package org.msapp.application.access;

import org.msapp.domain.DomainException;
import org.msapp.domain.Kind;

/** The caller is known but may not act on this resource. */
public final class Forbidden extends DomainException {
    public Forbidden(String what) {
        super("forbidden", Kind.FORBIDDEN, "you may not act on " + what);
    }
}
