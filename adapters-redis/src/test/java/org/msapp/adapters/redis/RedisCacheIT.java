package org.msapp.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.msapp.application.fixtures.Users;
import org.msapp.application.port.Cache;
import org.msapp.application.port.CacheContract;
import org.msapp.application.read.CachedReads;
import org.msapp.domain.user.User;
import org.msapp.domain.user.UserSnapshot;

class RedisCacheIT extends CacheContract {
    private RedisConnection redis;
    private String prefix;

    @Override
    protected Cache cache() {
        TestRedis.requireServer();
        prefix = TestRedis.prefix();
        redis = RedisConnection.open(TestRedis.settings(), RedisConnection.Settings.defaults());
        return new RedisCache(redis, prefix);
    }

    @AfterEach
    void deleteTheKeys() {
        if (redis != null) redis.close();
        if (prefix != null) TestRedis.deleteKeys(prefix);
    }

    @Test
    void a_user_is_stored_as_compact_json_under_its_prefixed_key_without_hash_or_cpf() {
        User alice = Users.alice().withId(41).withVersion(2).build();
        Cache cache = new RedisCache(redis, prefix);

        cache.put(CachedReads.user(alice.id()), UserSnapshot.of(alice), Duration.ofMinutes(1));

        String raw = TestRedis.get(prefix + "user:41");
        assertThat(raw).startsWith("{\"id\":41,\"version\":2,").doesNotContain(", ").doesNotContain("\": ")
                .doesNotContain("$argon2").doesNotContain(alice.passwordHash().phc()).doesNotContain(alice.cpf().digits());
    }
}
