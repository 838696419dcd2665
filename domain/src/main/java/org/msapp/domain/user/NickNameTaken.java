package org.msapp.domain.user;

import org.msapp.domain.DomainException;
import org.msapp.domain.Kind;

public final class NickNameTaken extends DomainException {
    public NickNameTaken(NickName nickName) {
        super("nick_name_taken", Kind.CONFLICT, "the nick name '" + nickName + "' is taken");
    }
}
