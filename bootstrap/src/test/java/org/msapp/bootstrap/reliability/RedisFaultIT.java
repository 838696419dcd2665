package org.msapp.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.msapp.bootstrap.reliability.SteadyLoad.READ_USER;
import static org.msapp.bootstrap.reliability.SteadyLoad.RENAME;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.msapp.adapters.http.Api;
import org.msapp.adapters.redis.TestRedis;
import org.msapp.bootstrap.reliability.SteadyLoad.Actor;
import org.msapp.bootstrap.reliability.SteadyLoad.Outcome;

/**
 * Redis fails under a steady mixed load on one instance, reads and renames: cut for 4 s, then slowed
 * past the cache's command timeout for 4 s. The cache is off the critical path: every request answers
 * 2xx in time, each read shows the user as its last rename left it (never a value that a rename during
 * the outage replaced, nor, once Redis is back, one that it cached before a rename it could not
 * evict), and once Redis is back the cache serves hits again.
 */
class RedisFaultIT extends OneInstanceUnderLoad {
    private static final Pattern HITS = Pattern.compile("(?m)^msapp_cache_requests_total\\{result=\"hit\"} ([0-9.E]+)$");

    /** A user outside the load: cached before the cut, renamed during it, then only read. */
    private Actor witness;

    RedisFaultIT() {
        super("redisfault");
    }

    @BeforeAll
    void witness() {
        witness = SteadyLoad.actors(client, "witness", 1).get(0);
    }

    @Test
    void cut_then_slowed_every_read_answers_200_with_the_right_data_and_the_cache_is_used_again() throws Exception {
        long lastOrder = Faults.lastOrder(services.db);
        List<Outcome> outcomes;
        double hitsBack;
        long readinessMillis;
        try (SteadyLoad load = SteadyLoad.start(List.of(client), actors, 10)) {
            assertThat(client.get("/users/" + witness.user(), witness.auth()).json().get("full_name").asText()).isEqualTo("Test witness_0");
            Faults.soak(2_000);
            services.redis.cut();
            readinessMillis = Faults.assertReadyWithout(client, "cache");
            var renamed = client.send("PATCH", "/users/" + witness.user(), Api.body("full_name", "Renamed During The Cut"), witness.auth());
            assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
            Thread.sleep(3_000);
            services.redis.slow(Duration.ofMillis(300));
            Thread.sleep(4_000);
            services.redis.restore();
            Thread.sleep(2_000);
            hitsBack = hits();
            Thread.sleep(3_000);
            outcomes = load.stop();
        }
        double hitsAtEnd = hits();

        assertThat(client.get("/users/" + witness.user(), witness.auth()).json().get("full_name").asText())
                .as("a user cached before the cut, renamed during it, read once Redis is back").isEqualTo("Renamed During The Cut");
        Faults.assertEachAnsweredWithin(outcomes, Faults.BUDGET);
        assertThat(outcomes).as("answers while Redis is cut and slow").allMatch(Outcome::succeeded);
        long reads = assertEachReadShowsTheLastRename(outcomes);
        assertThat(hitsAtEnd).as("cache hits in the last 3 s, Redis back").isGreaterThan(hitsBack);
        Actor first = actors.get(0);
        assertThat(client.get("/users/" + first.user(), first.auth()).status()).isEqualTo(200);
        assertThat(TestRedis.get(services.cachePrefix + "user:" + first.user())).as("a user read is cached again").isNotNull();
        Faults.Stored stored = Faults.assertEveryAcknowledgedWriteIsWhole(services.db, lastOrder, outcomes, actors);
        Report.print("Redis cut 4 s, then slowed 300 ms per round trip 4 s", outcomes,
                "%d reads of a user, each with its last rename; %.0f cache hits in the 3 s after Redis was back for 2 s; readiness 200 with the cache DOWN %d ms into the cut; %s"
                        .formatted(reads, hitsAtEnd - hitsBack, readinessMillis, stored));
    }

    /** Each actor reads its own user after each of its own renames: the full name read is the last one written. */
    private long assertEachReadShowsTheLastRename(List<Outcome> outcomes) {
        long reads = 0;
        for (int i = 0; i < actors.size(); i++) {
            int actor = i;
            String expected = "Test redisfault_" + actor;
            for (Outcome o : outcomes.stream().filter(o -> o.actor() == actor).sorted(Comparator.comparingLong(Outcome::startedNanos)).toList()) {
                if (o.kind().equals(RENAME)) expected = o.written();
                if (!o.kind().equals(READ_USER)) continue;
                assertThat(o.response().json().get("full_name").asText()).as("user %d read after its rename to '%s'",
                        actors.get(actor).user(), expected).isEqualTo(expected);
                reads++;
            }
        }
        return reads;
    }

    private double hits() {
        Matcher m = HITS.matcher(client.get("/metrics").body());
        assertThat(m.find()).as("the cache's hit counter in /metrics").isTrue();
        return Double.parseDouble(m.group(1));
    }
}
