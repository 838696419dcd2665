package org.msapp.bootstrap;

import java.time.Clock;
import java.util.Optional;
import org.msapp.adapters.redis.RedisCache;
import org.msapp.adapters.redis.RedisConnection;
import org.msapp.adapters.redis.RedisProbe;
import org.msapp.adapters.redis.RedisSettings;
import org.msapp.application.memory.InMemoryCache;
import org.msapp.application.memory.InProcessProbe;
import org.msapp.application.memory.NoCache;
import org.msapp.application.port.Cache;

/**
 * The cache that CACHE_TYPE names: none, in-process, or Redis. A Redis that does not answer at start
 * does not stop the start: the service reads from the database and connects when Redis comes.
 */
final class CacheFactory {
    private static final int IN_PROCESS_ENTRIES = 10_000;

    private CacheFactory() {
    }

    static Adapter<Cache> create(Config.CacheType type, Optional<RedisSettings> redis, Clock clock) {
        if (type == Config.CacheType.NULL) {
            return Adapter.<Cache>of(new NoCache(), "[✓] cache: none (CACHE_TYPE=null)")
                    .probedBy(new InProcessProbe("cache", false, "none")).measuredBy(ServiceMetrics.cacheBreaker(() -> false));
        }
        if (type == Config.CacheType.REDIS && redis.isPresent()) {
            RedisConnection connection = RedisConnection.open(redis.get(), RedisConnection.Settings.defaults());
            String where = "cache: redis at " + redis.get().where();
            String line = connection.connected() ? "[✓] " + where
                    : "[X] " + where + ": " + connection.lastFailure() + ", reading from the database";
            return Adapter.<Cache>of(new RedisCache(connection, redis.get().keyPrefix()), line)
                    .probedBy(new RedisProbe("cache", connection, "reading from the database")).closing(connection)
                    .measuredBy(ServiceMetrics.cacheBreaker(connection::resting));
        }
        String line = type == Config.CacheType.REDIS
                ? "[X] cache: CACHE_TYPE=redis, but neither CACHE_REDIS_HOST nor CACHE_REDIS_URL is set: the cache is in-process"
                : "[✓] cache: in-process";
        return Adapter.<Cache>of(new InMemoryCache(clock, IN_PROCESS_ENTRIES), line)
                .probedBy(new InProcessProbe("cache", false, "in-process")).measuredBy(ServiceMetrics.cacheBreaker(() -> false));
    }
}
