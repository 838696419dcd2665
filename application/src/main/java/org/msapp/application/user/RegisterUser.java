package org.msapp.application.user;

import java.time.Clock;
import org.msapp.application.port.IdGenerator;
import org.msapp.application.port.OutboxEvent;
import org.msapp.application.port.PasswordHasher;
import org.msapp.application.port.Persistence;
import org.msapp.domain.event.UserRegistered;
import org.msapp.domain.user.Cpf;
import org.msapp.domain.user.Email;
import org.msapp.domain.user.FullName;
import org.msapp.domain.user.NickName;
import org.msapp.domain.user.NickNameTaken;
import org.msapp.domain.user.Password;
import org.msapp.domain.user.PasswordHash;
import org.msapp.domain.user.PhoneNumber;
import org.msapp.domain.user.User;

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

    /** @throws NickNameTaken when the nick name is someone's already, in any case */
    public User handle(Command c) {
        // The store refuses a taken nick name anyway; asking first spares an argon2 hash on a sure refusal.
        persistence.inTransaction(store -> store.users().findByNickName(c.nickName())).ifPresent(taken -> {
            throw new NickNameTaken(c.nickName());
        });
        PasswordHash hash = hasher.hash(c.password());   // slow: outside the unit of work
        return persistence.inTransaction(store -> {
            User user = User.register(store.users().nextId(), c.nickName(), hash, c.fullName(), c.cpf(), c.email(),
                    c.phoneNumber(), clock.instant());
            store.users().add(user);
            store.outbox().append(OutboxEvent.of(ids.newEventId(), UserRegistered.of(user)));
            return user;
        });
    }
}
