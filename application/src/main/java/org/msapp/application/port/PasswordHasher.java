package org.msapp.application.port;

import org.msapp.domain.user.Password;
import org.msapp.domain.user.PasswordHash;

/**
 * Makes and checks password hashes. Hashes are salted (two hashes of one password differ) and never
 * contain the password.
 *
 * @see org.msapp.application.availability.ServiceUnavailable thrown by both methods when too many hashes are
 *     already running and none finished in time
 */
public interface PasswordHasher {
    PasswordHash hash(Password password);

    /** False for a wrong password and for a hash this hasher cannot read; never throws for either. */
    boolean verify(Password candidate, PasswordHash hash);
}
