package org.msapp.bootstrap;

import java.time.Clock;
import java.util.Optional;
import org.msapp.adapters.redis.RedisSettings;
import org.msapp.application.memory.InMemoryCache;
import org.msapp.application.memory.InProcessProbe;
import org.msapp.application.memory.NoCache;
import org.msapp.application.port.Cache;

/** The cache that CACHE_TYPE names: none, or in-process (also in place of Redis, whose adapter this build lacks yet). */
final class CacheFactory {
    private static final int IN_PROCESS_ENTRIES = 10_000;

    private CacheFactory() {
    }

    static Adapter<Cache> create(Config.CacheType type, Optional<RedisSettings> redis, Clock clock) {
        if (type == Config.CacheType.NULL) {
            return Adapter.<Cache>of(new NoCache(), "[✓] cache: none (CACHE_TYPE=null)")
                    .probedBy(new InProcessProbe("cache", false, "none"));
        }
        String line = type == Config.CacheType.REDIS
                ? "[X] Redis" + redis.map(r -> " at " + r.where()).orElse("") + " is configured, but this build has no Redis"
                        + " adapter yet: the cache is in-process"
                : "[✓] cache: in-process";
        return Adapter.<Cache>of(new InMemoryCache(clock, IN_PROCESS_ENTRIES), line)
                .probedBy(new InProcessProbe("cache", false, "in-process"));
    }
}
