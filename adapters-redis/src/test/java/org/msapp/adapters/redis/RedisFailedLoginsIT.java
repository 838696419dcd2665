package org.msapp.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.msapp.application.memory.InMemoryFailedLogins;
import org.msapp.application.port.FailedLogins;
import org.msapp.application.port.FailedLoginsContract;

class RedisFailedLoginsIT extends FailedLoginsContract {
    private static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");

    private RedisConnection redis;
    private String prefix;

    @Override
    protected FailedLogins failedLogins() {
        TestRedis.requireServer();
        prefix = TestRedis.prefix();
        redis = RedisConnection.open(TestRedis.settings(), RedisConnection.Settings.forFailedLogins());
        return anotherInstance();
    }

    /** What an instance of the service counts in: each on the same Redis and prefix. */
    private FailedLogins anotherInstance() {
        return new RedisFailedLogins(redis, prefix, 10, new InMemoryFailedLogins(100, 10));
    }

    @AfterEach
    void deleteTheKeys() {
        if (redis != null) redis.close();
        if (prefix != null) TestRedis.deleteKeys(prefix);
    }

    @Test
    void every_instance_sees_the_attempts_of_the_others_and_what_they_forget() {
        FailedLogins one = anotherInstance();
        FailedLogins two = anotherInstance();
        one.countUnlessFull("account:alice", T0, T0.minusSeconds(3600), 100);
        two.countUnlessFull("account:alice", T0.plusSeconds(1), T0.minusSeconds(3600), 100);
        one.countUnlessFull("from:203.0.113.9/alice", T0, T0.minusSeconds(60), 5);

        two.forget("account:alice", T0);

        assertThat(one.countUnlessFull("account:alice", T0.plusSeconds(2), T0.minusSeconds(3600), 100)).containsExactly(T0.plusSeconds(1));
        assertThat(two.countUnlessFull("from:203.0.113.9/alice", T0.plusSeconds(2), T0.minusSeconds(60), 5)).containsExactly(T0);
    }
}
