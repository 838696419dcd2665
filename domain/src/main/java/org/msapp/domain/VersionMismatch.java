package org.msapp.domain;

/** The caller changed an entity on the basis of a version that is no longer current. */
public final class VersionMismatch extends DomainException {
    public VersionMismatch(String entity, long expected, long actual) {
        super("version_mismatch", Kind.PRECONDITION_FAILED,
                entity + " is at version " + actual + ", not " + expected);
    }

    /** The current version is none of those the caller named. */
    public VersionMismatch(String entity, long actual) {
        super("version_mismatch", Kind.PRECONDITION_FAILED,
                entity + " is at version " + actual + ", which is not a version the request names");
    }
}
