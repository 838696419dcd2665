package org.msapp.adapters.postgres;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.msapp.application.port.UserStore;
import org.msapp.domain.VersionMismatch;
import org.msapp.domain.user.NickName;
import org.msapp.domain.user.NickNameTaken;
import org.msapp.domain.user.User;
import org.msapp.domain.user.UserHasOrders;
import org.msapp.domain.user.UserId;
import org.msapp.domain.user.UserNotFound;

/** The users table, inside one transaction. Uniqueness of nick names is the unique index's to keep. */
final class PostgresUserStore implements UserStore {
    private final Handle handle;

    PostgresUserStore(Handle handle) {
        this.handle = handle;
    }

    @Override
    public UserId nextId() {
        return new UserId(handle.createQuery("SELECT nextval(pg_get_serial_sequence('users', 'user_id'))")
                .mapTo(Long.class).one());
    }

    @Override
    public void add(User user) {
        try {
            handle.createUpdate("""
                    INSERT INTO users (user_id, nick_name, password, full_name, cpf, email, phone_number,
                                       created_at, updated_at, version, credentials_version, is_admin)
                    VALUES (:id, :nick_name, :password, :full_name, :cpf, :email, :phone_number,
                            :created_at, :updated_at, :version, :credentials_version, :is_admin)""")
                    .bind("id", user.id().value())
                    .bindMap(values(user))
                    .execute();
        } catch (RuntimeException e) {
            if (Failures.is(e, Failures.UNIQUE_VIOLATION)) throw new NickNameTaken(user.nickName());
            throw e;
        }
    }

    @Override
    public Optional<User> find(UserId id) {
        return handle.createQuery("SELECT " + Rows.USER_COLUMNS + " FROM users WHERE user_id = :id")
                .bind("id", id.value()).map((rs, ctx) -> Rows.user(rs)).findOne();
    }

    @Override
    public Optional<User> findByNickName(NickName nickName) {
        if (nickName.value().indexOf('\0') >= 0) return Optional.empty();   // text cannot hold NUL: no row can match
        return handle.createQuery("SELECT " + Rows.USER_COLUMNS + " FROM users WHERE lower(nick_name) = lower(:nick)")
                .bind("nick", nickName.value()).map((rs, ctx) -> Rows.user(rs)).findOne();
    }

    @Override
    public List<UserId> admins() {
        return handle.createQuery("SELECT user_id FROM users WHERE is_admin ORDER BY user_id FOR UPDATE")
                .mapTo(Long.class).map(UserId::new).list();
    }

    @Override
    public List<User> list(Optional<UserId> after, int limit) {
        return handle.createQuery("SELECT " + Rows.USER_COLUMNS + " FROM users WHERE user_id > :after ORDER BY user_id LIMIT :limit")
                .bind("after", after.map(UserId::value).orElse(0L)).bind("limit", limit)
                .map((rs, ctx) -> Rows.user(rs)).list();
    }

    @Override
    public void update(User user) {
        int changed;
        try {
            changed = handle.createUpdate("""
                    UPDATE users SET nick_name = :nick_name, password = :password, full_name = :full_name, cpf = :cpf,
                                     email = :email, phone_number = :phone_number, updated_at = :updated_at,
                                     version = :version, credentials_version = :credentials_version,
                                     is_admin = :is_admin
                    WHERE user_id = :id AND version = :expected""")
                    .bind("id", user.id().value()).bind("expected", user.version() - 1)
                    .bindMap(values(user))
                    .execute();
        } catch (RuntimeException e) {
            if (Failures.is(e, Failures.UNIQUE_VIOLATION)) throw new NickNameTaken(user.nickName());
            throw e;
        }
        if (changed == 0) throw missingOrStale(user.id(), user.version() - 1);
    }

    @Override
    public void remove(User user) {
        int removed;
        try {
            removed = handle.createUpdate("DELETE FROM users WHERE user_id = :id AND version = :version")
                    .bind("id", user.id().value()).bind("version", user.version()).execute();
        } catch (RuntimeException e) {
            if (Failures.is(e, Failures.FOREIGN_KEY_VIOLATION)) throw new UserHasOrders(user.id());
            throw e;
        }
        if (removed == 0) throw missingOrStale(user.id(), user.version());
    }

    private RuntimeException missingOrStale(UserId id, long expected) {
        return handle.createQuery("SELECT version FROM users WHERE user_id = :id").bind("id", id.value())
                .mapTo(Long.class).findOne()
                .<RuntimeException>map(actual -> new VersionMismatch("user", expected, actual))
                .orElseGet(() -> new UserNotFound(id));
    }

    private static Map<String, Object> values(User u) {
        Map<String, Object> values = new HashMap<>();
        values.put("nick_name", u.nickName().value());
        values.put("password", u.passwordHash().phc());
        values.put("full_name", u.fullName().value());
        values.put("cpf", u.cpf().digits());
        values.put("email", u.email().value());
        values.put("phone_number", u.phoneNumber().value());
        values.put("created_at", Rows.at(u.createdAt()));
        values.put("updated_at", Rows.at(u.updatedAt()));
        values.put("version", u.version());
        values.put("credentials_version", u.credentialsVersion());
        values.put("is_admin", u.admin());
        return values;
    }
}
