package org.msapp.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msapp.adapters.http.ApiClient;
import org.slf4j.LoggerFactory;

/**
 * The whole service with its real argon2 hasher, flooded by log-ins with made-up names (300 at once,
 * through POST /auth/token and Basic credentials) while a client with a bearer token reads its own
 * user: hashing admits a few and refuses the rest at once, so the flood holds few of the server's
 * threads and the bearer client is served as if nothing happened.
 */
class HashingFloodIT {
    private static final int FLOOD = 300;
    private static final int RAMP = 30;
    private static final Duration RAMP_EVERY = Duration.ofMillis(50);
    private static final Duration FLOOD_FOR = Duration.ofSeconds(3);
    private static final Duration BEARER_EVERY = Duration.ofMillis(20);
    private static final int WARM_UP = 200;
    private static final Duration SLOWEST_BEARER_ANSWER = Duration.ofMillis(500);

    private final List<String> lines = new ArrayList<>();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private Application app;
    private ExecutorService clientThreads;

    @BeforeEach
    void start() {
        app = Application.start(Config.embedded(0).withAccess(TestService.SECRET, Optional.empty()), lines::add);
        clientThreads = Executors.newFixedThreadPool(2);
        logged.start();
        root.addAppender(logged);
    }

    @AfterEach
    void stop() {
        root.detachAppender(logged);
        clientThreads.shutdownNow();
        if (app != null) app.close();
    }

    @Test
    void a_flood_of_log_ins_with_made_up_names_is_refused_at_once_while_bearer_requests_are_served() throws Exception {
        assertThat(lines).anyMatch(l -> l.matches("\\[✓] password hashing: argon2id, at most \\d+ at once, \\d+ waiting"));
        var api = new ApiClient(app.port());
        long alice = api.register("alice", "Senha@123");
        String bearer = ApiClient.bearer(api.token("alice", "Senha@123"));
        String base = api.baseUrl();

        var reader = new BearerReader(base + "/users/" + alice, bearer);
        for (int i = 0; i < WARM_UP; i++) reader.read();   // compiled, and its connection open before the flood's 300 queue up
        var flood = new Flood(base, alice);
        long[] bearerMillis;
        try {
            flood.start();
            bearerMillis = reader.readWhile(FLOOD_FOR);
        } finally {
            flood.stop();
        }

        System.out.printf("flood: %d requests (%s) from %d at once; bearer: %d reads, median %d ms, 99th percentile %d ms, slowest %d ms%n",
                flood.sent(), flood.statuses(), FLOOD, bearerMillis.length, bearerMillis[bearerMillis.length / 2],
                bearerMillis[(int) (bearerMillis.length * 0.99)], bearerMillis[bearerMillis.length - 1]);
        assertThat(flood.statuses().keySet()).as("the flood's answers").isSubsetOf(401, 429, 503).contains(503);
        assertThat(flood.retryAfterMissing()).as("503s without Retry-After").isZero();
        assertThat(logged.list).as("log lines of the flood: a count now and then, not a line per refusal")
                .filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).hasSizeLessThan(5);
        assertThat(bearerMillis[bearerMillis.length - 1]).as("the slowest bearer read, ms").isLessThan(SLOWEST_BEARER_ANSWER.toMillis());
    }

    /** A client with a bearer token that reads its own user, over one connection kept open. */
    private static final class BearerReader {
        /** With threads of its own: the flood's answers keep {@code clientThreads} busy. */
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final HttpRequest read;

        BearerReader(String url, String bearer) {
            read = HttpRequest.newBuilder(URI.create(url)).header("Authorization", bearer).timeout(Duration.ofSeconds(10)).build();
        }

        /** The time of one read in ms; it must answer 200. */
        long read() throws Exception {
            long start = System.nanoTime();
            HttpResponse<String> r = client.send(read, HttpResponse.BodyHandlers.ofString());
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(r.statusCode()).as("a bearer read: %s", r.body()).isEqualTo(200);
            return millis;
        }

        /** Reads every {@link #BEARER_EVERY} for {@code period}: their times in ms, sorted. */
        long[] readWhile(Duration period) throws Exception {
            List<Long> millis = new ArrayList<>();
            long end = System.nanoTime() + period.toNanos();
            while (System.nanoTime() < end) {
                millis.add(read());
                Thread.sleep(BEARER_EVERY.toMillis());
            }
            return millis.stream().mapToLong(Long::longValue).sorted().toArray();
        }
    }

    /** {@link #FLOOD} log-ins in flight at all times, each with a name no one holds, half by POST /auth/token, half by Basic. */
    private final class Flood {
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(clientThreads).build();
        private final String base;
        private final long user;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger names = new AtomicInteger();
        private final LongAdder sent = new LongAdder();
        private final LongAdder retryAfterMissing = new LongAdder();
        private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        private final List<CompletableFuture<Void>> slots = new ArrayList<>();
        private final Set<Integer> answeredSlots = ConcurrentHashMap.newKeySet();

        Flood(String base, long user) {
            this.base = base;
            this.user = user;
        }

        /**
         * Opens the slots {@link #RAMP} at a time, a lot every {@link #RAMP_EVERY}: 300 connections at once would
         * overflow the listening socket's backlog and wait seconds for the kernel's SYN retries. Then waits until
         * each has had an answer, so that all of them are open.
         */
        void start() throws InterruptedException {
            for (int i = 0; i < FLOOD; i++) {
                var slot = new CompletableFuture<Void>();
                slots.add(slot);
                next(i, slot);
                if ((i + 1) % RAMP == 0) Thread.sleep(RAMP_EVERY.toMillis());
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (answeredSlots.size() < FLOOD) {
                assertThat(System.nanoTime()).as("every slot of the flood answered once").isLessThan(deadline);
                Thread.sleep(5);
            }
        }

        private void next(int slot, CompletableFuture<Void> done) {
            if (!running.get()) {
                done.complete(null);
                return;
            }
            String basic = ApiClient.basic("nobody-" + names.incrementAndGet(), "a guess");
            HttpRequest request = (slot % 2 == 0
                    ? HttpRequest.newBuilder(URI.create(base + "/auth/token")).POST(HttpRequest.BodyPublishers.noBody())
                    : HttpRequest.newBuilder(URI.create(base + "/users/" + user)).GET())
                    .header("Authorization", basic).timeout(Duration.ofSeconds(30)).build();
            sent.increment();
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, failure) -> {
                if (failure != null) {
                    done.completeExceptionally(failure);
                    return;
                }
                statuses.computeIfAbsent(r.statusCode(), s -> new LongAdder()).increment();
                answeredSlots.add(slot);
                if (r.statusCode() == 503 && r.headers().firstValue("Retry-After").isEmpty()) retryAfterMissing.increment();
                next(slot, done);
            });
        }

        void stop() throws Exception {
            running.set(false);
            CompletableFuture.allOf(slots.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        }

        long sent() {
            return sent.sum();
        }

        long retryAfterMissing() {
            return retryAfterMissing.sum();
        }

        Map<Integer, Long> statuses() {
            Map<Integer, Long> counts = new TreeMap<>();
            statuses.forEach((status, n) -> counts.put(status, n.sum()));
            return counts;
        }
    }
}
