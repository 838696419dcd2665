package org.msapp.adapters.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.msapp.application.port.OutboxEvent;
import org.msapp.application.tracing.Trace;

/** The extension attributes that tie an event to the request that caused it. */
class CloudEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private static JsonNode body(Trace trace) throws IOException {
        OutboxEvent event = new OutboxEvent(UUID.randomUUID(), "user.deleted", "users/7", Instant.parse("2026-12-01T10:00:00Z"),
                Map.of("user_id", 7L), 0, trace);
        return JSON.readTree(CloudEvents.body(event));
    }

    @Test
    void an_event_a_request_caused_carries_its_request_id_and_traceparent() throws IOException {
        JsonNode ce = body(new Trace("f3a9-req", TRACEPARENT));

        assertThat(ce.get("requestid").asText()).isEqualTo("f3a9-req");
        assertThat(ce.get("traceparent").asText()).isEqualTo(TRACEPARENT);
        assertThat(ce.get("specversion").asText()).isEqualTo("1.0");
    }

    @Test
    void without_a_traceparent_only_the_request_id_is_carried() throws IOException {
        JsonNode ce = body(new Trace("f3a9-req", null));

        assertThat(ce.get("requestid").asText()).isEqualTo("f3a9-req");
        assertThat(ce.has("traceparent")).isFalse();
    }

    @Test
    void an_event_no_request_caused_has_neither_attribute() throws IOException {
        JsonNode ce = body(null);

        assertThat(ce.has("requestid")).isFalse();
        assertThat(ce.has("traceparent")).isFalse();
    }
}
