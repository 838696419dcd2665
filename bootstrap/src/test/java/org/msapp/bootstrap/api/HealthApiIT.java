package org.msapp.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.msapp.adapters.http.Api;
import org.msapp.adapters.http.ApiClient.Response;
import org.msapp.bootstrap.Readiness;
import org.msapp.bootstrap.TestService;

/**
 * Liveness, readiness (naming the persistence of the run, memory or PostgreSQL, but never where it is
 * or its version) and the Prometheus metrics.
 */
class HealthApiIT {
    private static TestService service;

    @BeforeAll
    static void start() {
        service = TestService.start();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void liveness_is_200_status_up() {
        Response r = service.get("/health/live");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.json()).isEqualTo(Api.JSON.createObjectNode().put("status", "UP"));
    }

    @Test
    void readiness_is_200_with_each_part_s_state_and_neither_an_address_nor_a_version() {
        Response r = service.get("/health/ready");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.json().get("status").asText()).isIn("UP", "DEGRADED");
        JsonNode components = Readiness.components(r);
        List<String> names = new ArrayList<>();
        components.fieldNames().forEachRemaining(names::add);
        assertThat(names).contains("persistence");
        assertThat(components.get("persistence").get("status").asText()).isEqualTo("UP");
    }

    @Test
    void readiness_names_the_persistence_the_service_runs_on_in_each_run() {
        // read here, not from TestService: the run on PostgreSQL must fail if the service were on memory
        boolean onPostgres = "postgres".equals(System.getenv("TEST_PERSISTENCE"));

        JsonNode persistence = service.get("/health/ready").json().at("/components/persistence");

        assertThat(persistence.path("status").asText()).as("persistence: %s", persistence).isEqualTo("UP");
        assertThat(persistence.path("critical").asBoolean()).as("persistence: %s", persistence).isTrue();
        if (onPostgres) {
            assertThat(persistence.path("detail").asText()).as("TEST_PERSISTENCE=postgres").isEqualTo("PostgreSQL");
        } else {
            assertThat(persistence.path("detail").asText()).as("TEST_PERSISTENCE unset").isEqualTo("in-memory");
        }
    }

    @Test
    void metrics_are_prometheus_text_counting_the_requests_served() throws InterruptedException {
        assertThat(service.get("/health/live").status()).isEqualTo(200);

        Response r = service.get("/metrics");
        for (int i = 0; i < 20 && !r.body().contains("jetty_server_requests_seconds_count"); i++) {
            Thread.sleep(100);
            r = service.get("/metrics");
        }

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/plain");
        assertThat(r.body()).contains("jetty_server_requests_seconds_count");
        assertThat(r.body()).contains("# TYPE jetty_server_requests_seconds");
    }
}
