package org.msapp.application.user;

import org.msapp.application.Caller;
import org.msapp.application.InvalidCredentials;
import org.msapp.application.port.PasswordHasher;
import org.msapp.application.port.Persistence;
import org.msapp.domain.user.NickName;
import org.msapp.domain.user.Password;
import org.msapp.domain.user.PasswordHash;
import org.msapp.domain.user.User;

/**
 * Checks a nick name and password against the stored hash. An unknown nick name costs a hash too,
 * so the time taken does not tell which nick names exist.
 */
public final class AuthenticateUser {
    public record Command(String nickName, Password password) {
    }

    private final Persistence persistence;
    private final PasswordHasher hasher;
    private volatile PasswordHash decoy;

    public AuthenticateUser(Persistence persistence, PasswordHasher hasher) {
        this.persistence = persistence;
        this.hasher = hasher;
    }

    /** @throws InvalidCredentials when the nick name is unknown or the password wrong */
    public Caller handle(Command c) {
        if (c.nickName() == null || c.nickName().isEmpty() || c.nickName().length() > 50) throw new InvalidCredentials();
        User user = persistence.inTransaction(store -> store.users().findByNickName(NickName.stored(c.nickName())))
                .orElse(null);
        if (user == null) {
            hasher.verify(c.password(), decoy());
            throw new InvalidCredentials();
        }
        if (!hasher.verify(c.password(), user.passwordHash())) throw new InvalidCredentials();
        return new Caller(user.id(), user.nickName());
    }

    private PasswordHash decoy() {
        if (decoy == null) decoy = hasher.hash(Password.candidate("password", "decoy password, never anyone's"));
        return decoy;
    }
}
