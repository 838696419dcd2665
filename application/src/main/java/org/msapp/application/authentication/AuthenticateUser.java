package org.msapp.application.authentication;

import java.util.Locale;
import org.msapp.application.access.Caller;
import org.msapp.application.access.InvalidCredentials;
import org.msapp.application.port.PasswordHasher;
import org.msapp.application.port.Persistence;
import org.msapp.domain.user.NickName;
import org.msapp.domain.user.Password;
import org.msapp.domain.user.PasswordHash;
import org.msapp.domain.user.User;

/**
 * Checks a nick name and password against the stored hash; repeated failures are throttled per nick
 * name and client address, and per nick name (see {@link LoginThrottle}). An unknown nick name costs a
 * hash too (the decoy's, at today's parameters), so that it is not much cheaper than a known one.
 */
public final class AuthenticateUser {
    /** {@code clientAddress}: the address the credentials come from, as the adapter that took them knows it. */
    public record Command(String nickName, Password password, String clientAddress) {
    }

    /** The caller the credentials prove, and the user as read to check them. */
    public record Authenticated(Caller caller, User user) {
    }

    private final Persistence persistence;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private volatile PasswordHash decoy;

    public AuthenticateUser(Persistence persistence, PasswordHasher hasher, LoginThrottle throttle) {
        this.persistence = persistence;
        this.hasher = hasher;
        this.throttle = throttle;
    }

    /**
     * @throws InvalidCredentials when the nick name is unknown or the password wrong
     * @throws LoginThrottled after too many failures for this nick name of late (from this address, or
     *     from anywhere), whatever the password
     * @throws org.msapp.application.availability.Overloaded when the hasher cannot take the check now;
     *     the attempt is then not counted
     */
    public Authenticated handle(Command c) {
        NickName nickName = NickName.lookup(c.nickName()).orElseThrow(InvalidCredentials::new);
        User user = persistence.read(stores -> stores.users().findByNickName(nickName)).orElse(null);
        // the account's own key, whichever spelling found it; the input's for a name no one holds
        String key = user == null ? c.nickName().toLowerCase(Locale.ROOT) : user.nickName().key();
        LoginThrottle.Attempt attempt = throttle.attempt(key, c.clientAddress());
        boolean right = attempt.check(() -> user == null ? wrongAfterAHash(c.password())
                : hasher.verify(c.password(), user.passwordHash()));
        if (!right) throw new InvalidCredentials();
        return new Authenticated(Caller.of(user), user);
    }

    /** For a nick name no one holds: the time a check takes, and never a match. */
    private boolean wrongAfterAHash(Password password) {
        hasher.verify(password, decoy());
        return false;
    }

    private PasswordHash decoy() {
        if (decoy == null) decoy = hasher.hash(Password.candidate("password", "decoy password, never anyone's"));
        return decoy;
    }
}
