package org.msapp.application.access;

import static java.util.Objects.requireNonNull;

import java.util.Set;
import org.msapp.domain.user.NickName;
import org.msapp.domain.user.User;
import org.msapp.domain.user.UserId;

/**
 * Who makes a request, once their credentials have been checked, and the one place that decides
 * what they may touch: their own user and its orders, or everything as an administrator.
 */
public record Caller(UserId userId, NickName nickName, Set<Role> roles) {
    public Caller {
        requireNonNull(userId, "userId");
        requireNonNull(nickName, "nickName");
        roles = Set.copyOf(roles);
    }

    /** The caller {@code user} is, with the roles the store holds for them now. */
    public static Caller of(User user) {
        return of(user.id(), user.nickName(), user.admin());
    }

    public static Caller of(UserId user, NickName nickName, boolean admin) {
        return new Caller(user, nickName, admin ? Set.of(Role.USER, Role.ADMIN) : Set.of(Role.USER));
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    /** Refuses unless the caller is the user {@code owner} or an administrator. */
    public void requireAccessTo(UserId owner) {
        if (!isAdmin() && !userId.equals(owner)) throw new Forbidden("user " + owner + " and what belongs to them");
    }

    /** Refuses unless the caller is an administrator. */
    public void requireAdmin(String what) {
        if (!isAdmin()) throw new Forbidden(what + " (administrators only)");
    }
}
