package org.msapp.adapters.redis;

import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.msapp.application.port.FailedLogins;

/**
 * Failed log-ins counted in Redis, so that every instance of the service sees the same count and a
 * restart forgets none: one sorted set per key ({@code <prefix>failed-logins:<key>}, attempts
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
    /** KEYS: the set. ARGV: at ms. Removes one attempt scored at that time, if there is one. */
    private static final String FORGET = """
            local one = redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[1], ARGV[1], 'LIMIT', 0, 1)
            if #one > 0 then redis.call('ZREM', KEYS[1], one[1]) end
            return #one
            """;
    private static final Duration MARGIN = Duration.ofMinutes(1);

    private final RedisConnection redis;
    private final String prefix;
    private final int maxPerKey;
    private final FailedLogins fallback;

    public RedisFailedLogins(RedisConnection redis, String prefix, int maxPerKey, FailedLogins fallback) {
        this.redis = redis;
        this.prefix = prefix;
        this.maxPerKey = maxPerKey;
        this.fallback = fallback;
    }

    @Override
    public List<Instant> countUnlessFull(String key, Instant at, Instant since, int max) {
        long keep = Math.max(0, Duration.between(since, at).toMillis()) + MARGIN.toMillis();
        try {
            List<Object> scores = redis.call("failed log-ins script", r -> r.<List<Object>>eval(COUNT, ScriptOutputType.MULTI,
                    new String[] {redisKey(key)}, Long.toString(at.toEpochMilli()), Long.toString(since.toEpochMilli()),
                    Integer.toString(max), at.toEpochMilli() + ":" + UUID.randomUUID(), Long.toString(keep),
                    Integer.toString(maxPerKey)));
            return scores.stream().map(s -> Instant.ofEpochMilli((long) Double.parseDouble(String.valueOf(s)))).toList();
        } catch (RedisUnavailable e) {
            return fallback.countUnlessFull(key, at, since, max);
        }
    }

    @Override
    public void clear(String key) {
        fallback.clear(key);
        try {
            redis.call("failed log-ins clear", r -> r.del(redisKey(key)));
        } catch (RedisUnavailable e) {
            // forgotten here; Redis forgets it when the window ends
        }
    }

    @Override
    public void forget(String key, Instant at) {
        fallback.forget(key, at);
        try {
            redis.call("failed log-ins forget", r -> r.<Long>eval(FORGET, ScriptOutputType.INTEGER, new String[] {redisKey(key)},
                    Long.toString(at.toEpochMilli())));
        } catch (RedisUnavailable e) {
            // still counted there, until the window ends: a refusal too many rather than a guess too many
        }
    }

    private String redisKey(String key) {
        return prefix + "failed-logins:" + key;
    }
}
