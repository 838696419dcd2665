package org.msapp.application.port;

import java.util.List;
import java.util.Optional;
import org.msapp.domain.user.NickName;
import org.msapp.domain.user.User;
import org.msapp.domain.user.UserId;

/** Users, inside a unit of work. Nick names are unique whatever their case. */
public interface UserStore {
    /** A fresh id, never handed out before, even if the unit of work rolls back. */
    UserId nextId();

    /** @throws org.msapp.domain.user.NickNameTaken when another user holds the nick name in any case */
    void add(User user);

    Optional<User> find(UserId id);

    /** Compares {@link NickName#key()}, so {@code Alice} finds {@code alice}. */
    Optional<User> findByNickName(NickName nickName);

    /**
     * The users who hold the administrator's role, by id. They stay locked until the unit of work ends,
     * so that two units of work that each take the role from one of the last two cannot both commit.
     */
    List<UserId> admins();

    /** Up to {@code limit} users with an id greater than {@code after} (all when empty), by id. */
    List<User> list(Optional<UserId> after, int limit);

    /**
     * Replaces the stored user with {@code user}, which must be the next version of it.
     *
     * @throws org.msapp.domain.user.UserNotFound when the user is gone
     * @throws org.msapp.domain.VersionMismatch when the stored version is not {@code user.version() - 1}
     * @throws org.msapp.domain.user.NickNameTaken when the new nick name is another user's
     */
    void update(User user);

    /**
     * Deletes {@code user}, if it is still at its version.
     *
     * @throws org.msapp.domain.user.UserHasOrders while the user has orders
     * @throws org.msapp.domain.user.UserNotFound when the user is gone
     * @throws org.msapp.domain.VersionMismatch when the stored version differs
     */
    void remove(User user);
}
