package org.msapp.bootstrap;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The service's settings, read from the environment under the tutorial's names where it had them.
 * Nothing set means the embedded default: in-memory adapters on port 8080.
 */
public record Config(String httpHost, int httpPort, Optional<String> database, Optional<String> rabbitmq,
                     Optional<String> redis, CacheType cacheType, Duration cacheTtl) {

    public enum CacheType { REDIS, SIMPLE, NULL }

    public static Config embedded(int httpPort) {
        return new Config("127.0.0.1", httpPort, Optional.empty(), Optional.empty(), Optional.empty(), CacheType.SIMPLE,
                Duration.ofSeconds(300));
    }

    public static Config fromEnvironment(Map<String, String> env) {
        Optional<String> redis = first(env, "CACHE_REDIS_URL", "CACHE_REDIS_HOST");
        String cacheType = env.getOrDefault("CACHE_TYPE", redis.isPresent() ? "redis" : "simple");
        return new Config(
                env.getOrDefault("HTTP_HOST", "0.0.0.0"),
                integer(env, "HTTP_PORT", 8080, 0, 65535),
                first(env, "DATABASE_URL", "HOST_DATABASE"),
                first(env, "RABBITMQ_URL", "RABBITMQ_HOST"),
                redis,
                cacheType(cacheType),
                Duration.ofSeconds(integer(env, "CACHE_DEFAULT_TIMEOUT", 300, 1, 86_400)));
    }

    private static Optional<String> first(Map<String, String> env, String... names) {
        for (String name : names) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) return Optional.of(value.strip());
        }
        return Optional.empty();
    }

    private static int integer(Map<String, String> env, String name, int fallback, int min, int max) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) return fallback;
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= min && value <= max) return value;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max + ", not '" + raw + "'");
    }

    private static CacheType cacheType(String raw) {
        try {
            return CacheType.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("CACHE_TYPE must be redis, simple or null, not '" + raw + "'");
        }
    }
}
