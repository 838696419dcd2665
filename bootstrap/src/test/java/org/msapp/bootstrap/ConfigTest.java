package org.msapp.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigTest {
    @Test
    void nothing_set_is_the_embedded_default() {
        Config c = Config.fromEnvironment(Map.of());
        assertThat(c.httpPort()).isEqualTo(8080);
        assertThat(c.database()).isEmpty();
        assertThat(c.rabbitmq()).isEmpty();
        assertThat(c.redis()).isEmpty();
        assertThat(c.cacheType()).isEqualTo(Config.CacheType.SIMPLE);
        assertThat(c.cacheTtl()).isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void the_tutorial_names_are_read() {
        Config c = Config.fromEnvironment(Map.of("HOST_DATABASE", "db", "RABBITMQ_HOST", "mq", "CACHE_REDIS_HOST", "cache",
                "CACHE_DEFAULT_TIMEOUT", "30", "HTTP_PORT", "7000"));
        assertThat(c.database()).isEqualTo(Optional.of("db"));
        assertThat(c.rabbitmq()).isEqualTo(Optional.of("mq"));
        assertThat(c.redis()).isEqualTo(Optional.of("cache"));
        assertThat(c.cacheType()).isEqualTo(Config.CacheType.REDIS);
        assertThat(c.cacheTtl()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.httpPort()).isEqualTo(7000);
    }

    @Test
    void a_url_wins_over_a_host() {
        Config c = Config.fromEnvironment(Map.of("HOST_DATABASE", "db", "DATABASE_URL", "postgres://x/y"));
        assertThat(c.database()).isEqualTo(Optional.of("postgres://x/y"));
    }

    @Test
    void cache_type_null_turns_the_cache_off_even_with_redis_set() {
        assertThat(Config.fromEnvironment(Map.of("CACHE_TYPE", "null", "CACHE_REDIS_HOST", "r")).cacheType())
                .isEqualTo(Config.CacheType.NULL);
    }

    @Test
    void bad_values_are_refused_with_the_variable_named() {
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("HTTP_PORT", "eighty"))).hasMessageContaining("HTTP_PORT");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("HTTP_PORT", "70000"))).hasMessageContaining("HTTP_PORT");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("CACHE_TYPE", "memcached"))).hasMessageContaining("CACHE_TYPE");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("CACHE_DEFAULT_TIMEOUT", "0")))
                .hasMessageContaining("CACHE_DEFAULT_TIMEOUT");
    }

    @Test
    void access_settings_are_read_and_the_secret_never_printed() {
        String secret = "s".repeat(32);
        Config c = Config.fromEnvironment(Map.of("AUTH_TOKEN_SECRET", secret, "AUTH_TOKEN_TTL", "600",
                "ADMIN_NICK_NAMES", " root, Ops.Team ,,"));
        assertThat(c.authTokenSecret()).map(Config.Secret::bytes).hasValueSatisfying(b -> assertThat(b).hasSize(32));
        assertThat(c.authTokenLifetime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.adminNickNames()).containsExactly("root", "Ops.Team");
        assertThat(c.toString()).doesNotContain(secret);
    }

    @Test
    void without_access_settings_there_is_no_secret_no_administrator_and_15_minute_tokens() {
        Config c = Config.fromEnvironment(Map.of());
        assertThat(c.authTokenSecret()).isEmpty();
        assertThat(c.adminNickNames()).isEmpty();
        assertThat(c.authTokenLifetime()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void a_token_secret_shorter_than_32_bytes_is_refused_without_showing_it() {
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("AUTH_TOKEN_SECRET", "short-secret")))
                .hasMessageContaining("AUTH_TOKEN_SECRET").hasMessageContaining("32 bytes").hasMessageNotContaining("short-secret");
    }
}
