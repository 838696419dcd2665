package org.msapp.adapters.redis;

import org.junit.jupiter.api.AfterEach;
import org.msapp.application.memory.InMemoryFailedLogins;
import org.msapp.application.port.FailedLogins;
import org.msapp.application.port.FailedLoginsContract;

class RedisFailedLoginsIT extends FailedLoginsContract {
    private RedisConnection redis;
    private String prefix;

    @Override
    protected FailedLogins failedLogins() {
        TestRedis.requireServer();
        prefix = TestRedis.prefix();
        redis = RedisConnection.open(TestRedis.settings(), RedisConnection.Settings.forFailedLogins());
        return new RedisFailedLogins(redis, prefix, 10, new InMemoryFailedLogins(100, 10));
    }

    @AfterEach
    void deleteTheKeys() {
        if (redis != null) redis.close();
        if (prefix != null) TestRedis.deleteKeys(prefix);
    }
}
