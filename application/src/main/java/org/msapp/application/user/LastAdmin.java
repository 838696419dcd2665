package org.msapp.application.user;

import java.util.List;
import org.msapp.domain.DomainException;
import org.msapp.domain.Kind;
import org.msapp.domain.user.UserId;

/** Taking the role from, or deleting, the one administrator left would leave no one to grant it. */
public final class LastAdmin extends DomainException {
    /** Refuses when {@code admins} (locked, as the store returns them) holds {@code user} alone. */
    public static void refuseLosing(UserId user, List<UserId> admins) {
        if (admins.equals(List.of(user))) throw new LastAdmin(user);
    }

    public LastAdmin(UserId user) {
        super("last_admin", Kind.CONFLICT,
                "user " + user + " is the last administrator; grant the role to another user first");
    }
}
