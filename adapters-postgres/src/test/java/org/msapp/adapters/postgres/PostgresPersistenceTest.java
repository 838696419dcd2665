package org.msapp.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PostgresPersistenceTest {
    private final PostgresSettings settings = new PostgresSettings("db", 5432, "app", "u", "p", 10,
            Duration.ofSeconds(2), Duration.ofSeconds(3));

    @Test
    void the_driver_sees_the_timeouts() {
        // pgjdbc reads Properties.getProperty, which answers null for a value that is not a String
        Properties driver = PostgresPersistence.poolConfig(settings).getDataSourceProperties();
        assertThat(driver.getProperty("connectTimeout")).isEqualTo("2");
        assertThat(driver.getProperty("socketTimeout")).isEqualTo("3");
        assertThat(driver.getProperty("tcpKeepAlive")).isEqualTo("true");
    }

    @Test
    void the_pool_waits_at_most_the_connect_timeout_and_statements_at_most_the_statement_timeout() {
        var config = PostgresPersistence.poolConfig(settings);
        assertThat(config.getConnectionTimeout()).isEqualTo(2_000);
        assertThat(config.getValidationTimeout()).isEqualTo(1_000);
        assertThat(config.getConnectionInitSql()).isEqualTo("SET statement_timeout = 3000");
    }
}
