package org.msapp.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msapp.application.fixtures.CountingProbe;
import org.msapp.application.fixtures.FastPasswordHasher;

/** What the health routes cost the backing services: liveness nothing, a storm of readiness requests about one check a second. */
class HealthProbesIT {
    private final CountingProbe probe = new CountingProbe(Duration.ZERO);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Application app;

    @BeforeEach
    void start() {
        app = InMemoryApplication.start(new FastPasswordHasher(), List.of(probe), new Config.Shutdown(Duration.ZERO, Duration.ofSeconds(5)));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private List<HttpResponse<String>> getAtOnce(String path, int times) throws Exception {
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            sent.add(client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (var answer : sent) answers.add(answer.get(60, TimeUnit.SECONDS));
        return answers;
    }

    @Test
    void a_hundred_readiness_requests_at_once_ask_the_backing_service_about_once_a_second() throws Exception {
        long started = System.nanoTime();
        List<HttpResponse<String>> answers = getAtOnce("/health/ready", 100);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);

        assertThat(answers).allSatisfy(a -> {
            assertThat(a.statusCode()).isEqualTo(200);
            assertThat(a.body()).contains("\"persistence\":{\"status\":\"UP\"", "counted");
        });
        assertThat(probe.checks()).as("checks for 100 requests in %d s", seconds).isBetween(1, 1 + (int) seconds);
    }

    @Test
    void liveness_asks_no_backing_service() throws Exception {
        List<HttpResponse<String>> answers = getAtOnce("/health/live", 50);

        assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(200));
        assertThat(probe.checks()).isZero();
    }
}
