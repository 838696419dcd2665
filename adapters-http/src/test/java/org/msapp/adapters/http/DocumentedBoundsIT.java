package org.msapp.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.msapp.adapters.http.ApiClient.Response;

/**
 * The bounds that the OpenAPI document sets on request fields (maxLength, minLength, maximum,
 * minimum) are the ones the service enforces: a client that trusts the document expects a 422 naming
 * the field for a value past one, and gets it.
 */
class DocumentedBoundsIT extends AliceAndHerOrderOnTestServer {
    /** One value just past one bound of one field, in the document's example body of an operation. */
    private record Probe(String method, String path, String field, String bound, ObjectNode body) {
    }

    @Test
    void every_bound_the_document_sets_on_a_request_field_is_refused_with_a_422_naming_it() {
        List<Probe> probes = probes(service.get("/openapi.json").json());
        SoftAssertions soft = new SoftAssertions();
        for (Probe p : probes) {
            Response r = service.send(p.method(), concrete(p.path()), Api.write(p.body()), owner);

            String what = p.method() + " " + p.path() + " " + p.field() + " past " + p.bound();
            soft.assertThat(r.status()).as("%s: %s", what, r.body()).isEqualTo(422);
            if (r.status() == 422) soft.assertThat(Api.errorFields(r)).as(what).contains(p.field());
        }
        soft.assertAll();
        assertThat(probes).as("bounds in the document").hasSizeGreaterThan(20);
        assertThat(service.get("/users/" + alice, owner).json().get("nick_name").asText()).as("nothing changed").isEqualTo("alice");
    }

    private String concrete(String path) {
        return path.replace("/orders/{id}", "/orders/" + order).replace("{id}", Long.toString(alice));
    }

    private static List<Probe> probes(JsonNode doc) {
        List<Probe> probes = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            JsonNode content = op.getValue().path("requestBody").path("content").path("application/json");
            if (content.isMissingNode()) return;
            assertThat(content.path("example").isObject()).as("the example body of %s %s", op.getKey(), path.getKey()).isTrue();
            resolve(doc, content.path("schema")).path("properties").fields().forEachRemaining(field -> {
                JsonNode schema = resolve(doc, field.getValue());
                for (String bound : List.of("maxLength", "minLength", "maximum", "minimum")) {
                    if (!schema.has(bound)) continue;
                    long limit = schema.get(bound).asLong();
                    ObjectNode body = ((ObjectNode) content.get("example")).deepCopy();
                    switch (bound) {
                        case "maxLength" -> body.put(field.getKey(), "a".repeat((int) limit + 1));
                        case "minLength" -> body.put(field.getKey(), "a".repeat((int) Math.max(0, limit - 1)));
                        case "maximum" -> body.put(field.getKey(), limit + 1);
                        default -> body.put(field.getKey(), limit - 1);
                    }
                    if (!bound.equals("minLength") || limit > 0) {
                        probes.add(new Probe(op.getKey().toUpperCase(), path.getKey(), field.getKey(), bound + " " + limit, body));
                    }
                }
            });
        }));
        return probes;
    }

    private static JsonNode resolve(JsonNode doc, JsonNode schema) {
        return schema.has("$ref") ? doc.at(schema.get("$ref").asText().substring(1)) : schema;
    }
}
