package org.msapp.application.user;

import java.util.Optional;
import org.msapp.application.port.Persistence;
import org.msapp.domain.user.NickName;
import org.msapp.domain.user.NickNameTaken;
import org.msapp.domain.user.UserId;

/**
 * Makes the first administrator, as the service starts, when there is none: a registration, through
 * {@link RegisterUser}, that holds the role from its first version. It never grants the role to a
 * user who exists already: a name is not a credential, and whoever registered it first may not be the
 * operator.
 */
public final class BootstrapAdmin {
    /** What happened; {@code user} is the administrator made, for {@link Outcome.Kind#CREATED} alone. */
    public record Outcome(Kind kind, Optional<UserId> user) {
        public enum Kind {
            /** The administrator was made, with the role. */
            CREATED,
            /** There is an administrator already: nothing was done. */
            ADMIN_EXISTS,
            /** No administrator exists, and a user without the role holds the name: nothing was done. */
            NAME_TAKEN
        }
    }

    private final Persistence persistence;
    private final RegisterUser registerUser;

    public BootstrapAdmin(Persistence persistence, RegisterUser registerUser) {
        this.persistence = persistence;
        this.registerUser = registerUser;
    }

    /** Whether any user holds the administrator's role. */
    public boolean anyAdmin() {
        return persistence.inTransaction(stores -> !stores.users().admins().isEmpty());
    }

    public Outcome handle(RegisterUser.Command c) {
        Outcome unchanged = unchanged(c.nickName());
        if (unchanged != null) return unchanged;
        RegisterUser.Prepared prepared = registerUser.prepare(c);   // the hash, outside the unit of work
        try {
            return persistence.inTransaction(stores -> {
                if (!stores.users().admins().isEmpty()) return new Outcome(Outcome.Kind.ADMIN_EXISTS, Optional.empty());
                return new Outcome(Outcome.Kind.CREATED, Optional.of(registerUser.add(stores, prepared, true).id()));
            });
        } catch (NickNameTaken raced) {   // another instance, starting at once, made it: or someone registered it
            Outcome after = unchanged(c.nickName());
            return after != null ? after : new Outcome(Outcome.Kind.NAME_TAKEN, Optional.empty());
        }
    }

    /** The outcome when there is nothing to do; null when the administrator should be made. */
    private Outcome unchanged(NickName nickName) {
        return persistence.inTransaction(stores -> {
            if (!stores.users().admins().isEmpty()) return new Outcome(Outcome.Kind.ADMIN_EXISTS, Optional.empty());
            if (stores.users().findByNickName(nickName).isPresent()) return new Outcome(Outcome.Kind.NAME_TAKEN, Optional.empty());
            return null;
        });
    }
}
