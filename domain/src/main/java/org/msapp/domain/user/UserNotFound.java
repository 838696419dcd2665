package org.msapp.domain.user;

import org.msapp.domain.DomainException;
import org.msapp.domain.Kind;

public final class UserNotFound extends DomainException {
    public UserNotFound(UserId id) {
        super("user_not_found", Kind.NOT_FOUND, "no user with id " + id);
    }

    public UserNotFound(NickName nickName) {
        super("user_not_found", Kind.NOT_FOUND, "no user named " + nickName);
    }
}
