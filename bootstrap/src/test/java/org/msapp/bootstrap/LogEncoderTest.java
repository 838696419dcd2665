package org.msapp.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

/** The log's two forms, as the service's own {@code logback.xml} makes them from {@code LOG_FORMAT}. */
class LogEncoderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The encoder of the console appender that logback.xml configures with {@code LOG_FORMAT} set to {@code format} (null: unset). */
    private static LogEncoder configuredWith(String format) throws JoranException {
        LoggerContext context = new LoggerContext();
        if (format != null) context.putProperty("LOG_FORMAT", format);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(LogEncoderTest.class.getResource("/logback.xml"));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        return (LogEncoder) ((OutputStreamAppender<ILoggingEvent>) root.getAppender("STDOUT")).getEncoder();
    }

    private static LoggingEvent event(String requestId, Object argument) {
        LoggingEvent event = new LoggingEvent("test", new LoggerContext().getLogger("msapp.access"), Level.INFO,
                "GET {} 200", null, new Object[] {argument});
        event.setMDCPropertyMap(requestId == null ? Map.of() : Map.of("request_id", requestId));
        event.addKeyValuePair(new KeyValuePair("route", "/users/{id}"));
        event.addKeyValuePair(new KeyValuePair("status", 200));
        return event;
    }

    private static String encoded(LogEncoder encoder, ILoggingEvent event) {
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }

    @Test
    void unset_the_log_is_text_with_the_request_id_in_brackets_when_a_request_is_served() throws JoranException {
        LogEncoder encoder = configuredWith(null);

        assertThat(encoded(encoder, event("req-1", "/users/{id}"))).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  \\[main] msapp\\.access \\[req-1] - GET /users/\\{id} 200\\R");
        assertThat(encoded(encoder, event(null, "/users/{id}"))).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  \\[main] msapp\\.access - GET /users/\\{id} 200\\R");
    }

    @Test
    void json_in_any_case_is_one_json_object_per_line_with_the_request_id_the_fields_and_the_message() throws Exception {
        for (String format : new String[] {"json", "JSON", " Json "}) {
            String line = encoded(configuredWith(format), event("req-2", "/users/{id}"));

            assertThat(line).as(format).endsWith("\n").doesNotContain("\n\n");
            assertThat(line.strip()).as(format).doesNotContain("\n");
            JsonNode json = JSON.readTree(line);
            assertThat(json.path("level").asText()).isEqualTo("INFO");
            assertThat(json.path("loggerName").asText()).isEqualTo("msapp.access");
            assertThat(json.path("timestamp").asLong()).isPositive();
            assertThat(json.path("mdc").path("request_id").asText()).isEqualTo("req-2");
            assertThat(json.path("formattedMessage").asText()).isEqualTo("GET /users/{id} 200");
            assertThat(json.path("kvpList").toString()).contains("\"route\":\"/users/{id}\"").contains("\"status\":\"200\"");
        }
    }

    @Test
    void json_writes_what_the_message_says_not_its_pattern_nor_its_arguments_apart() throws Exception {
        String line = encoded(configuredWith("json"), event("req-3", "argument-only-in-the-arguments"));

        JsonNode json = JSON.readTree(line);
        assertThat(json.has("message")).as("the raw pattern").isFalse();
        assertThat(json.has("arguments")).isFalse();
        assertThat(json.has("context")).isFalse();
        assertThat(json.path("formattedMessage").asText()).isEqualTo("GET argument-only-in-the-arguments 200");
    }

    @Test
    void an_unknown_format_is_text_and_is_known_as_unknown() throws JoranException {
        assertThat(encoded(configuredWith("xml"), event("req-4", "/x"))).contains(" [req-4] - GET /x 200");
        assertThat(LogEncoder.known("xml")).isFalse();
        assertThat(LogEncoder.known(null)).isTrue();
        assertThat(LogEncoder.known(" JSON")).isTrue();
        assertThat(LogEncoder.known("text")).isTrue();
    }

    @Test
    void an_exception_is_written_inside_the_json_object() throws IOException, JoranException {
        LoggingEvent event = new LoggingEvent("test", new LoggerContext().getLogger("x"), Level.ERROR, "failed", new IllegalStateException("boom\nline two"), null);
        event.setMDCPropertyMap(Map.of());

        JsonNode json = JSON.readTree(encoded(configuredWith("json"), event));

        assertThat(json.path("throwable").toString()).contains("IllegalStateException").contains("boom");
    }
}
