package org.msapp.bootstrap;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.msapp.adapters.http.Api;
import org.msapp.adapters.http.ApiClient.Response;
import org.msapp.adapters.http.ApiClient;
import org.msapp.adapters.http.TrustedProxies;
import org.msapp.adapters.postgres.PostgresPersistence;
import org.msapp.adapters.postgres.PostgresProbe;
import org.msapp.adapters.postgres.TestDatabase;
import org.msapp.application.Ports;
import org.msapp.application.fixtures.FailingCache;
import org.msapp.application.fixtures.FastPasswordHasher;
import org.msapp.application.fixtures.RecordingEventPublisher;
import org.msapp.application.memory.InMemoryCache;
import org.msapp.application.memory.InMemoryFailedLogins;
import org.msapp.application.memory.InMemoryPersistence;
import org.msapp.application.memory.InProcessProbe;
import org.msapp.application.memory.RandomIds;
import org.msapp.application.port.HealthProbe;
import org.msapp.application.port.Persistence;
import org.msapp.domain.user.User;
import org.msapp.domain.user.UserId;

/**
 * The real service (the whole graph, the real Javalin server on a random port) on in-memory
 * adapters and a fast password hasher, with an {@link ApiClient} to drive it. Its persistence is in
 * memory, or PostgreSQL when {@link #onPostgres()}, each with the readiness probe the service runs
 * with it. Its clock is the system's, moved on by {@link ShiftedClock#shift} when a test needs time
 * to pass. It starts with one user, the administrator {@link Api#ADMIN}, made from the settings as
 * the service makes the first one. The tests' address is a trusted proxy, so that
 * {@code X-Forwarded-For} can play clients at other addresses.
 */
public final class TestService implements AutoCloseable {
    public static final Config.Secret SECRET =
            new Config.Secret("a test key of at least thirty-two bytes, for HS256".getBytes(StandardCharsets.UTF_8));

    /** The tests' own address, trusted as a proxy: a request may name its client in {@code X-Forwarded-For}. */
    public static final TrustedProxies PROXY = TrustedProxies.parse("127.0.0.1/32");

    public final ShiftedClock clock = new ShiftedClock();
    public final JwtAccessTokens tokens = new JwtAccessTokens(SECRET.bytes(), clock);
    private final Chosen chosen = chosenPersistence();
    /** In memory, or on PostgreSQL (a database of its own, emptied at each start) when {@link #onPostgres()}. */
    public final Persistence persistence = chosen.persistence();
    public final RecordingEventPublisher events = new RecordingEventPublisher();
    public final FailingCache cache = new FailingCache(new InMemoryCache(clock, 1_000));
    public final FastPasswordHasher hasher = new FastPasswordHasher();
    public final Application app;
    /** The HTTP client of this service, for what {@link #send} does not cover ({@link ApiClient#sendBytes}). */
    public final ApiClient client;

    private TestService() {
        var adapters = new Ports(persistence, events, cache, hasher, tokens, new InMemoryFailedLogins(1_000, 100),
                new RandomIds(), clock, List.of(chosen.probe()));
        app = Application.start(Config.embedded(0).withAccess(SECRET, Optional.of(Api.bootstrapAdmin())).withTrustedProxies(PROXY),
                adapters);
        client = new ApiClient(app.port());
    }

    public static TestService start() {
        return new TestService();
    }

    /** Whether the tests run on PostgreSQL (TEST_PERSISTENCE=postgres, as the second run of the API tests does). */
    public static boolean onPostgres() {
        return "postgres".equals(System.getenv("TEST_PERSISTENCE"));
    }

    private static TestDatabase postgres;

    /** A persistence adapter and the readiness probe that the service runs with it. */
    private record Chosen(Persistence persistence, HealthProbe probe) {
    }

    private static synchronized Chosen chosenPersistence() {
        if (!onPostgres()) return new Chosen(new InMemoryPersistence(), new InProcessProbe("persistence", true, "in-memory"));
        if (postgres == null) {
            postgres = TestDatabase.named("e2e");
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close));
        }
        PostgresPersistence shared = postgres.empty();
        // not AutoCloseable: a service's close() leaves the shared pool open
        return new Chosen(shared::inTransaction, new PostgresProbe(shared, postgres.settings()));
    }

    public Response get(String path, String... headers) {
        return client.get(path, headers);
    }

    /** Sends JSON (Content-Type: application/json) unless a Content-Type is among the headers. */
    public Response send(String method, String path, String body, String... headers) {
        return client.send(method, path, body, headers);
    }

    /** A clock that runs with the system's, plus however far a test has moved it on. */
    public static final class ShiftedClock extends Clock {
        private final AtomicReference<Duration> shift = new AtomicReference<>(Duration.ZERO);

        public void shift(Duration by) {
            shift.updateAndGet(s -> s.plus(by));
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(shift.get()).truncatedTo(ChronoUnit.MILLIS);   // as the service's own clock ticks
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** A bearer token for these credentials, from POST /auth/token. */
    public String token(String nickName, String password) {
        return client.token(nickName, password);
    }

    /** Registers a user with valid data and returns its id. */
    public long register(String nickName, String password) {
        return client.register(nickName, password);
    }

    /** The stored user, read through the persistence port (for its password hash). */
    public User storedUser(long id) {
        return persistence.inTransaction(s -> s.users().find(new UserId(id))).orElseThrow();
    }

    /** Every stored user, read through the persistence port. */
    public List<User> storedUsers() {
        return persistence.inTransaction(s -> s.users().list(Optional.empty(), 10_000));
    }

    @Override
    public void close() {
        app.close();
    }
}
