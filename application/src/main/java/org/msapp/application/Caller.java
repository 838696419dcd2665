package org.msapp.application;

import static java.util.Objects.requireNonNull;

import org.msapp.domain.user.NickName;
import org.msapp.domain.user.UserId;

/** Who makes a request, once their credentials have been checked. */
public record Caller(UserId userId, NickName nickName) {
    public Caller {
        requireNonNull(userId, "userId");
        requireNonNull(nickName, "nickName");
    }

    /** Refuses unless the caller is the user {@code owner}. */
    public void mustBe(UserId owner) {
        if (!userId.equals(owner)) throw new Forbidden("user " + owner);
    }
}
