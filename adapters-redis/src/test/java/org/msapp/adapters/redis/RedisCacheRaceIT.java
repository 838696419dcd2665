package org.msapp.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msapp.application.authentication.CachedCredentials;
import org.msapp.application.cache.CacheAside;
import org.msapp.application.fixtures.InMemoryServices;
import org.msapp.application.fixtures.Users;
import org.msapp.application.memory.InMemoryPersistence;
import org.msapp.application.memory.RandomIds;
import org.msapp.application.port.Persistence;
import org.msapp.application.user.GetUser;
import org.msapp.application.user.UpdateUser;
import org.msapp.domain.user.FullName;
import org.msapp.domain.user.User;
import org.msapp.domain.user.UserChanges;
import org.msapp.domain.user.UserSnapshot;

/**
 * The race of cache-aside, interleaved on purpose with the real use cases on Redis: a reader misses,
 * reads version 1 and stops; a writer commits version 2 and evicts; the reader then puts version 1.
 * The newer value must win.
 */
class RedisCacheRaceIT {
    private final InMemoryPersistence store = new InMemoryPersistence();
    private final User alice = Users.alice().withId(41).build();
    private RedisConnection redis;
    private String prefix;
    private CacheAside cache;

    @BeforeEach
    void openRedis() {
        TestRedis.requireServer();
        prefix = TestRedis.prefix();
        redis = RedisConnection.open(TestRedis.settings(), RedisConnection.Settings.defaults());
        cache = new CacheAside(new RedisCache(redis, prefix), Duration.ofMinutes(5));
        store.inTransaction(s -> {
            s.users().add(alice);
            return null;
        });
    }

    @AfterEach
    void close() {
        if (redis != null) redis.close();
        if (prefix != null) TestRedis.deleteKeys(prefix);
    }

    /** The store, but a read in the reader's thread stops after it has read, until the writer is done. */
    private static final class PausingReads implements Persistence {
        private final Persistence store;
        final CountDownLatch readerHasRead = new CountDownLatch(1);
        final CountDownLatch writerIsDone = new CountDownLatch(1);

        PausingReads(Persistence store) {
            this.store = store;
        }

        @Override
        public <T> T inTransaction(Function<Stores, T> work) {
            T result = store.inTransaction(work);
            readerHasRead.countDown();
            try {
                writerIsDone.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return result;
        }
    }

    @Test
    void a_reader_that_read_the_old_row_before_a_write_cannot_put_it_back_after_the_eviction() throws Exception {
        PausingReads pausing = new PausingReads(store);
        GetUser slowReader = new GetUser(pausing, cache);
        GetUser reader = new GetUser(store, cache);
        UpdateUser writer = new UpdateUser(store, cache, CachedCredentials.in(cache), new RandomIds(), Clock.systemUTC());
        var query = new GetUser.Query(InMemoryServices.ADMIN, alice.id());

        CompletableFuture<UserSnapshot> raced = CompletableFuture.supplyAsync(() -> slowReader.handle(query));
        assertThat(pausing.readerHasRead.await(10, TimeUnit.SECONDS)).isTrue();
        User updated = writer.handle(new UpdateUser.Command(InMemoryServices.ADMIN, alice.id(), new UserChanges(Optional.empty(),
                Optional.of(FullName.of("Alice After The Write")), Optional.empty(), Optional.empty()), InMemoryServices.anyVersion()));
        pausing.writerIsDone.countDown();

        assertThat(raced.get(10, TimeUnit.SECONDS).version()).as("what the slow reader read").isEqualTo(1);
        assertThat(TestRedis.get(prefix + "user:41")).as("the old value was not put back").isNull();
        assertThat(reader.handle(query)).isEqualTo(UserSnapshot.of(updated));
        assertThat(TestRedis.get(prefix + "user:41")).contains("\"version\":2").contains("Alice After The Write");
        assertThat(reader.handle(query).fullName()).isEqualTo(FullName.of("Alice After The Write"));
    }
}
