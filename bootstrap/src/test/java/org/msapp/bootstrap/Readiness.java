package org.msapp.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;
import org.msapp.adapters.http.ApiClient.Response;

/** The checks of what /health/ready may tell anyone: each part's state, and no address or version of it. */
public final class Readiness {
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+");
    private static final Pattern PORT = Pattern.compile(":\\d+");
    private static final int SHORT = 64;

    private Readiness() {
    }

    /**
     * The components of a readiness answer, after checking that each has a state and a short detail
     * naming no host, port or version, nor any of {@code secrets} (a database's name, a proxy's port).
     */
    public static JsonNode components(Response ready, String... secrets) {
        JsonNode components = ready.json().path("components");
        assertThat(components.isObject()).as("components in %s", ready.body()).isTrue();
        components.fields().forEachRemaining(c -> {
            String detail = c.getValue().path("detail").asText();
            String what = c.getKey() + ": " + detail;
            assertThat(c.getValue().path("status").asText()).as(what).isIn("UP", "DOWN");
            assertThat(detail).as(what).isNotBlank().hasSizeLessThanOrEqualTo(SHORT)
                    .doesNotContain("127.0.0.1", "localhost").doesNotContainPattern(VERSION).doesNotContainPattern(PORT);
            if (secrets.length > 0) assertThat(detail).as(what).doesNotContain(secrets);
        });
        return components;
    }
}
