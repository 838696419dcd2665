package org.msapp.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.msapp.adapters.http.Api;
import org.msapp.application.fixtures.FastPasswordHasher;
import org.msapp.application.port.PasswordHasher;
import org.msapp.domain.user.Password;
import org.msapp.domain.user.PasswordHash;

/**
 * A shutdown drops nothing: readiness turns 503 at once while everything else is still served for the
 * drain delay; then no connection is taken, and the requests in flight finish.
 */
class GracefulShutdownIT {
    private static final Duration DRAIN = Duration.ofSeconds(2);
    /** Requests sent this long before the drain ends surely reach the server before it stops, even on a loaded machine. */
    private static final Duration MARGIN = Duration.ofMillis(500);

    /** A hasher that takes {@code delay} per hash, so that requests are in flight when the server stops. */
    private static final class SlowHasher implements PasswordHasher {
        final CountDownLatch entered = new CountDownLatch(1);
        final FastPasswordHasher real = new FastPasswordHasher();
        final Duration delay;

        SlowHasher(Duration delay) {
            this.delay = delay;
        }

        @Override
        public PasswordHash hash(Password password) {
            entered.countDown();
            try {
                Thread.sleep(delay.toMillis());
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

    private static Application start(PasswordHasher hasher, Config.Shutdown shutdown) {
        return InMemoryApplication.start(hasher, List.of(), shutdown);
    }

    @Test
    void closing_lets_the_request_in_flight_finish_and_then_refuses_new_ones() throws Exception {
        var hasher = new SlowHasher(Duration.ofSeconds(1));
        Application app = start(hasher, new Config.Shutdown(Duration.ZERO, Duration.ofSeconds(10)));
        String base = "http://127.0.0.1:" + app.port();
        HttpClient client = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(HttpRequest.newBuilder(URI.create(base + "/users"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Api.userJson("slow", "Senha@123").toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(hasher.entered.await(10, TimeUnit.SECONDS)).isTrue();

        app.close();

        assertThat(inFlight.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
        assertRefused(base + "/health/live");
    }

    @Test
    void during_the_drain_readiness_says_shutting_down_and_liveness_is_still_up() throws Exception {
        Application app = start(new FastPasswordHasher(), new Config.Shutdown(Duration.ofSeconds(3), Duration.ofSeconds(5)));
        String base = "http://127.0.0.1:" + app.port();
        HttpClient client = HttpClient.newHttpClient();
        assertThat(get(client, base + "/health/ready")).isEqualTo(200);
        CompletableFuture<Void> closing = CompletableFuture.runAsync(app::close);
        try {
            HttpResponse<String> ready = client.send(HttpRequest.newBuilder(URI.create(base + "/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (long until = System.nanoTime() + Duration.ofSeconds(2).toNanos(); ready.statusCode() == 200 && System.nanoTime() < until; ) {
                Thread.sleep(20);
                ready = client.send(HttpRequest.newBuilder(URI.create(base + "/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
            }

            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(Api.JSON.readTree(ready.body())).isEqualTo(Api.JSON.createObjectNode().put("status", "DOWN").put("detail", "shutting down"));
            assertThat(get(client, base + "/health/live")).isEqualTo(200);
        } finally {
            closing.get(30, TimeUnit.SECONDS);
        }
    }

    /** One request of the stream: when it was sent and answered (ms after close() was called; negative before), and how it ended. */
    private record Outcome(String what, long sentMillis, long endedMillis, int status, String failure) {
        static final int REFUSED = -1;
        static final int BROKEN = -2;

        boolean answered() {
            return status > 0;
        }

        @Override
        public String toString() {
            return "%s sent at %+d ms: %s".formatted(what, sentMillis, answered() ? status : status == REFUSED ? "refused" : failure);
        }
    }

    @Test
    void under_a_steady_stream_of_requests_a_shutdown_cuts_none_off() throws Exception {
        Application app = start(new SlowHasher(Duration.ofMillis(100)), new Config.Shutdown(DRAIN, Duration.ofSeconds(10)));
        int port = app.port();
        String base = "http://127.0.0.1:" + port;
        var outcomes = new ConcurrentLinkedQueue<Outcome>();
        var closing = new AtomicLong(Long.MAX_VALUE);   // System.nanoTime() when close() was called
        var closed = new AtomicBoolean();
        var registered = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(7);
        List<Future<?>> streams = new ArrayList<>();
        HttpClient keepAlive = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        // three writers, each request on a new connection
        for (int i = 0; i < 3; i++) {
            streams.add(clients.submit(() -> stream(closing, closed, outcomes, "POST /users (new connection)",
                    () -> postOnNewConnection(port, Api.userBody("drain_" + registered.incrementAndGet(), "Senha@123")))));
        }
        // two readers of a large answer, on kept-alive connections
        for (int i = 0; i < 2; i++) {
            streams.add(clients.submit(() -> stream(closing, closed, outcomes, "GET /openapi.json (kept alive)",
                    () -> get(keepAlive, base + "/openapi.json"))));
        }
        // a load balancer's probes
        HttpClient prober = HttpClient.newHttpClient();
        streams.add(clients.submit(() -> stream(closing, closed, outcomes, "GET /health/ready", () -> get(prober, base + "/health/ready"))));
        streams.add(clients.submit(() -> stream(closing, closed, outcomes, "GET /health/live", () -> get(prober, base + "/health/live"))));

        Thread.sleep(500);
        closing.set(System.nanoTime());
        app.close();
        long closeTook = (System.nanoTime() - closing.get()) / 1_000_000;
        Thread.sleep(200);
        closed.set(true);
        clients.shutdown();
        assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        for (Future<?> s : streams) s.get();

        long began = closing.get();
        List<Outcome> all = outcomes.stream().map(o -> new Outcome(o.what(), (o.sentMillis() - began) / 1_000_000,
                (o.endedMillis() - began) / 1_000_000, o.status(), o.failure())).toList();
        long drainEnds = DRAIN.toMillis();
        long surelyServed = drainEnds - MARGIN.toMillis();
        String summary = summary(all, closeTook);
        System.out.println("[shutdown] " + summary);

        // none cut off: each request got a whole answer, or found no one listening
        assertThat(all).as(summary).noneMatch(o -> o.status() == Outcome.BROKEN);
        // until the drain ends, everything but readiness is served as before
        assertThat(all).as(summary).filteredOn(o -> o.sentMillis() < surelyServed && !o.what().contains("ready"))
                .isNotEmpty().allMatch(o -> o.status() >= 200 && o.status() < 300, "2xx");
        assertThat(all).as(summary).filteredOn(o -> o.sentMillis() >= 0 && o.sentMillis() < surelyServed && o.what().contains("POST"))
                .hasSizeGreaterThan(5);
        // readiness: 200 before, 503 from the start of the drain on (one sent just as it began may be either)
        assertThat(all).as(summary).filteredOn(o -> o.what().contains("ready") && o.endedMillis() < 0)
                .isNotEmpty().allMatch(o -> o.status() == 200, "200");
        assertThat(all).as(summary).filteredOn(o -> o.what().contains("ready") && o.sentMillis() >= 100)
                .filteredOn(Outcome::answered).isNotEmpty().allMatch(o -> o.status() == 503, "503");
        // liveness: 200 until the server stops
        assertThat(all).as(summary).filteredOn(o -> o.what().contains("live") && o.sentMillis() < surelyServed)
                .isNotEmpty().allMatch(o -> o.status() == 200, "200");
        // no connection refused before the drain ends; after it, new connections are refused
        assertThat(all).as(summary).filteredOn(o -> o.status() == Outcome.REFUSED).isNotEmpty()
                .allMatch(o -> o.sentMillis() >= surelyServed, "after the drain");
        assertRefused(base + "/health/live");
    }

    private interface Send {
        int send() throws IOException, InterruptedException;
    }

    /** Sends requests one after another until the service is closed, recording each outcome. */
    private static Void stream(AtomicLong closing, AtomicBoolean closed,
                               ConcurrentLinkedQueue<Outcome> outcomes, String what, Send send) throws InterruptedException {
        while (!closed.get()) {
            long sent = System.nanoTime();
            int status;
            String failure = null;
            try {
                status = send.send();
            } catch (ConnectException e) {
                status = Outcome.REFUSED;
            } catch (IOException e) {
                status = Outcome.BROKEN;
                failure = e.toString();
            }
            outcomes.add(new Outcome(what, sent, System.nanoTime(), status, failure));
            if (status == Outcome.REFUSED) Thread.sleep(20);
        }
        return null;
    }

    private static int get(HttpClient client, String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static final Pattern STATUS = Pattern.compile("^HTTP/1\\.1 (\\d{3}) ");
    private static final Pattern LENGTH = Pattern.compile("(?im)^content-length: *(\\d+)\\s*$");

    /**
     * POST on a connection of its own, read to the end: the status of a whole answer (its body as long as
     * its Content-Length says), a {@link ConnectException} when no one listens, or an {@link IOException}
     * for anything cut off.
     */
    private static int postOnNewConnection(int port, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /users HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            byte[] answer = readToEnd(socket.getInputStream());
            String text = new String(answer, StandardCharsets.ISO_8859_1);
            int headEnd = text.indexOf("\r\n\r\n");
            if (headEnd < 0) throw new IOException("cut off in the head after " + answer.length + " bytes");
            Matcher status = STATUS.matcher(text);
            Matcher length = LENGTH.matcher(text.substring(0, headEnd + 2));
            if (!status.find()) throw new IOException("no status line: " + text.lines().findFirst().orElse(""));
            if (!length.find()) throw new IOException("no Content-Length: " + text.substring(0, headEnd));
            int expected = Integer.parseInt(length.group(1));
            int got = answer.length - headEnd - 4;
            if (got != expected) throw new IOException("cut off: " + got + " of " + expected + " bytes of the body");
            return Integer.parseInt(status.group(1));
        }
    }

    private static byte[] readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) all.write(buffer, 0, n);
        } catch (IOException e) {
            throw new IOException(e + " after " + all.size() + " bytes", e);
        }
        return all.toByteArray();
    }

    private static String summary(List<Outcome> all, long closeTook) {
        StringBuilder s = new StringBuilder("close() took " + closeTook + " ms; " + all.size() + " requests:");
        for (String what : all.stream().map(Outcome::what).distinct().sorted().toList()) {
            Predicate<Outcome> it = o -> o.what().equals(what);
            s.append(String.format(Locale.ROOT, "%n  %s: %d before, %d in the drain, %d after; statuses %s", what,
                    all.stream().filter(it).filter(o -> o.sentMillis() < 0).count(),
                    all.stream().filter(it).filter(o -> o.sentMillis() >= 0 && o.sentMillis() < DRAIN.toMillis()).count(),
                    all.stream().filter(it).filter(o -> o.sentMillis() >= DRAIN.toMillis()).count(),
                    all.stream().filter(it).collect(Collectors.groupingBy(
                            o -> o.answered() ? Integer.toString(o.status()) : o.status() == Outcome.REFUSED ? "refused" : "broken",
                            TreeMap::new, Collectors.counting()))));
        }
        all.stream().filter(o -> o.status() == Outcome.BROKEN || (o.answered() && o.status() >= 500 && !o.what().contains("ready")))
                .limit(20).forEach(o -> s.append("\n  ").append(o));
        return s.toString();
    }

    private static void assertRefused(String url) {
        CompletableFuture<HttpResponse<String>> late = HttpClient.newHttpClient()
                .sendAsync(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(late).failsWithin(5, TimeUnit.SECONDS).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(ConnectException.class);
    }
}
