package org.msapp.application.user;

import java.time.Clock;
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

public final class RegisterUser {
    public record Command(NickName nickName, Password password, FullName fullName, Cpf cpf, Email email,
                          PhoneNumber phoneNumber) {
    }

    private final Persistence persistence;
    private final PasswordHasher hasher;
    private final IdGenerator ids;
    private final Clock clock;

    public RegisterUser(Persistence persistence, PasswordHasher hasher, IdGenerator ids, Clock clock) {
        this.persistence = persistence;
        this.hasher = hasher;
        this.ids = ids;
        this.clock = clock;
    }

    /** A registration whose password is hashed already: what remains is quick, and fits in a unit of work. */
    public record Prepared(Command command, PasswordHash hash) {
    }

    /** @throws NickNameTaken when the nick name is someone's already, in any case */
    public User handle(Command c) {
        return handle(prepare(c));
    }

    /**
     * Does the slow part, the argon2 hash, outside any unit of work, so that no connection is held
     * meanwhile (not even by an idempotent request's, whose replay must not be refused as a taken name).
     */
    public Prepared prepare(Command c) {
        return new Prepared(c, hasher.hash(c.password()));
    }

    /** @throws NickNameTaken when the nick name is someone's already, in any case (the store refuses it) */
    public User handle(Prepared p) {
        return persistence.inTransaction(stores -> add(stores, p, false));
    }

    /** Adds the user inside {@code stores}' unit of work, with the administrator's role when {@code admin}. */
    User add(Persistence.Stores stores, Prepared p, boolean admin) {
        Command c = p.command();
        UserId id = stores.users().nextId();
        var registered = admin
                ? User.registerAdmin(id, c.nickName(), p.hash(), c.fullName(), c.cpf(), c.email(), c.phoneNumber(), clock.instant())
                : User.register(id, c.nickName(), p.hash(), c.fullName(), c.cpf(), c.email(), c.phoneNumber(), clock.instant());
        stores.users().add(registered.state());
        stores.outbox().append(OutboxEvent.of(ids.newEventId(), registered.event()));
        return registered.state();
    }
}
