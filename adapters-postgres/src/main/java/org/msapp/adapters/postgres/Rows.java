package org.msapp.adapters.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.msapp.domain.order.ItemDescription;
import org.msapp.domain.order.ItemPrice;
import org.msapp.domain.order.Order;
import org.msapp.domain.order.OrderId;
import org.msapp.domain.order.Quantity;
import org.msapp.domain.user.Cpf;
import org.msapp.domain.user.Email;
import org.msapp.domain.user.FullName;
import org.msapp.domain.user.NickName;
import org.msapp.domain.user.PasswordHash;
import org.msapp.domain.user.PhoneNumber;
import org.msapp.domain.user.User;
import org.msapp.domain.user.UserId;

/**
 * Rows to entities, through the domain's constructors and its {@code stored} path: a row may hold
 * what the tutorial wrote under no rules, and must still be read.
 */
final class Rows {
    static final String USER_COLUMNS = """
            user_id, nick_name, password, full_name, cpf, email, phone_number, created_at, updated_at, version, \
            credentials_version, is_admin""";
    static final String ORDER_COLUMNS = """
            order_id, user_id, item_description, item_quantity, item_price, created_at, updated_at, version""";

    private Rows() {
    }

    static User user(ResultSet rs) throws SQLException {
        return new User(new UserId(rs.getLong("user_id")), NickName.stored(rs.getString("nick_name")),
                new PasswordHash(rs.getString("password")), FullName.stored(rs.getString("full_name")),
                Cpf.stored(rs.getString("cpf")), Email.stored(rs.getString("email")),
                PhoneNumber.stored(rs.getString("phone_number")), instant(rs, "created_at"), instant(rs, "updated_at"),
                rs.getLong("version"), rs.getLong("credentials_version"), rs.getBoolean("is_admin"));
    }

    static Order order(ResultSet rs) throws SQLException {
        return new Order(new OrderId(rs.getLong("order_id")), new UserId(rs.getLong("user_id")),
                ItemDescription.stored(rs.getString("item_description")), Quantity.stored(rs.getLong("item_quantity")),
                ItemPrice.stored(rs.getLong("item_price")), instant(rs, "created_at"), instant(rs, "updated_at"),
                rs.getLong("version"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    /** A value for a timestamptz parameter. */
    static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
