package org.msapp.adapters.rabbitmq;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.rabbitmq.client.AMQP;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.msapp.application.port.OutboxEvent;

/**
 * An outbox event as a CloudEvents 1.0 message in structured JSON mode: the whole event, attributes
 * and data, is the body ({@code application/cloudevents+json}); the AMQP message-id is the event id,
 * and delivery is persistent. An event that a request caused carries that request's id as the extension
 * attribute {@code requestid} and, when the caller sent one, its W3C {@code traceparent} (the
 * CloudEvents distributed tracing extension).
 */
final class CloudEvents {
    static final String CONTENT_TYPE = "application/cloudevents+json";
    static final String TYPE_PREFIX = "org.msapp.";
    static final String SOURCE = "/ms-application";
    static final String APP_ID = "ms-application";
    static final String REQUEST_ID = "requestid";
    static final String TRACEPARENT = "traceparent";
    private static final ObjectMapper JSON = new ObjectMapper();

    private CloudEvents() {
    }

    static byte[] body(OutboxEvent event) {
        Map<String, Object> ce = new LinkedHashMap<>();
        ce.put("specversion", "1.0");
        ce.put("id", event.id().toString());
        ce.put("source", SOURCE);
        ce.put("type", TYPE_PREFIX + event.type());
        ce.put("subject", event.subject());
        ce.put("time", event.occurredAt().toString());
        ce.put("datacontenttype", "application/json");
        if (event.trace() != null) {
            ce.put(REQUEST_ID, event.trace().requestId());
            if (event.trace().traceparent() != null) ce.put(TRACEPARENT, event.trace().traceparent());
        }
        ce.put("data", event.data());
        try {
            return JSON.writeValueAsBytes(ce);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + event.id() + " cannot be written as JSON", e);
        }
    }

    static AMQP.BasicProperties properties(OutboxEvent event) {
        return new AMQP.BasicProperties.Builder()
                .contentType(CONTENT_TYPE)
                .contentEncoding("utf-8")
                .deliveryMode(2)
                .messageId(event.id().toString())
                .type(TYPE_PREFIX + event.type())
                .timestamp(Date.from(event.occurredAt()))
                .appId(APP_ID)
                .build();
    }
}
