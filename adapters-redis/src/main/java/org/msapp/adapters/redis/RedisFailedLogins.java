package org.msapp.adapters.redis;

import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.msapp.application.port.FailedLogins;

/**
 * Failed log-ins counted in Redis, so that every instance of the service sees the same count and a
 * restart forgets none: one sorted set per nick name ({@code <prefix>failed-logins:<key>}, attempts
 * scored by their time in milliseconds), read, counted, trimmed and given the window's expiry by one
 * Lua script, atomically. While Redis does not answer, attempts are counted in this process by
 * {@code fallback} (never not at all), and the port's rules still hold there.
 */
public final class RedisFailedLogins implements FailedLogins {
    /** KEYS: the set. ARGV: at ms, since ms, max, member, keep ms, most kept. The scores after since, before this attempt. */
    private static final String COUNT = """
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[2])
            local recent = redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. ARGV[2], '+inf', 'WITHSCORES')
            local scores = {}
            for i = 2, #recent, 2 do scores[#scores + 1] = recent[i] end
            if #scores < tonumber(ARGV[3]) then
              redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
              redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -tonumber(ARGV[6]) - 1)
            end
            redis.call('PEXPIRE', KEYS[1], ARGV[5])
            return scores
            """;
    private static final Duration MARGIN = Duration.ofMinutes(1);

    private final RedisConnection redis;
    private final String prefix;
    private final int maxPerNickName;
    private final FailedLogins fallback;

    public RedisFailedLogins(RedisConnection redis, String prefix, int maxPerNickName, FailedLogins fallback) {
        this.redis = redis;
        this.prefix = prefix;
        this.maxPerNickName = maxPerNickName;
        this.fallback = fallback;
    }

    @Override
    public List<Instant> countUnlessFull(String nickNameKey, Instant at, Instant since, int max) {
        long keep = Math.max(0, Duration.between(since, at).toMillis()) + MARGIN.toMillis();
        try {
            List<Object> scores = redis.call("failed log-ins script", r -> r.<List<Object>>eval(COUNT, ScriptOutputType.MULTI,
                    new String[] {key(nickNameKey)}, Long.toString(at.toEpochMilli()), Long.toString(since.toEpochMilli()),
                    Integer.toString(max), at.toEpochMilli() + ":" + UUID.randomUUID(), Long.toString(keep),
                    Integer.toString(maxPerNickName)));
            return scores.stream().map(s -> Instant.ofEpochMilli((long) Double.parseDouble(String.valueOf(s)))).toList();
        } catch (RedisUnavailable e) {
            return fallback.countUnlessFull(nickNameKey, at, since, max);
        }
    }

    @Override
    public void clear(String nickNameKey) {
        fallback.clear(nickNameKey);
        try {
            redis.call("failed log-ins clear", r -> r.del(key(nickNameKey)));
        } catch (RedisUnavailable e) {
            // forgotten here; Redis forgets it when the window ends
        }
    }

    private String key(String nickNameKey) {
        return prefix + "failed-logins:" + nickNameKey;
    }
}
