package org.msapp.application.read;

import static java.util.Objects.requireNonNull;

import org.msapp.application.access.Caller;
import org.msapp.domain.user.NickName;
import org.msapp.domain.user.User;
import org.msapp.domain.user.UserId;

/** What the token path checks of a user, and all it keeps of one in a cache: never the password hash. */
public record Credentials(UserId user, NickName nickName, long version, long credentialsVersion, boolean admin) {
    public Credentials {
        requireNonNull(user, "user");
        requireNonNull(nickName, "nickName");
    }

    public static Credentials of(User user) {
        return new Credentials(user.id(), user.nickName(), user.version(), user.credentialsVersion(), user.admin());
    }

    /** The caller these credentials speak for, with the roles they hold now. */
    public Caller caller() {
        return Caller.of(user, nickName, admin);
    }
}
