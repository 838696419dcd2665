package org.msapp.adapters.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Map;

/** jsonb columns: event data and stored headers. Whole numbers come back as longs, as the domain wrote them. */
final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(DeserializationFeature.USE_LONG_FOR_INTS).build();

    private Json() {
    }

    static String write(Map<String, ?> value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON-ready: " + e.getOriginalMessage(), e);
        }
    }

    static <T> Map<String, T> read(String json, TypeReference<Map<String, T>> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored JSON value cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
