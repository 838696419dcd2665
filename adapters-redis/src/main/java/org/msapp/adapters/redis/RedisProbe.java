package org.msapp.adapters.redis;

import org.msapp.application.port.HealthProbe;

/** Readiness of what runs on Redis: PING within the command timeout. Never critical: the service goes on without it. */
public record RedisProbe(String name, RedisConnection redis, String whenDown) implements HealthProbe {
    @Override
    public boolean critical() {
        return false;
    }

    @Override
    public Result check() {
        try {
            redis.call("PING", r -> r.ping());
            return Result.up("redis");
        } catch (RedisUnavailable e) {
            return Result.down("redis unreachable, " + whenDown);
        }
    }
}
