package org.msapp.application.port;

import org.msapp.domain.user.Password;
import org.msapp.domain.user.PasswordHash;

/**
 * Makes and checks password hashes. Hashes are salted (two hashes of one password differ) and never
 * contain the password.
 *
 * @see org.msapp.application.availability.Overloaded thrown by both methods when the hasher is at capacity:
 *     too many hashes already running, and too many callers waiting for one
 */
public interface PasswordHasher {
    PasswordHash hash(Password password);

    /** False for a wrong password and for a hash this hasher cannot read; never throws for either. */
    boolean verify(Password candidate, PasswordHash hash);
}
