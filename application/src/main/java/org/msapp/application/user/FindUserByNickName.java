package org.msapp.application.user;

import java.util.Optional;
import org.msapp.application.port.Persistence;
import org.msapp.domain.user.NickName;
import org.msapp.domain.user.User;

/** The user of a nick name, whatever its case; empty when there is none. */
public final class FindUserByNickName {
    private final Persistence persistence;

    public FindUserByNickName(Persistence persistence) {
        this.persistence = persistence;
    }

    public Optional<User> handle(NickName nickName) {
        return persistence.inTransaction(store -> store.users().findByNickName(nickName));
    }
}
