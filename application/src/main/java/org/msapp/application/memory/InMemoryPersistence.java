package org.msapp.application.memory;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.msapp.application.port.IdempotencyKeyInUse;
import org.msapp.application.port.IdempotencyRecord;
import org.msapp.application.port.IdempotencyRecords;
import org.msapp.application.port.OrderStore;
import org.msapp.application.port.Outbox;
import org.msapp.application.port.OutboxEvent;
import org.msapp.application.port.Persistence;
import org.msapp.application.port.UserStore;
import org.msapp.domain.VersionMismatch;
import org.msapp.domain.order.Order;
import org.msapp.domain.order.OrderId;
import org.msapp.domain.order.OrderNotFound;
import org.msapp.domain.user.NickName;
import org.msapp.domain.user.NickNameTaken;
import org.msapp.domain.user.User;
import org.msapp.domain.user.UserHasOrders;
import org.msapp.domain.user.UserId;
import org.msapp.domain.user.UserNotFound;

/**
 * Persistence in the process's memory, with the rules of the real store: unique nick names whatever
 * their case, the 1-to-N rule, versions, and units of work that roll back whole. Units of work run
 * one at a time (serialisable by construction); each change records its undo, played back on failure.
 */
public final class InMemoryPersistence implements Persistence {
    private final ReentrantLock lock = new ReentrantLock();
    private final Deque<Runnable> undo = new ArrayDeque<>();
    private final TreeMap<Long, User> users = new TreeMap<>();
    private final Map<String, Long> userIdsByNickKey = new HashMap<>();
    private final TreeMap<Long, Order> orders = new TreeMap<>();
    private final Map<UUID, Entry> outbox = new HashMap<>();
    private final Map<String, IdempotencyRecord> idempotency = new HashMap<>();
    private final AtomicLong userIds = new AtomicLong();
    private final AtomicLong orderIds = new AtomicLong();
    private final Stores stores = new MemoryStores();

    @Override
    public <T> T inTransaction(Function<Stores, T> work) {
        lock.lock();
        try {
            if (lock.getHoldCount() > 1) return work.apply(stores);
            try {
                T result = work.apply(stores);
                undo.clear();
                return result;
            } catch (RuntimeException | Error failure) {
                while (!undo.isEmpty()) undo.pop().run();
                throw failure;
            }
        } finally {
            lock.unlock();
        }
    }

    private <K, V> void putUndoably(Map<K, V> map, K key, V value) {
        V previous = map.put(key, value);
        undo.push(previous == null ? () -> map.remove(key) : () -> map.put(key, previous));
    }

    private <K, V> void removeUndoably(Map<K, V> map, K key) {
        V previous = map.remove(key);
        if (previous != null) undo.push(() -> map.put(key, previous));
    }

    private static <V> List<V> page(TreeMap<Long, V> map, Optional<Long> after, int limit, Function<V, Boolean> keep) {
        List<V> out = new ArrayList<>();
        for (V v : (after.isPresent() ? map.tailMap(after.get(), false) : map).values()) {
            if (out.size() == limit) break;
            if (keep.apply(v)) out.add(v);
        }
        return out;
    }

    private final class MemoryStores implements Stores {
        private final UserStore users = new MemoryUserStore();
        private final OrderStore orders = new MemoryOrderStore();
        private final Outbox outbox = new MemoryOutbox();
        private final IdempotencyRecords idempotency = new MemoryIdempotency();

        @Override public UserStore users() { return users; }
        @Override public OrderStore orders() { return orders; }
        @Override public Outbox outbox() { return outbox; }
        @Override public IdempotencyRecords idempotency() { return idempotency; }
    }

    private final class MemoryUserStore implements UserStore {
        @Override
        public UserId nextId() {
            return new UserId(userIds.incrementAndGet());
        }

        @Override
        public void add(User user) {
            if (users.containsKey(user.id().value())) throw new IllegalStateException("user " + user.id() + " exists");
            claimNickName(user);
            putUndoably(users, user.id().value(), user);
        }

        @Override
        public Optional<User> find(UserId id) {
            return Optional.ofNullable(users.get(id.value()));
        }

        @Override
        public Optional<User> findByNickName(NickName nickName) {
            return Optional.ofNullable(userIdsByNickKey.get(nickName.key())).map(users::get);
        }

        @Override
        public List<UserId> admins() {
            return users.values().stream().filter(User::admin).map(User::id).toList();
        }

        @Override
        public List<User> list(Optional<UserId> after, int limit) {
            return page(users, after.map(UserId::value), limit, u -> true);
        }

        @Override
        public void update(User user) {
            User stored = current(user, 1);
            if (!stored.nickName().key().equals(user.nickName().key())) {
                claimNickName(user);
                removeUndoably(userIdsByNickKey, stored.nickName().key());
            }
            putUndoably(users, user.id().value(), user);
        }

        @Override
        public void remove(User user) {
            User stored = current(user, 0);
            if (orders.values().stream().anyMatch(o -> o.userId().equals(user.id()))) throw new UserHasOrders(user.id());
            removeUndoably(users, user.id().value());
            removeUndoably(userIdsByNickKey, stored.nickName().key());
        }

        private User current(User user, int step) {
            User stored = users.get(user.id().value());
            if (stored == null) throw new UserNotFound(user.id());
            if (stored.version() != user.version() - step) throw new VersionMismatch("user", user.version() - step, stored.version());
            return stored;
        }

        private void claimNickName(User user) {
            Long holder = userIdsByNickKey.get(user.nickName().key());
            if (holder != null && holder != user.id().value()) throw new NickNameTaken(user.nickName());
            putUndoably(userIdsByNickKey, user.nickName().key(), user.id().value());
        }
    }

    private final class MemoryOrderStore implements OrderStore {
        @Override
        public OrderId nextId() {
            return new OrderId(orderIds.incrementAndGet());
        }

        @Override
        public void add(Order order) {
            if (!users.containsKey(order.userId().value())) throw new UserNotFound(order.userId());
            if (orders.containsKey(order.id().value())) throw new IllegalStateException("order " + order.id() + " exists");
            putUndoably(orders, order.id().value(), order);
        }

        @Override
        public Optional<Order> find(OrderId id) {
            return Optional.ofNullable(orders.get(id.value()));
        }

        @Override
        public List<Order> list(Optional<OrderId> after, int limit) {
            return page(orders, after.map(OrderId::value), limit, o -> true);
        }

        @Override
        public List<Order> listOfUser(UserId user, Optional<OrderId> after, int limit) {
            return page(orders, after.map(OrderId::value), limit, o -> o.userId().equals(user));
        }

        @Override
        public boolean anyOfUser(UserId user) {
            return orders.values().stream().anyMatch(o -> o.userId().equals(user));
        }

        @Override
        public void update(Order order) {
            Order stored = current(order, 1);
            if (!stored.userId().equals(order.userId())) throw new IllegalArgumentException("an order cannot change hands");
            putUndoably(orders, order.id().value(), order);
        }

        @Override
        public void remove(Order order) {
            current(order, 0);
            removeUndoably(orders, order.id().value());
        }

        private Order current(Order order, int step) {
            Order stored = orders.get(order.id().value());
            if (stored == null) throw new OrderNotFound(order.id());
            if (stored.version() != order.version() - step) throw new VersionMismatch("order", order.version() - step, stored.version());
            return stored;
        }
    }

    private record Entry(OutboxEvent event, Instant dueAt, Instant publishedAt, long sequence) {
    }

    private final class MemoryOutbox implements Outbox {
        private long sequence;

        @Override
        public void append(OutboxEvent event) {
            if (outbox.containsKey(event.id())) throw new IllegalStateException("event " + event.id() + " exists");
            putUndoably(outbox, event.id(), new Entry(event, event.occurredAt(), null, ++sequence));
        }

        @Override
        public List<OutboxEvent> claimDue(Instant now, int max, Instant leaseUntil) {
            List<Entry> due = outbox.values().stream()
                    .filter(e -> e.publishedAt() == null && !e.dueAt().isAfter(now))
                    .sorted(Comparator.comparingLong(Entry::sequence))
                    .limit(max)
                    .toList();
            due.forEach(e -> putUndoably(outbox, e.event().id(), new Entry(e.event(), leaseUntil, null, e.sequence())));
            return due.stream().map(Entry::event).toList();
        }

        @Override
        public void markPublished(Collection<UUID> ids, Instant at) {
            for (UUID id : ids) {
                Entry e = outbox.get(id);
                if (e != null && e.publishedAt() == null) putUndoably(outbox, id, new Entry(e.event(), e.dueAt(), at, e.sequence()));
            }
        }

        @Override
        public void retryAt(UUID id, Instant at) {
            Entry e = outbox.get(id);
            if (e == null || e.publishedAt() != null) return;
            putUndoably(outbox, id, new Entry(e.event().retried(), at, null, e.sequence()));
        }

        @Override
        public int purgePublishedBefore(Instant cutoff) {
            List<UUID> old = outbox.values().stream()
                    .filter(e -> e.publishedAt() != null && e.publishedAt().isBefore(cutoff))
                    .map(e -> e.event().id()).toList();
            old.forEach(id -> removeUndoably(outbox, id));
            return old.size();
        }

        @Override
        public Backlog backlog() {
            List<Instant> waiting = outbox.values().stream().filter(e -> e.publishedAt() == null)
                    .map(e -> e.event().occurredAt()).toList();
            return new Backlog(waiting.size(), waiting.stream().min(Comparator.naturalOrder()));
        }
    }

    private final class MemoryIdempotency implements IdempotencyRecords {
        @Override
        public void hold(String key) {
            // units of work run one at a time here: holding is already done
        }

        @Override
        public Optional<IdempotencyRecord> find(String key, Instant now) {
            return Optional.ofNullable(idempotency.get(key)).filter(r -> r.expiresAt().isAfter(now));
        }

        @Override
        public void save(IdempotencyRecord record, Instant now) {
            if (find(record.key(), now).isPresent()) throw new IdempotencyKeyInUse(record.key());
            putUndoably(idempotency, record.key(), record);
        }

        @Override
        public int purgeExpired(Instant now) {
            List<String> expired = idempotency.values().stream()
                    .filter(r -> !r.expiresAt().isAfter(now)).map(IdempotencyRecord::key).toList();
            expired.forEach(k -> removeUndoably(idempotency, k));
            return expired.size();
        }
    }
}
