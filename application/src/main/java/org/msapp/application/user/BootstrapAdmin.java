package org.msapp.application.user;

import java.time.Clock;
import java.util.Optional;
import org.msapp.application.port.IdGenerator;
import org.msapp.application.port.OutboxEvent;
import org.msapp.application.port.PasswordHasher;
import org.msapp.application.port.Persistence;
import org.msapp.domain.user.Cpf;
import org.msapp.domain.user.Email;
import org.msapp.domain.user.FullName;
import org.msapp.domain.user.NickName;
import org.msapp.domain.user.NickNameTaken;
import org.msapp.domain.user.Password;
import org.msapp.domain.user.PasswordHash;
import org.msapp.domain.user.PhoneNumber;
import org.msapp.domain.user.User;
import org.msapp.domain.user.UserId;

/**
 * Makes the first administrator, as the service starts, when there is none. It never grants the
 * role to a user who exists already: a name is not a credential, and whoever registered it first may
 * not be the operator.
 */
public final class BootstrapAdmin {
    public record Command(NickName nickName, Password password, FullName fullName, Cpf cpf, Email email,
                          PhoneNumber phoneNumber) {
    }

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
    private final PasswordHasher hasher;
    private final IdGenerator ids;
    private final Clock clock;

    public BootstrapAdmin(Persistence persistence, PasswordHasher hasher, IdGenerator ids, Clock clock) {
        this.persistence = persistence;
        this.hasher = hasher;
        this.ids = ids;
        this.clock = clock;
    }

    /** Whether any user holds the administrator's role. */
    public boolean anyAdmin() {
        return persistence.inTransaction(stores -> !stores.users().admins().isEmpty());
    }

    public Outcome handle(Command c) {
        Outcome unchanged = unchanged(c.nickName());
        if (unchanged != null) return unchanged;
        PasswordHash hash = hasher.hash(c.password());   // outside the unit of work: it is slow
        try {
            return persistence.inTransaction(stores -> {
                if (!stores.users().admins().isEmpty()) return new Outcome(Outcome.Kind.ADMIN_EXISTS, Optional.empty());
                var registered = User.registerAdmin(stores.users().nextId(), c.nickName(), hash, c.fullName(), c.cpf(),
                        c.email(), c.phoneNumber(), clock.instant());
                stores.users().add(registered.state());
                stores.outbox().append(OutboxEvent.of(ids.newEventId(), registered.event()));
                return new Outcome(Outcome.Kind.CREATED, Optional.of(registered.state().id()));
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
