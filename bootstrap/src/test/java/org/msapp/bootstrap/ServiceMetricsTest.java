package org.msapp.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.msapp.application.fixtures.InMemoryServices;
import org.msapp.application.fixtures.Users;
import org.msapp.application.outbox.OutboxBacklog;
import org.msapp.application.user.GetUser;
import org.msapp.domain.user.User;

/** The service's own families, read from the application's counts when scraped. */
class ServiceMetricsTest {
    private final InMemoryServices app = new InMemoryServices();
    private final OutboxBacklog backlog = new OutboxBacklog(app.persistence, app.clock);
    private final ServiceMetrics metrics = new ServiceMetrics();

    @AfterEach
    void close() {
        metrics.close();
    }

    private String scrape() {
        return metrics.registry().scrape();
    }

    @Test
    void the_application_families_follow_its_counts_at_each_scrape() {
        metrics.bind(ServiceMetrics.application(app.useCases, app.relay, backlog));
        assertThat(scrape()).contains("msapp_outbox_backlog 0.0", "msapp_relay_published_total 0.0",
                "msapp_cache_requests_total{result=\"hit\"} 0.0", "msapp_login_failures_total 0.0");

        User alice = app.register(Users.alice());
        app.getUser.handle(new GetUser.Query(InMemoryServices.callerOf(alice), alice.id()));
        backlog.refresh();
        app.clock.advance(Duration.ofSeconds(3));

        assertThat(scrape()).contains("msapp_outbox_backlog 1.0", "msapp_outbox_oldest_age_seconds 3.0",
                "msapp_cache_requests_total{result=\"miss\"} 1.0");
        app.relay.relayOnce();
        assertThat(scrape()).contains("msapp_relay_published_total 1.0", "msapp_relay_confirmed_total 1.0",
                "msapp_relay_failed_total 0.0");
    }

    @Test
    void the_breaker_reads_one_while_open_and_a_part_with_none_reads_zero() {
        AtomicBoolean open = new AtomicBoolean();
        metrics.bind(ServiceMetrics.cacheBreaker(open::get));
        metrics.bind(ServiceMetrics.noneReturned());
        assertThat(scrape()).contains("msapp_cache_breaker_open 0.0", "msapp_relay_returned_total 0.0");

        open.set(true);
        System.gc();   // the gauge holds what it reads: a lambda is not collected

        assertThat(scrape()).contains("msapp_cache_breaker_open 1.0");
    }

    @Test
    void the_jvm_and_the_process_are_measured_from_the_start() {
        assertThat(scrape()).contains("# TYPE jvm_memory_used_bytes gauge", "# TYPE jvm_threads_live_threads gauge",
                "# TYPE jvm_classes_loaded_classes gauge", "# TYPE process_uptime_seconds gauge",
                "# TYPE process_files_open_files gauge", "# TYPE system_cpu_count gauge");
    }
}
