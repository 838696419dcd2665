package org.msapp.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.msapp.application.port.HealthProbe;
import org.slf4j.LoggerFactory;

/**
 * The probe through a {@link TcpProxy}: "PostgreSQL" while the database answers, and when it is dead
 * or hangs, why in a few words that name neither where it is nor its version; where it is goes to
 * the log.
 */
@ExtendWith(RequirePostgres.class)
class PostgresProbeIT {
    private static final Duration BUDGET = Duration.ofSeconds(2);
    private static final TestDatabase DB = TestDatabase.named("pg_probe");
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
    }

    @AfterEach
    void stop() {
        persistence.close();
        proxy.close();
    }

    @Test
    void a_database_that_answers_is_up_and_named_by_its_kind_alone() {
        assertThat(probe.check()).isEqualTo(HealthProbe.Result.up("PostgreSQL"));
        assertThat(probe.critical()).isTrue();
    }

    @Test
    void a_dead_database_is_down_with_a_reason_that_names_no_address() {
        proxy.cut();

        assertDownAndClean(checkWithinTheBudget());
    }

    @Test
    void a_hung_database_is_down_as_timed_out() {
        proxy.stall();

        HealthProbe.Result result = checkWithinTheBudget();
        assertDownAndClean(result);
        assertThat(result.detail()).isEqualTo("PostgreSQL: timed out");
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

    /** A probe answers within about a second, whatever the database does. */
    private HealthProbe.Result checkWithinTheBudget() {
        long start = System.nanoTime();
        HealthProbe.Result result = probe.check();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("[probe] %s after %d ms%n", result.detail(), took.toMillis());
        assertThat(took).isLessThan(BUDGET);
        return result;
    }

    private void assertDownAndClean(HealthProbe.Result result) {
        assertThat(result.up()).isFalse();
        assertThat(result.detail()).matches("PostgreSQL: [a-z ]+")
                .doesNotContain(direct.database(), direct.user(), Integer.toString(proxy.port()), "127.0.0.1");
    }
}
