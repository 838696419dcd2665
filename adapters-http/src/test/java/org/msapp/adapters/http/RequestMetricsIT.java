package org.msapp.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code http_server_requests_seconds}: one series per method, route template and status, never per path. */
class RequestMetricsIT {
    private static final Pattern SERIES = Pattern.compile("^http_server_requests_seconds_count\\{([^}]*)} ", Pattern.MULTILINE);
    private static final Pattern ROUTE = Pattern.compile("route=\"([^\"]*)\"");

    private final TestServer server = TestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private String scrape() {
        return server.registry.scrape();
    }

    private List<String> routes() {
        Matcher m = SERIES.matcher(scrape());
        List<String> routes = new ArrayList<>();
        while (m.find()) {
            Matcher route = ROUTE.matcher(m.group(1));
            if (route.find()) routes.add(route.group(1));
        }
        return routes;
    }

    @Test
    void a_request_is_counted_under_the_template_of_its_route_not_under_its_path() {
        long id = server.register("alice", "Senha@123");
        String[] alice = Api.bearer(server.client, "alice", "Senha@123");
        server.get("/users/" + id, alice);
        server.get("/users/" + id, alice);
        server.get("/users/" + (id + 1000), alice);

        String scrape = scrape();

        assertThat(scrape).contains("http_server_requests_seconds_count{method=\"GET\",route=\"/users/{id}\",status=\"200\"} 2");
        assertThat(scrape).contains("http_server_requests_seconds_count{method=\"POST\",route=\"/users\",status=\"201\"} 1");
        assertThat(scrape).contains("http_server_requests_seconds_count{method=\"POST\",route=\"/auth/token\",status=\"200\"} 1");
        assertThat(scrape).containsPattern("http_server_requests_seconds_count\\{method=\"GET\",route=\"/users/\\{id}\",status=\"(403|404)\"} 1");
        assertThat(routes()).noneMatch(route -> route.matches(".*\\d.*"));
    }

    @Test
    void a_request_that_matched_no_route_gets_a_fixed_label_whatever_its_path() {
        server.get("/no/such/thing/12345");
        server.get("/users/12/nothing");
        server.send("DELETE", "/users", "");
        Matcher css = Pattern.compile("href=\"(/webjars/[^\"]+\\.css)\"").matcher(server.get("/docs").body());
        assertThat(css.find()).isTrue();
        assertThat(server.get(css.group(1)).status()).isEqualTo(200);

        assertThat(scrape()).contains("http_server_requests_seconds_count{method=\"GET\",route=\"NOT_FOUND\",status=\"404\"} 2")
                .contains("http_server_requests_seconds_count{method=\"DELETE\",route=\"UNMATCHED\",status=\"405\"} 1")
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"STATIC\",status=\"200\"} 1");
        assertThat(routes()).containsOnly("NOT_FOUND", "UNMATCHED", "STATIC", "/docs");
    }

    @Test
    void the_timer_has_fixed_histogram_buckets() {
        server.get("/openapi.json");

        assertThat(scrape())
                .contains("http_server_requests_seconds_bucket{method=\"GET\",route=\"/openapi.json\",status=\"200\",le=\"0.005\"}")
                .contains("http_server_requests_seconds_bucket{method=\"GET\",route=\"/openapi.json\",status=\"200\",le=\"10.0\"}")
                .contains("http_server_requests_seconds_bucket{method=\"GET\",route=\"/openapi.json\",status=\"200\",le=\"+Inf\"} 1");
    }
}
