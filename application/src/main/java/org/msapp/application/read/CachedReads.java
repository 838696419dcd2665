package org.msapp.application.read;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.msapp.application.port.CacheCodec;
import org.msapp.application.port.CacheKey;
import org.msapp.domain.order.ItemDescription;
import org.msapp.domain.order.ItemPrice;
import org.msapp.domain.order.Order;
import org.msapp.domain.order.OrderId;
import org.msapp.domain.order.Quantity;
import org.msapp.domain.user.Email;
import org.msapp.domain.user.FullName;
import org.msapp.domain.user.NickName;
import org.msapp.domain.user.PhoneNumber;
import org.msapp.domain.user.UserId;
import org.msapp.domain.user.UserSnapshot;

/**
 * The cache keys of single reads ({@code user:{id}}, {@code order:{id}}, and the token path's
 * {@code credentials:{id}}) and the codecs of their
 * values. Values are rebuilt through the domain's paths for stored values, as rows are: a user
 * registered under older rules reads back as it was.
 */
public final class CachedReads {
    private static final CacheCodec<UserSnapshot> USER = new UserCodec();
    private static final CacheCodec<Order> ORDER = new OrderCodec();
    private static final CacheCodec<Credentials> CREDENTIALS = new CredentialsCodec();

    private CachedReads() {
    }

    public static CacheKey<UserSnapshot> user(UserId id) {
        return new CacheKey<>("user:" + id.value(), USER);
    }

    public static CacheKey<Order> order(OrderId id) {
        return new CacheKey<>("order:" + id.value(), ORDER);
    }

    public static CacheKey<Credentials> credentials(UserId id) {
        return new CacheKey<>("credentials:" + id.value(), CREDENTIALS);
    }

    private static final class CredentialsCodec implements CacheCodec<Credentials> {
        @Override
        public long version(Credentials value) {
            return value.version();
        }

        @Override
        public Map<String, Object> encode(Credentials c) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("id", c.user().value());
            f.put("version", c.version());
            f.put("nick_name", c.nickName().value());
            f.put("credentials_version", c.credentialsVersion());
            f.put("admin", c.admin());
            return f;
        }

        @Override
        public Credentials decode(Map<String, ?> f) {
            return read(() -> new Credentials(new UserId(number(f, "id")), NickName.stored(text(f, "nick_name")), number(f, "version"),
                    number(f, "credentials_version"), flag(f, "admin")));
        }
    }

    private static final class UserCodec implements CacheCodec<UserSnapshot> {
        @Override
        public long version(UserSnapshot value) {
            return value.version();
        }

        @Override
        public Map<String, Object> encode(UserSnapshot u) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("id", u.id().value());
            f.put("version", u.version());
            f.put("nick_name", u.nickName().value());
            f.put("full_name", u.fullName().value());
            f.put("cpf_masked", u.maskedCpf());
            f.put("email", u.email().value());
            f.put("phone_number", u.phoneNumber().value());
            f.put("created_at", u.createdAt().toString());
            f.put("updated_at", u.updatedAt().toString());
            f.put("admin", u.admin());
            return f;
        }

        @Override
        public UserSnapshot decode(Map<String, ?> f) {
            return read(() -> new UserSnapshot(new UserId(number(f, "id")), NickName.stored(text(f, "nick_name")),
                    FullName.stored(text(f, "full_name")), text(f, "cpf_masked"), Email.stored(text(f, "email")),
                    PhoneNumber.stored(text(f, "phone_number")), instant(f, "created_at"), instant(f, "updated_at"),
                    number(f, "version"), flag(f, "admin")));
        }
    }

    private static final class OrderCodec implements CacheCodec<Order> {
        @Override
        public long version(Order value) {
            return value.version();
        }

        @Override
        public Map<String, Object> encode(Order o) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("id", o.id().value());
            f.put("version", o.version());
            f.put("user_id", o.userId().value());
            f.put("item_description", o.itemDescription().value());
            f.put("item_quantity", o.itemQuantity().value());
            f.put("item_price", o.itemPrice().cents());
            f.put("created_at", o.createdAt().toString());
            f.put("updated_at", o.updatedAt().toString());
            return f;
        }

        @Override
        public Order decode(Map<String, ?> f) {
            return read(() -> new Order(new OrderId(number(f, "id")), new UserId(number(f, "user_id")),
                    ItemDescription.stored(text(f, "item_description")), Quantity.stored(number(f, "item_quantity")),
                    ItemPrice.stored(number(f, "item_price")), instant(f, "created_at"), instant(f, "updated_at"),
                    number(f, "version")));
        }
    }

    private interface Reading<T> {
        T get();
    }

    private static <T> T read(Reading<T> reading) {
        try {
            return reading.get();
        } catch (RuntimeException e) {   // a domain error, a missing field, a malformed time: all mean the same
            throw new IllegalArgumentException("not a cached value of this kind: " + e.getMessage(), e);
        }
    }

    private static String text(Map<String, ?> f, String name) {
        Object v = f.get(name);
        if (v instanceof String s) return s;
        throw new IllegalArgumentException(name + " is not text");
    }

    private static long number(Map<String, ?> f, String name) {
        Object v = f.get(name);
        if (v instanceof Long l) return l;
        if (v instanceof Integer i) return i;
        if (v instanceof Number n && n.doubleValue() == n.longValue()) return n.longValue();
        throw new IllegalArgumentException(name + " is not a whole number");
    }

    private static boolean flag(Map<String, ?> f, String name) {
        if (f.get(name) instanceof Boolean b) return b;
        throw new IllegalArgumentException(name + " is not true or false");
    }

    private static Instant instant(Map<String, ?> f, String name) {
        return Instant.parse(text(f, name));
    }
}
