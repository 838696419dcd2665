package org.msapp.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.msapp.adapters.http.ApiClient;
import org.msapp.bootstrap.TestService;

/** The OpenAPI document that the service serves agrees with the routes it registers, and holds together. */
class OpenApiIT {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Pattern ASSET = Pattern.compile("(?:href|src)=\"([^\"]+)\"");

    private final TestService service = TestService.start();

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void the_document_documents_exactly_the_routes_the_server_registers() {
        Set<String> registered = new TreeSet<>(service.app.routes());
        Set<String> documented = operations(document()).keySet();

        Set<String> undocumented = new TreeSet<>(registered);
        undocumented.removeAll(documented);
        Set<String> unregistered = new TreeSet<>(documented);
        unregistered.removeAll(registered);
        assertThat(registered).as("the routes the server registers").isNotEmpty();
        assertThat(documented)
                .withFailMessage("the document and the routes disagree:%n  registered but not documented: %s%n"
                        + "  documented but not registered: %s", undocumented, unregistered)
                .isEqualTo(registered);
    }

    @Test
    void every_ref_in_the_document_resolves() {
        JsonNode doc = document();
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);

        List<String> unresolved = refs.stream()
                .filter(ref -> !ref.startsWith("#/") || doc.at(ref.substring(1)).isMissingNode())
                .distinct().toList();
        assertThat(refs).as("the document's $refs").hasSizeGreaterThan(50);
        assertThat(unresolved).as("$refs that point at nothing in the document").isEmpty();
    }

    @Test
    void every_answer_documents_the_headers_that_every_answer_carries() {
        JsonNode doc = document();
        List<String> without = new ArrayList<>();
        operations(doc).forEach((operation, node) -> node.path("responses").fields().forEachRemaining(answer -> {
            JsonNode response = answer.getValue().has("$ref") ? doc.at(answer.getValue().get("$ref").asText().substring(1))
                    : answer.getValue();
            for (String header : List.of("X-Content-Type-Options", "X-Request-Id")) {
                if (!response.path("headers").has(header)) without.add(operation + " " + answer.getKey() + ": " + header);
            }
        }));
        assertThat(without).as("answers whose headers omit X-Content-Type-Options or X-Request-Id").isEmpty();
    }

    @Test
    void every_operation_documents_the_request_id_and_traceparent_a_caller_may_send() {
        JsonNode doc = document();
        List<String> without = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!METHODS.contains(op.getKey())) return;
            Set<String> names = new TreeSet<>();
            for (JsonNode params : List.of(path.getValue().path("parameters"), op.getValue().path("parameters"))) {
                params.forEach(p -> {
                    JsonNode param = p.has("$ref") ? doc.at(p.get("$ref").asText().substring(1)) : p;
                    if (param.path("in").asText().equals("header")) names.add(param.path("name").asText());
                });
            }
            if (!names.containsAll(List.of("X-Request-Id", "traceparent"))) without.add(op.getKey().toUpperCase() + " " + path.getKey());
        }));
        assertThat(without).as("operations that do not document the X-Request-Id and traceparent headers").isEmpty();
    }

    @Test
    void every_component_is_used() {
        JsonNode doc = document();
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        Set<String> used = new TreeSet<>(refs);

        List<String> unused = new ArrayList<>();
        for (String kind : List.of("schemas", "parameters", "responses", "headers")) {
            doc.path("components").path(kind).fieldNames().forEachRemaining(name -> {
                if (!used.contains("#/components/" + kind + "/" + name)) unused.add(kind + "/" + name);
            });
        }
        assertThat(unused).as("components no $ref points at").isEmpty();
    }

    @Test
    void the_operations_documented_with_security_are_the_ones_that_refuse_a_caller_without_credentials() {
        JsonNode doc = document();
        long user = service.register("alice", "Senha@123");
        var placed = service.send("POST", "/users/" + user + "/orders",
                "{\"item_description\":\"Keyboard\",\"item_quantity\":1,\"item_price\":100}",
                "Authorization", ApiClient.basic("alice", "Senha@123"));
        assertThat(placed.status()).isEqualTo(201);
        long order = placed.json().get("order_id").asLong();
        Set<String> schemes = new TreeSet<>();
        doc.path("components").path("securitySchemes").fieldNames().forEachRemaining(schemes::add);

        List<String> wrong = new ArrayList<>();
        operations(doc).forEach((route, op) -> {
            boolean secured = !op.path("security").isEmpty();
            Set<String> named = new TreeSet<>();
            op.path("security").forEach(requirement -> requirement.fieldNames().forEachRemaining(named::add));
            if (secured && !named.equals(schemes)) wrong.add(route + ": security must offer every scheme, not " + named);
            if (secured && !(op.path("responses").has("401") && op.path("responses").has("403"))) {
                wrong.add(route + ": security goes with a 401 and a 403 answer");
            }
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1);
            String concrete = path.replace("{id}", Long.toString(path.startsWith("/orders/") ? order : user));
            boolean withBody = Set.of("POST", "PUT", "PATCH").contains(method);
            var r = service.send(method, concrete, withBody ? "{}" : null);
            if (secured && (r.status() != 401 || r.header("WWW-Authenticate") == null)) {
                wrong.add(route + ": documented with security, but without credentials it answered " + r.status());
            } else if (!secured && r.status() == 401) {
                wrong.add(route + ": documented without security, but without credentials it answered 401");
            }
        });
        assertThat(schemes).containsExactlyInAnyOrder("bearerAuth", "basicAuth");
        assertThat(wrong).isEmpty();
    }

    @Test
    void the_request_examples_are_accepted_and_the_answers_have_the_documented_fields() {
        JsonNode doc = document();
        JsonNode registration = requestExample(doc, "/users", "post");
        var user = service.send("POST", "/users", registration.toString());
        assertThat(user.status()).as("POST /users with the document's example: %s", user.body()).isEqualTo(201);
        assertThat(user.header("Location")).isEqualTo("/users/" + user.json().get("user_id").asLong());
        assertThat(user.header("ETag")).isNotNull();
        assertThat(fieldNames(user.json())).isEqualTo(propertyNames(doc, "User")).isEqualTo(requiredNames(doc, "User"));

        String orders = "/users/" + user.json().get("user_id").asLong() + "/orders";
        String[] owner = {"Authorization", ApiClient.bearer(service.token(registration.get("nick_name").asText(),
                registration.get("password").asText()))};
        var order = service.send("POST", orders, requestExample(doc, "/users/{id}/orders", "post").toString(), owner);
        assertThat(order.status()).as("POST %s with the document's example: %s", orders, order.body()).isEqualTo(201);
        assertThat(fieldNames(order.json())).isEqualTo(propertyNames(doc, "Order")).isEqualTo(requiredNames(doc, "Order"));

        var page = service.get(orders, owner);
        assertThat(page.status()).isEqualTo(200);
        assertThat(fieldNames(page.json())).isEqualTo(propertyNames(doc, "OrderPage"));

        var problem = service.send("POST", "/users", "{\"nick_name\":\"x\"}");
        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.header("Content-Type")).startsWith("application/problem+json");
        assertThat(propertyNames(doc, "Problem")).containsAll(fieldNames(problem.json()));
        assertThat(fieldNames(problem.json())).containsAll(requiredNames(doc, "Problem"));
    }

    @Test
    void the_docs_page_loads_swagger_ui_from_the_local_webjar() {
        var page = service.get("/docs");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("/openapi.json");

        List<String> assets = new ArrayList<>();
        Matcher m = ASSET.matcher(page.body());
        while (m.find()) assets.add(m.group(1));
        assertThat(assets).anyMatch(a -> a.endsWith("/swagger-ui.css")).anyMatch(a -> a.endsWith("/swagger-ui-bundle.js"));
        for (String asset : assets) {
            assertThat(asset).as("served from this service's webjar").startsWith("/webjars/swagger-ui/");
            var r = service.get(asset);
            assertThat(r.status()).as("GET %s", asset).isEqualTo(200);
            assertThat(r.body()).as("GET %s", asset).hasSizeGreaterThan(1000);
            assertThat(r.header("Content-Type")).as("GET %s", asset).contains(asset.endsWith(".css") ? "css" : "javascript");
        }
    }

    @Test
    void the_document_is_served_as_json_and_is_openapi_3_1() {
        var r = service.get("/openapi.json");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        JsonNode doc = r.json();
        assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(doc.path("info").path("title").asText()).isNotBlank();
        assertThat(doc.path("info").path("version").asText()).isNotBlank();
        assertThat(doc.path("paths").size()).isPositive();
    }

    private JsonNode document() {
        var r = service.get("/openapi.json");
        assertThat(r.status()).as("GET /openapi.json").isEqualTo(200);
        return r.json();
    }

    /** Every operation, keyed as {@code HttpServer.routes()} names routes: {@code METHOD /path}. */
    private static Map<String, JsonNode> operations(JsonNode doc) {
        Map<String, JsonNode> ops = new TreeMap<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey())) ops.put(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue());
        }));
        return ops;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("$ref") && field.getValue().isTextual()) refs.add(field.getValue().textValue());
                else collectRefs(field.getValue(), refs);
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectRefs(element, refs));
        }
    }

    private static JsonNode requestExample(JsonNode doc, String path, String method) {
        JsonNode example = doc.path("paths").path(path).path(method).path("requestBody").path("content")
                .path("application/json").path("example");
        assertThat(example.isObject()).as("the example body of %s %s", method, path).isTrue();
        return example;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> propertyNames(JsonNode doc, String schema) {
        return fieldNames(doc.path("components").path("schemas").path(schema).path("properties"));
    }

    private static Set<String> requiredNames(JsonNode doc, String schema) {
        Set<String> names = new TreeSet<>();
        doc.path("components").path("schemas").path(schema).path("required").forEach(n -> names.add(n.asText()));
        return names;
    }
}
