package org.msapp.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.msapp.adapters.http.Api;
import org.msapp.application.Ports;
import org.msapp.application.fixtures.FakeAccessTokens;
import org.msapp.application.fixtures.FastPasswordHasher;
import org.msapp.application.fixtures.RecordingEventPublisher;
import org.msapp.application.memory.InMemoryCache;
import org.msapp.application.memory.InMemoryFailedLogins;
import org.msapp.application.memory.InMemoryPersistence;
import org.msapp.application.memory.RandomIds;
import org.msapp.application.port.PasswordHasher;
import org.msapp.domain.user.Password;
import org.msapp.domain.user.PasswordHash;

class GracefulShutdownIT {
    /** A hasher that holds the request in flight until the test has begun the shutdown. */
    private static final class SlowHasher implements PasswordHasher {
        final CountDownLatch entered = new CountDownLatch(1);
        final FastPasswordHasher real = new FastPasswordHasher();

        @Override
        public PasswordHash hash(Password password) {
            entered.countDown();
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return real.hash(password);
        }

        @Override
        public boolean verify(Password candidate, PasswordHash hash) {
            return real.verify(candidate, hash);
        }
    }

    @Test
    void closing_lets_the_request_in_flight_finish_and_then_refuses_new_ones() throws Exception {
        var hasher = new SlowHasher();
        var adapters = new Ports(new InMemoryPersistence(), new RecordingEventPublisher(),
                new InMemoryCache(Clock.systemUTC(), 10), hasher, new FakeAccessTokens(Clock.systemUTC()),
                new InMemoryFailedLogins(10, 10), new RandomIds(), Clock.systemUTC(), List.of());
        Application app = Application.start(Config.embedded(0), adapters);
        String base = "http://127.0.0.1:" + app.port();
        HttpClient client = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(HttpRequest.newBuilder(URI.create(base + "/users"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Api.userJson("slow", "Senha@123").toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(hasher.entered.await(10, TimeUnit.SECONDS)).isTrue();

        app.close();

        assertThat(inFlight.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
        CompletableFuture<HttpResponse<String>> late = HttpClient.newHttpClient()
                .sendAsync(HttpRequest.newBuilder(URI.create(base + "/health/live")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(late).failsWithin(5, TimeUnit.SECONDS).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(ConnectException.class);
    }
}
