package org.msapp.adapters.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.msapp.domain.InvalidField;

/**
 * A request body: one JSON object with known fields of the right JSON types, or a 400. Whether a
 * value is acceptable is the domain's to say (422); whether it can be read at all is said here.
 */
final class Body {
    private final ObjectNode node;

    private Body(ObjectNode node) {
        this.node = node;
    }

    static Body parse(Context ctx, Set<String> fields) {
        return parse(ctx.bodyAsBytes(), fields);
    }

    /** {@code fields}: the names this request may hold; any other is refused by name. */
    static Body parse(byte[] bytes, Set<String> fields) {
        if (bytes.length == 0) throw new BadRequest("the request body is empty; a JSON object is expected");
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            throw new BadRequest("the body is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (IOException e) {
            throw new BadRequest("the body could not be read");
        }
        if (!(tree instanceof ObjectNode object)) throw new BadRequest("the body must be a JSON object");
        List<BadRequest.FieldError> unknown = new ArrayList<>();
        object.fieldNames().forEachRemaining(name -> {
            if (!fields.contains(name)) unknown.add(new BadRequest.FieldError(name, "is not a field of this request"));
        });
        if (!unknown.isEmpty()) throw new BadRequest("the body has unknown fields", unknown);
        return new Body(object);
    }

    /** The string, or null when the field is absent or null (the domain then says it is required). */
    String text(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return null;
        if (!value.isTextual()) throw BadRequest.field(field, "must be a string");
        return value.textValue();
    }

    /** The whole number, or null when absent or null. 1.0, "1" and numbers past a long are refused. */
    Long integer(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return null;
        if (!value.isIntegralNumber() || !value.canConvertToLong()) throw BadRequest.field(field, "must be a whole number");
        return value.longValue();
    }

    /** For a partial update: empty when absent; a present null is refused, as nothing here can be unset. */
    Optional<String> optionalText(String field) {
        if (!node.has(field)) return Optional.empty();
        if (node.get(field).isNull()) throw new InvalidField(field, "must not be null");
        return Optional.of(text(field));
    }

    Optional<Long> optionalInteger(String field) {
        if (!node.has(field)) return Optional.empty();
        if (node.get(field).isNull()) throw new InvalidField(field, "must not be null");
        return Optional.of(integer(field));
    }
}
