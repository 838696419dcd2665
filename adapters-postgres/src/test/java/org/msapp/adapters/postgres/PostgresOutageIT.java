package org.msapp.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.msapp.application.availability.ServiceUnavailable;
import org.msapp.application.fixtures.TcpProxy;
import org.msapp.application.port.HealthProbe;
import org.msapp.application.port.Persistence;
import org.msapp.domain.user.UserId;
import org.slf4j.LoggerFactory;

/**
 * The adapter through a {@link TcpProxy}: a database that dies or hangs makes a unit of work fail
 * with {@link ServiceUnavailable} (never a driver exception) within 2 s, and the same adapter works
 * again once the database is back, with no restart. Its probe says "PostgreSQL", or why it is down in
 * a few words that name neither where it is nor its version; where it is goes to the log.
 */
@ExtendWith(RequirePostgres.class)
class PostgresOutageIT {
    private static final Duration BUDGET = Duration.ofSeconds(2);
    private static final Duration HUNG = Duration.ofSeconds(10);
    private static final TestDatabase DB = TestDatabase.named("pg_outage");
    private static PostgresSettings direct;

    private TcpProxy proxy;
    private PostgresPersistence persistence;
    private PostgresProbe probe;

    @BeforeAll
    static void create() {
        direct = DB.settings();
    }

    @AfterAll
    static void drop() {
        DB.close();
    }

    @BeforeEach
    void start() {
        proxy = TcpProxy.to(direct.host(), direct.port());
        PostgresSettings viaProxy = direct.withAddress("127.0.0.1", proxy.port());
        persistence = PostgresPersistence.start(viaProxy);
        probe = new PostgresProbe(persistence, viaProxy);
        assertThat(bounded(() -> read(persistence))).isFalse();
    }

    @AfterEach
    void stop() {
        persistence.close();
        proxy.close();
    }

    @Test
    void a_dead_database_is_unavailable_quickly_and_the_adapter_recovers() {
        proxy.cut();
        assertUnavailableQuickly("cut, read", PostgresOutageIT::read);
        assertUnavailableQuickly("cut, write", PostgresOutageIT::write);
        assertProbeDown("cut");
        proxy.restore();
        assertRecovers("cut");
    }

    @Test
    void a_hung_database_is_unavailable_quickly_and_the_adapter_recovers() {
        proxy.stall();
        assertUnavailableQuickly("stall, read", PostgresOutageIT::read);
        assertUnavailableQuickly("stall, write", PostgresOutageIT::write);
        assertThat(assertProbeDown("stall")).isEqualTo("PostgreSQL: timed out");
        proxy.restore();
        assertRecovers("stall");
    }

    @Test
    void a_database_that_hangs_at_start_up_fails_the_attempt_quickly_instead_of_hanging_it() {
        proxy.stall();
        long started = System.nanoTime();

        assertThatThrownBy(() -> bounded(() -> PostgresPersistence.start(direct.withAddress("127.0.0.1", proxy.port()))))
                .isInstanceOf(ServiceUnavailable.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("one start-up attempt").isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void the_log_says_once_where_the_database_is_when_it_stops_answering_and_once_when_it_answers_again() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger logger = (Logger) LoggerFactory.getLogger(PostgresProbe.class);
        logger.addAppender(log);
        try {
            proxy.cut();
            probe.check();
            probe.check();
            proxy.restore();
            assertThat(probe.check().up()).isTrue();
        } finally {
            logger.detachAppender(log);
        }

        String where = "127.0.0.1:" + proxy.port() + "/" + direct.database();
        assertThat(log.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN, Level.INFO);
        assertThat(log.list).allMatch(e -> e.getFormattedMessage().contains(where), "names " + where);
    }

    /** A read in a unit of work: is there a user 1? */
    private static boolean read(Persistence p) {
        return p.inTransaction(stores -> stores.users().find(new UserId(1)).isPresent());
    }

    /** A write in a unit of work: the users' sequence moves on. */
    private static long write(Persistence p) {
        return p.inTransaction(stores -> stores.users().nextId().value());
    }

    private void assertUnavailableQuickly(String what, Function<Persistence, ?> work) {
        for (int attempt = 0; attempt < 3; attempt++) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> bounded(() -> work.apply(persistence))).isInstanceOf(ServiceUnavailable.class);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            System.out.printf("[outage] %s: unavailable after %d ms%n", what, took.toMillis());
            assertThat(took).isLessThan(BUDGET);
        }
    }

    /** The probe, within the budget: down, with a reason that names no address; returns its detail. */
    private String assertProbeDown(String what) {
        long start = System.nanoTime();
        HealthProbe.Result result = bounded(probe::check);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("[outage] %s, probe: %s after %d ms%n", what, result.detail(), took.toMillis());
        assertThat(took).isLessThan(BUDGET);
        assertThat(result.up()).isFalse();
        assertThat(result.detail()).matches("PostgreSQL: [a-z ]+")
                .doesNotContain(direct.database(), direct.user(), Integer.toString(proxy.port()), "127.0.0.1");
        return result.detail();
    }

    private void assertRecovers(String after) {
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(15).toNanos();
        while (true) {
            try {
                bounded(() -> read(persistence));
                bounded(() -> write(persistence));
                break;
            } catch (ServiceUnavailable e) {
                if (System.nanoTime() > deadline) fail("the adapter did not recover within 15 s", e);
            }
            sleep(100);
        }
        System.out.printf("[outage] %s: recovered %d ms after restore()%n", after, Duration.ofNanos(System.nanoTime() - start).toMillis());
        assertThat(bounded(() -> read(persistence))).isFalse();
        assertThat(probe.check()).isEqualTo(HealthProbe.Result.up("PostgreSQL"));
    }

    /** Runs {@code work} on another thread, so that a hung call fails the test after 10 s instead of hanging it. */
    private static <T> T bounded(Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        Thread thread = new Thread(task, "outage-call");
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(HUNG.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            return fail("the call hung: no answer within " + HUNG.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
