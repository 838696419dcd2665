package org.msapp.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.flywaydb.core.api.logging.LogFactory;
import org.flywaydb.core.api.logging.LogLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msapp.adapters.http.Api;
import org.msapp.adapters.http.LogCapture;
import org.msapp.adapters.http.ApiClient.Response;
import org.msapp.adapters.http.ApiClient;
import org.msapp.adapters.postgres.PostgresPersistence;
import org.msapp.adapters.postgres.PostgresProbe;
import org.msapp.adapters.postgres.TestDatabase;
import org.msapp.application.Ports;
import org.msapp.application.fixtures.FailingCache;
import org.msapp.application.fixtures.RecordingEventPublisher;
import org.msapp.application.memory.InMemoryCache;
import org.msapp.application.memory.InMemoryFailedLogins;
import org.msapp.application.memory.RandomIds;
import org.msapp.domain.user.UserId;
import org.slf4j.LoggerFactory;

/**
 * Nothing the service logs, at any level, holds a password, a password hash, or the credentials of a
 * Basic header or a bearer token, its access lines included: the service on PostgreSQL with the real
 * argon2 hasher, with every library it logs through at DEBUG (Jdbi at TRACE, the only level it says
 * anything at), and proof that they did log meanwhile. Javalin and password4j are at DEBUG too, but say nothing there on
 * these paths (Javalin only of a client that aborts a response, password4j only when it first reads
 * its properties, once per JVM): the test checks that they would be heard.
 */
class LogSecretsIT {
    private static final String PASSWORD = "Senha@123-secret";
    private static final String NEW_PASSWORD = "Nova#Senha-secret-456";
    private static final String WRONG_PASSWORD = "wrong-" + PASSWORD;
    /** The loggers of each library that logs at DEBUG (or finer) on these paths, and that level. */
    private static final Map<String, Level> HEARD = Map.of("org.eclipse.jetty", Level.DEBUG, "com.zaxxer.hikari", Level.DEBUG,
            "org.flywaydb", Level.DEBUG, "org.jdbi", Level.TRACE);
    /** The loggers of the libraries that log nothing at DEBUG on these paths, by the names they log under. */
    private static final List<String> QUIET = List.of("io.javalin.Javalin", "com.password4j.PropertyReader");
    /** pgjdbc logs through java.util.logging, where FINE is DEBUG. */
    private static final String PGJDBC = "org.postgresql";
    /** The test's own HTTP client, which the JDK logs through System.Logger: not the service. */
    private static final String TEST_CLIENT = "jdk.internal.httpclient";

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Map<Logger, Level> previous = new LinkedHashMap<>();
    private Appender<ILoggingEvent> console;
    private final List<LogRecord> julLogged = new CopyOnWriteArrayList<>();
    private final java.util.logging.Logger pgjdbc = java.util.logging.Logger.getLogger(PGJDBC);
    private java.util.logging.Level pgjdbcPrevious;
    private LogLevel flywayPrevious;
    private final Handler julCapture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (isLoggable(r)) julLogged.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private TestDatabase db;
    private PostgresPersistence persistence;
    private FailingCache cache;
    private Application app;
    private ApiClient client;

    @BeforeEach
    void capture() {
        console = root.getAppender("STDOUT");   // DEBUG and TRACE are for the capture, not for the build's console
        if (console != null) root.detachAppender(console);
        setLevel(root, Level.TRACE);
        HEARD.forEach((name, level) -> setLevel((Logger) LoggerFactory.getLogger(name), level));
        for (String name : QUIET) setLevel((Logger) LoggerFactory.getLogger(name), Level.DEBUG);
        setLevel((Logger) LoggerFactory.getLogger(TEST_CLIENT), Level.INFO);
        setLevel((Logger) LoggerFactory.getLogger("msapp.access"), Level.INFO);   // the build's tests run with it at WARN
        flywayPrevious = LogFactory.getLogLevel();
        LogFactory.setLogLevel(LogLevel.DEBUG);   // Flyway drops its DEBUG lines before SLF4J sees them, unless told
        logged.start();
        root.addAppender(logged);
        pgjdbcPrevious = pgjdbc.getLevel();
        pgjdbc.setLevel(java.util.logging.Level.FINE);   // DEBUG, as SLF4J's bridge maps it
        pgjdbc.addHandler(julCapture);

        db = TestDatabase.named("log_secrets");
        persistence = db.empty();   // migrated by Flyway, through Hikari's pool
        cache = new FailingCache(new InMemoryCache(Clock.systemUTC(), 1_000));
        app = Application.start(Config.embedded(0).withAccess(TestService.SECRET, Optional.of(Api.bootstrapAdmin())), new Ports(
                persistence, new RecordingEventPublisher(), cache, new Argon2PasswordHasher(),
                new JwtAccessTokens(TestService.SECRET.bytes(), Clock.systemUTC()), new InMemoryFailedLogins(1_000, 10),
                new RandomIds(), Clock.systemUTC(), List.of(new PostgresProbe(persistence, db.settings()))));
        client = new ApiClient(app.port());
    }

    @AfterEach
    void release() {
        if (app != null) app.close();
        if (db != null) db.close();
        pgjdbc.removeHandler(julCapture);
        pgjdbc.setLevel(pgjdbcPrevious);
        LogFactory.setLogLevel(flywayPrevious);
        root.detachAppender(logged);
        previous.forEach(Logger::setLevel);
        if (console != null) root.addAppender(console);
    }

    private void setLevel(Logger logger, Level level) {
        previous.putIfAbsent(logger, logger.getLevel());
        logger.setLevel(level);
    }

    @Test
    void no_log_line_holds_a_password_its_hash_or_the_credentials_of_a_request() throws Exception {
        long id = client.register("carol", PASSWORD);
        String hash = storedHash(id);
        client.send("PATCH", "/users/" + id, "{\"full_name\":\"Carol\"}", "Authorization", ApiClient.basic("carol", PASSWORD));
        client.send("PATCH", "/users/" + id, "{\"full_name\":\"Carol\"}", "Authorization", ApiClient.basic("carol", WRONG_PASSWORD));
        Response changed = client.send("PUT", "/users/" + id + "/password",
                "{\"password\":\"" + PASSWORD + "\",\"new_password\":\"" + NEW_PASSWORD + "\"}",
                "Authorization", ApiClient.basic("carol", PASSWORD));
        assertThat(changed.status()).as(changed.body()).isEqualTo(204);
        String newHash = storedHash(id);
        assertThat(newHash).as("the hash the change of password made").isNotEqualTo(hash);
        client.send("POST", "/users", "{\"nick_name\":\"carol\",\"password\":\"" + PASSWORD + "\"}");
        client.send("POST", "/users", "{\"password\":\"" + PASSWORD + "\"");
        var token = client.send("POST", "/auth/token", "{\"nick_name\":\"carol\",\"password\":\"" + NEW_PASSWORD + "\"}");
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        String bearer = token.json().get("access_token").asText();
        client.send("POST", "/auth/token", "{\"nick_name\":\"carol\",\"password\":\"" + PASSWORD + "\"}");   // 401: changed
        client.send("GET", "/users/" + id, null, "Authorization", ApiClient.basic("carol", NEW_PASSWORD));
        cache.fail(true);
        client.get("/users/" + id, "Authorization", ApiClient.bearer(bearer));
        cache.fail(false);
        Thread.sleep(600);   // lets the outbox relay run and log

        List<ILoggingEvent> events = events();
        assertThat(events).as("the application's System.Logger reaches SLF4J")
                .anyMatch(e -> e.getFormattedMessage().contains("cache get failed"));
        HEARD.forEach((library, level) -> assertThat(events).as("%s logged at %s while the test ran", library, level)
                .anyMatch(e -> e.getLoggerName().startsWith(library) && !e.getLevel().isGreaterOrEqual(Level.INFO)));
        assertThat(julLogged).as("pgjdbc logged at FINE (DEBUG) while the test ran")
                .anyMatch(r -> r.getLevel().intValue() <= java.util.logging.Level.FINE.intValue());
        for (String quiet : QUIET) assertThat(LoggerFactory.getLogger(quiet).isDebugEnabled()).as("%s at DEBUG", quiet).isTrue();
        assertThat(events).as("an access line for each request, the ones with Basic credentials and a bearer token included")
                .filteredOn(e -> e.getLoggerName().equals("msapp.access")).hasSizeGreaterThanOrEqualTo(10)
                .anyMatch(e -> e.getFormattedMessage().startsWith("PUT /users/{id}/password 204 "))
                .anyMatch(e -> e.getFormattedMessage().startsWith("GET /users/{id} 200 "));
        Secrets secrets = Secrets.of(bearer)
                .credentials("carol", PASSWORD).credentials("carol", WRONG_PASSWORD).credentials("carol", NEW_PASSWORD)
                .credentials(Api.ADMIN, Api.ADMIN_PASSWORD)   // ADMIN_BOOTSTRAP_PASSWORD, which made the administrator at start
                .hash(hash).hash(newHash);
        for (String line : lines()) secrets.assertNoneIn("a log line", line);
    }

    private String storedHash(long id) {
        return persistence.inTransaction(s -> s.users().find(new UserId(id))).orElseThrow().passwordHash().phc();
    }

    /** What the appender holds now (it appends under its own lock, from the service's threads too). */
    private List<ILoggingEvent> events() {
        synchronized (logged) {
            return new ArrayList<>(logged.list);
        }
    }

    /** Every line logged, through SLF4J (with its MDC and key-value pairs) or java.util.logging, with the stack trace of its exception. */
    private List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent e : events()) lines.add(LogCapture.whole(e));
        SimpleFormatter format = new SimpleFormatter();
        for (LogRecord r : julLogged) {
            StringWriter trace = new StringWriter();
            if (r.getThrown() != null) r.getThrown().printStackTrace(new PrintWriter(trace));
            lines.add(r.getLoggerName() + " " + format.formatMessage(r) + trace);
        }
        return lines;
    }
}
