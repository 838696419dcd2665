package org.msapp.application.user;

import java.util.Optional;
import org.msapp.application.access.Caller;
import org.msapp.application.port.Persistence;
import org.msapp.domain.user.NickName;
import org.msapp.domain.user.User;

/**
 * The user of a nick name, whatever its case; empty when there is none. Anyone may look themselves
 * up; looking up others is for administrators.
 */
public final class FindUserByNickName {
    private final Persistence persistence;

    public FindUserByNickName(Persistence persistence) {
        this.persistence = persistence;
    }

    public record Query(Caller caller, NickName nickName) {
    }

    public Optional<User> handle(Query q) {
        if (!q.caller().nickName().key().equals(q.nickName().key())) q.caller().requireAdmin("other users");
        NickName nickName = q.nickName();
        return persistence.read(stores -> stores.users().findByNickName(nickName));
    }
}
