package org.msapp.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.msapp.adapters.rabbitmq.RabbitSettings;
import org.msapp.adapters.redis.RedisSettings;
import org.msapp.application.user.RegisterUser;

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
        assertThat(c.outboxRetention()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void the_retention_of_published_events_is_configurable_in_days() {
        assertThat(Config.fromEnvironment(Map.of("OUTBOX_RETENTION_DAYS", "30")).outboxRetention()).isEqualTo(Duration.ofDays(30));
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("OUTBOX_RETENTION_DAYS", "0"))).hasMessageContaining("OUTBOX_RETENTION_DAYS");
    }

    @Test
    void a_shutdown_drains_for_two_seconds_and_gives_requests_in_flight_ten_by_default() {
        Config.Shutdown defaults = Config.fromEnvironment(Map.of()).shutdown();

        assertThat(defaults.drain()).isEqualTo(Duration.ofSeconds(2));
        assertThat(defaults.grace()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void the_drain_and_the_grace_of_a_shutdown_are_set_in_seconds_and_the_drain_may_be_none() {
        Config.Shutdown set = Config.fromEnvironment(Map.of("SHUTDOWN_DRAIN", "0", "SHUTDOWN_GRACE", "30")).shutdown();

        assertThat(set.drain()).isEqualTo(Duration.ZERO);
        assertThat(set.grace()).isEqualTo(Duration.ofSeconds(30));
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("SHUTDOWN_DRAIN", "-1"))).hasMessageContaining("SHUTDOWN_DRAIN");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("SHUTDOWN_GRACE", "10s"))).hasMessageContaining("SHUTDOWN_GRACE");
    }

    @Test
    void the_tutorial_names_are_read() {
        Config c = Config.fromEnvironment(Map.of("HOST_DATABASE", "db", "RABBITMQ_HOST", "mq", "CACHE_REDIS_HOST", "cache",
                "CACHE_DEFAULT_TIMEOUT", "30", "HTTP_PORT", "7000"));
        assertThat(c.database().map(d -> d.settings().where())).contains("db:5432/baseapplication");
        assertThat(c.rabbitmq().map(RabbitSettings::host)).contains("mq");
        assertThat(c.redis().map(RedisSettings::host)).contains("cache");
        assertThat(c.cacheType()).isEqualTo(Config.CacheType.REDIS);
        assertThat(c.cacheTtl()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.httpPort()).isEqualTo(7000);
    }

    @Test
    void a_url_wins_over_a_host() {
        Config c = Config.fromEnvironment(Map.of("HOST_DATABASE", "db", "DATABASE_URL", "postgres://x/y"));
        assertThat(c.database().map(d -> d.settings().where())).contains("x:5432/y");
    }

    @Test
    void a_database_url_carries_its_credentials_and_the_rest_has_the_tutorials_defaults() {
        var url = Config.fromEnvironment(Map.of("DATABASE_URL", "postgresql://app:s%40cret@pg.internal:6543/shop")).database()
                .orElseThrow();
        assertThat(url.settings().user()).isEqualTo("app");
        assertThat(url.settings().password()).isEqualTo("s@cret");
        assertThat(url.settings().where()).isEqualTo("pg.internal:6543/shop");
        assertThat(url.toString()).doesNotContain("s@cret");

        var host = Config.fromEnvironment(Map.of("HOST_DATABASE", "localhost", "DATABASE_STARTUP_TIMEOUT", "5")).database()
                .orElseThrow();
        assertThat(host.settings().user()).isEqualTo("postgres");
        assertThat(host.settings().password()).isEqualTo("postgres");
        assertThat(host.settings().where()).isEqualTo("localhost:5432/baseapplication");
        assertThat(host.startupTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(Config.fromEnvironment(Map.of("DATABASE_URL", "jdbc:postgresql://h:1/d")).database().orElseThrow()
                .settings().where()).isEqualTo("h:1/d");
    }

    @Test
    void a_database_url_with_parameters_is_refused_rather_than_dropping_them() {
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("DATABASE_URL", "postgres://u:p@h/d?sslmode=verify-full&password=x")))
                .hasMessageContaining("sslmode=verify-full").hasMessageNotContaining("password=x");
    }

    @Test
    void a_database_url_of_another_kind_is_refused() {
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("DATABASE_URL", "mysql://h/d"))).hasMessageContaining("DATABASE_URL");
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
    void as_many_hashes_run_at_once_as_there_are_cores_and_four_times_as_many_may_wait_unless_told() {
        int cores = Math.max(2, Runtime.getRuntime().availableProcessors());

        assertThat(Config.fromEnvironment(Map.of()).passwordHashing()).isEqualTo(new Config.PasswordHashing(cores, 4 * cores));
        assertThat(Config.fromEnvironment(Map.of("PASSWORD_HASH_QUEUE", "3")).passwordHashing().waiting()).isEqualTo(3);
        for (String bad : new String[] {"0", "-1", "many", "201"}) {
            assertThatThrownBy(() -> Config.fromEnvironment(Map.of("PASSWORD_HASH_QUEUE", bad)))
                    .hasMessageContaining("PASSWORD_HASH_QUEUE").hasMessageContaining("1 to 200");
        }
    }

    @Test
    void trusted_proxies_are_address_ranges_none_unless_told_and_a_bad_one_stops_the_start() {
        assertThat(Config.fromEnvironment(Map.of()).trustedProxies()).hasToString("none");
        assertThat(Config.fromEnvironment(Map.of("TRUSTED_PROXIES", " 10.0.0.0/8, 192.0.2.7 ,fd00::/8,")).trustedProxies())
                .hasToString("[10.0.0.0/8, 192.0.2.7, fd00::/8]");
        for (String bad : new String[] {"10.0.0.0/33", "10.0.0.1/8", "proxy.internal", "10.0.0.0/8;fd00::/8", "::1/129"}) {
            assertThatThrownBy(() -> Config.fromEnvironment(Map.of("TRUSTED_PROXIES", bad)))
                    .hasMessageStartingWith("TRUSTED_PROXIES: ").hasMessageContaining(bad);
        }
    }

    @Test
    void access_settings_are_read_and_the_secret_never_printed() {
        String secret = "s".repeat(32);
        Config c = Config.fromEnvironment(Map.of("AUTH_TOKEN_SECRET", secret, "AUTH_TOKEN_TTL", "600",
                "ADMIN_BOOTSTRAP_NICK_NAME", " Ops.Root ", "ADMIN_BOOTSTRAP_PASSWORD", "the first admin's passphrase"));
        assertThat(c.authTokenSecret()).map(Config.Secret::bytes).hasValueSatisfying(b -> assertThat(b).hasSize(32));
        assertThat(c.authTokenLifetime()).isEqualTo(Duration.ofMinutes(10));
        RegisterUser.Command admin = c.bootstrapAdmin().orElseThrow();
        assertThat(admin.nickName().value()).isEqualTo("Ops.Root");
        assertThat(admin.password().clear()).isEqualTo("the first admin's passphrase");
        assertThat(c.toString()).doesNotContain(secret).doesNotContain("passphrase");
    }

    @Test
    void the_bootstrap_administrators_other_fields_are_placeholders_the_rules_accept_unless_set() {
        Config c = Config.fromEnvironment(Map.of("ADMIN_BOOTSTRAP_NICK_NAME", "root", "ADMIN_BOOTSTRAP_PASSWORD", "12345678",
                "ADMIN_BOOTSTRAP_EMAIL", "ops@example.com"));
        RegisterUser.Command admin = c.bootstrapAdmin().orElseThrow();
        assertThat(admin.fullName().value()).isEqualTo("Administrator");
        assertThat(admin.email().value()).isEqualTo("ops@example.com");
        assertThat(admin.cpf().masked()).isEqualTo("***.982.247-**");
        assertThat(admin.phoneNumber().value()).isEqualTo("0");
    }

    @Test
    void a_bootstrap_administrator_needs_both_a_name_and_a_valid_password_and_the_refusal_never_shows_it() {
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("ADMIN_BOOTSTRAP_NICK_NAME", "root")))
                .hasMessageContaining("ADMIN_BOOTSTRAP_PASSWORD");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("ADMIN_BOOTSTRAP_PASSWORD", "12345678")))
                .hasMessageContaining("ADMIN_BOOTSTRAP_NICK_NAME");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("ADMIN_BOOTSTRAP_NICK_NAME", "root",
                "ADMIN_BOOTSTRAP_PASSWORD", "short")))
                .hasMessage("ADMIN_BOOTSTRAP_PASSWORD must be at least 8 characters");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("ADMIN_BOOTSTRAP_NICK_NAME", "no spaces", "ADMIN_BOOTSTRAP_PASSWORD",
                "12345678"))).hasMessageStartingWith("ADMIN_BOOTSTRAP_NICK_NAME ");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("ADMIN_BOOTSTRAP_NICK_NAME", "root", "ADMIN_BOOTSTRAP_PASSWORD",
                "12345678", "ADMIN_BOOTSTRAP_CPF", "111.111.111-11"))).hasMessageStartingWith("ADMIN_BOOTSTRAP_CPF ");
    }

    @Test
    void admin_nick_names_is_read_no_more_and_a_warning_names_what_replaces_it() {
        Config c = Config.fromEnvironment(Map.of("ADMIN_NICK_NAMES", "root"));

        assertThat(c.bootstrapAdmin()).isEmpty();
        assertThat(Config.retired(Map.of("ADMIN_NICK_NAMES", "root"))).singleElement().asString()
                .contains("ADMIN_NICK_NAMES is ignored").contains("ADMIN_BOOTSTRAP_NICK_NAME")
                .contains("ADMIN_BOOTSTRAP_PASSWORD").contains("PUT /users/{id}/roles/admin");
        assertThat(Config.retired(Map.of())).isEmpty();
    }

    @Test
    void without_access_settings_there_is_no_secret_no_administrator_and_15_minute_tokens() {
        Config c = Config.fromEnvironment(Map.of());
        assertThat(c.authTokenSecret()).isEmpty();
        assertThat(c.bootstrapAdmin()).isEmpty();
        assertThat(c.authTokenLifetime()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void a_token_secret_shorter_than_32_bytes_is_refused_without_showing_it() {
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("AUTH_TOKEN_SECRET", "short-secret")))
                .hasMessageContaining("AUTH_TOKEN_SECRET").hasMessageContaining("32 bytes").hasMessageNotContaining("short-secret");
    }

    @Test
    void rabbitmq_and_redis_are_read_into_their_adapters_settings() {
        Config hosts = Config.fromEnvironment(Map.of("RABBITMQ_HOST", "mq", "RABBITMQ_PORT", "5673", "RABBITMQ_USER", "app",
                "RABBITMQ_PASSWORD", "mq-secret", "RABBITMQ_VHOST", "shop", "CACHE_REDIS_HOST", "cache", "CACHE_REDIS_DB", "2"));
        assertThat(hosts.rabbitmq()).contains(new RabbitSettings("mq", 5673, "app", "mq-secret", "shop", false));
        assertThat(hosts.redis()).contains(new RedisSettings("cache", 6379, 2, Optional.empty(), false));
        assertThat(hosts.toString()).doesNotContain("mq-secret");

        Config urls = Config.fromEnvironment(Map.of("RABBITMQ_URL", "amqp://app:s%40cret@mq.internal:5674/%2Fshop",
                "CACHE_REDIS_URL", "redis://:r%40dis@cache.internal:6380/3"));
        assertThat(urls.rabbitmq()).contains(new RabbitSettings("mq.internal", 5674, "app", "s@cret", "/shop", false));
        assertThat(urls.redis()).contains(new RedisSettings("cache.internal", 6380, 3, Optional.of("r@dis"), false));
        assertThat(urls.rabbitmq().orElseThrow().where()).isEqualTo("mq.internal:5674/shop");
        assertThat(urls.redis().orElseThrow().where()).isEqualTo("cache.internal:6380/3");
        assertThat(urls.toString()).doesNotContain("s@cret").doesNotContain("r@dis");
    }

    @Test
    void the_defaults_of_rabbitmq_are_the_tutorials() {
        assertThat(Config.fromEnvironment(Map.of("RABBITMQ_HOST", "mq")).rabbitmq())
                .contains(new RabbitSettings("mq", 5672, "guest", "guest", "/", false));
        assertThat(Config.fromEnvironment(Map.of("RABBITMQ_URL", "amqp://mq")).rabbitmq())
                .contains(new RabbitSettings("mq", 5672, "guest", "guest", "/", false));
    }

    @Test
    void rabbitmq_audit_queue_names_the_quorum_queue_to_declare() {
        assertThat(Config.fromEnvironment(Map.of("RABBITMQ_HOST", "mq", "RABBITMQ_AUDIT_QUEUE", "msapp.audit")).rabbitmq()
                .orElseThrow().auditQueue()).contains("msapp.audit");
        assertThat(Config.fromEnvironment(Map.of("RABBITMQ_HOST", "mq", "RABBITMQ_AUDIT_QUEUE", " ")).rabbitmq()
                .orElseThrow().auditQueue()).isEmpty();
    }

    @Test
    void broker_and_cache_urls_of_another_kind_or_with_parameters_are_refused() {
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("RABBITMQ_URL", "http://mq"))).hasMessageContaining("RABBITMQ_URL");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("CACHE_REDIS_URL", "redis://h/0?password=x")))
                .hasMessageContaining("CACHE_REDIS_URL").hasMessageNotContaining("password=x");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("CACHE_REDIS_URL", "redis://h/zero")))
                .hasMessageContaining("CACHE_REDIS_URL");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("CACHE_REDIS_URL", "redis://h/16")))
                .hasMessageContaining("CACHE_REDIS_URL");
    }

    @Test
    void tls_urls_say_so_in_the_settings() {
        assertThat(Config.fromEnvironment(Map.of("RABBITMQ_URL", "amqps://mq")).rabbitmq())
                .contains(new RabbitSettings("mq", 5671, "guest", "guest", "/", true));
        assertThat(Config.fromEnvironment(Map.of("CACHE_REDIS_URL", "rediss://cache:6380")).redis())
                .contains(new RedisSettings("cache", 6380, 0, Optional.empty(), true));
    }

    @Test
    void a_redis_sentinel_url_is_read_by_lettuce_and_named_by_its_first_sentinel() {
        String url = "redis-sentinel://:s3cret@sentinel1:26379,sentinel2:26380/2#mymaster";

        RedisSettings redis = Config.fromEnvironment(Map.of("CACHE_REDIS_URL", url)).redis().orElseThrow();

        assertThat(redis.sentinelUrl()).contains(url);
        assertThat(redis.where()).isEqualTo("sentinel sentinel1:26379/2");
        assertThat(redis.toString()).doesNotContain("s3cret");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("CACHE_REDIS_URL", "redis-sentinel://sentinel1:26379")))
                .hasMessageContaining("CACHE_REDIS_URL").hasMessageContaining("#mymaster");
    }

    @Test
    void keys_go_under_msapp_unless_cache_key_prefix_says_otherwise() {
        assertThat(Config.fromEnvironment(Map.of("CACHE_REDIS_HOST", "cache")).redis().orElseThrow().keyPrefix()).isEqualTo("msapp:");
        assertThat(Config.fromEnvironment(Map.of("CACHE_REDIS_HOST", "cache", "CACHE_KEY_PREFIX", "shop:")).redis()
                .orElseThrow().keyPrefix()).isEqualTo("shop:");
    }
}
