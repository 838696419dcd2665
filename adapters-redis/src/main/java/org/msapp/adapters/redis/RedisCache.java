package org.msapp.adapters.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.msapp.application.port.Cache;
import org.msapp.application.port.CacheKey;
import org.msapp.application.port.CacheUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cache on Redis: {@code <prefix><name>} (so {@code msapp:user:42}) holds the value as compact
 * JSON of its codec's fields, with its time to live; {@code <prefix><name>:stale} holds, for
 * {@link Cache#EVICTIONS_REMEMBERED}, the highest version an eviction made stale. Puts and evictions
 * are Lua scripts, so the version checks and the writes are atomic on the server. Any failure of
 * Redis is a {@link CacheUnavailable}; a value it cannot read is a miss.
 */
public final class RedisCache implements Cache {
    private static final Logger LOG = LoggerFactory.getLogger(RedisCache.class);
    private static final TypeReference<LinkedHashMap<String, Object>> FIELDS = new TypeReference<>() {
    };
    /** KEYS: value, stale. ARGV: version, json, ttl ms. 1 when written, 0 when refused. */
    private static final String PUT = """
            local version = tonumber(ARGV[1])
            local stale = tonumber(redis.call('GET', KEYS[2]) or '0')
            if stale and version <= stale then return 0 end
            local current = redis.call('GET', KEYS[1])
            if current then
              local ok, held = pcall(cjson.decode, current)
              if ok and type(held) == 'table' and tonumber(held.version) and tonumber(held.version) > version then return 0 end
            end
            redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
            return 1
            """;
    /** KEYS: value, stale. ARGV: stale up to, remembered ms. */
    private static final String EVICT = """
            redis.call('DEL', KEYS[1])
            local stale = tonumber(redis.call('GET', KEYS[2]) or '0')
            if not stale or tonumber(ARGV[1]) > stale then
              redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2])
            else
              redis.call('PEXPIRE', KEYS[2], ARGV[2])
            end
            return 1
            """;

    private final RedisConnection redis;
    private final String prefix;
    private final ObjectMapper json = new ObjectMapper();

    /** {@code prefix}: put before every key, {@code msapp:} by default, so that several services can share one Redis. */
    public RedisCache(RedisConnection redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix;
    }

    @Override
    public <T> Optional<T> get(CacheKey<T> key) {
        String held = guarded("get", () -> redis.call("GET", r -> r.get(prefix + key.name())));
        if (held == null) return Optional.empty();
        try {
            return Optional.of(key.codec().decode(json.readValue(held, FIELDS)));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.warn("Redis: the value of {} is not one this service wrote; read as a miss: {}", prefix + key.name(), e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public <T> void put(CacheKey<T> key, T value, Duration ttl) {
        long version = key.codec().version(value);
        Map<String, Object> fields = new LinkedHashMap<>(key.codec().encode(value));
        fields.put("version", version);   // what the script compares, whatever else the codec wrote
        String encoded;
        try {
            encoded = json.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a codec wrote fields that are not JSON", e);
        }
        String[] keys = {prefix + key.name(), prefix + key.name() + ":stale"};
        guarded("put", () -> redis.call("put script", r -> r.<Long>eval(PUT, ScriptOutputType.INTEGER, keys,
                Long.toString(version), encoded, Long.toString(Math.max(1, ttl.toMillis())))));
    }

    @Override
    public void evict(CacheKey<?> key, long staleUpTo) {
        String[] keys = {prefix + key.name(), prefix + key.name() + ":stale"};
        guarded("evict", () -> redis.call("evict script", r -> r.<Long>eval(EVICT, ScriptOutputType.INTEGER, keys,
                Long.toString(staleUpTo), Long.toString(EVICTIONS_REMEMBERED.toMillis()))));
    }

    private interface Call<T> {
        T run();
    }

    private static <T> T guarded(String operation, Call<T> call) {
        try {
            return call.run();
        } catch (RedisUnavailable e) {
            throw new CacheUnavailable("Redis " + operation + ": " + e.getMessage(), e);
        }
    }
}
