package org.msapp.bootstrap;

import java.util.Optional;
import org.msapp.adapters.redis.RedisConnection;
import org.msapp.adapters.redis.RedisFailedLogins;
import org.msapp.adapters.redis.RedisProbe;
import org.msapp.adapters.redis.RedisSettings;
import org.msapp.application.memory.InMemoryFailedLogins;
import org.msapp.application.port.FailedLogins;

/**
 * Failed log-ins: in Redis whenever Redis is configured (whatever CACHE_TYPE says), so that every
 * instance sees the same count; in this process otherwise, and while Redis is away (at most 100,000
 * keys: a nick name's, or a nick name's and an address's).
 */
final class FailedLoginsFactory {
    private static final int KEYS = 100_000;

    private FailedLoginsFactory() {
    }

    /** {@code attemptsEach}: the most attempts a limit counts under one key. */
    static Adapter<FailedLogins> create(Optional<RedisSettings> redis, int attemptsEach) {
        var inProcess = new InMemoryFailedLogins(KEYS, attemptsEach);
        if (redis.isEmpty()) return Adapter.of(inProcess);
        RedisConnection connection = RedisConnection.open(redis.get(), RedisConnection.Settings.forFailedLogins());
        String where = "failed log-ins: counted in redis at " + redis.get().where();
        String line = connection.connected() ? "[✓] " + where
                : "[X] " + where + ": " + connection.lastFailure() + ", counting in this process meanwhile";
        return Adapter.<FailedLogins>of(new RedisFailedLogins(connection, redis.get().keyPrefix(), attemptsEach, inProcess), line)
                .probedBy(new RedisProbe("failed log-ins", connection, "counting in this process")).closing(connection);
    }
}
