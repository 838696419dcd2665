package org.msapp.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.msapp.application.fixtures.InMemoryServices;

/**
 * The HTTP adapter alone: {@link HttpServer} on 127.0.0.1 and a random port, on every use case wired
 * on the in-memory adapters ({@link InMemoryServices}), with a small HTTP client to drive it. The user
 * named {@link #ADMIN} is an administrator once registered.
 */
final class TestServer implements AutoCloseable {
    static final String ADMIN = "root";
    private static final byte[] REQUEST_HASH_KEY = "a test key for the digests of idempotent requests".getBytes(StandardCharsets.UTF_8);
    private static final ObjectMapper JSON = new ObjectMapper();

    final InMemoryServices services = new InMemoryServices();
    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    private TestServer() {
        server = new HttpServer(services.useCases, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                new HttpServer.Settings("127.0.0.1", 0, 1_000, REQUEST_HASH_KEY)).start();
        base = "http://127.0.0.1:" + server.port();
    }

    static TestServer start() {
        return new TestServer();
    }

    /** An answer; its body is kept as the bytes that came, so that {@link #json()} reads them as strict UTF-8. */
    record Response(int status, HttpHeaders headers, byte[] bytes) {
        /** The body as text, any byte that is not UTF-8 shown as U+FFFD. */
        String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        /** The body as JSON; bytes that are not UTF-8 fail it. */
        JsonNode json() {
            try {
                return JSON.readTree(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON in UTF-8: " + body(), e);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    int port() {
        return server.port();
    }

    String baseUrl() {
        return base;
    }

    /** Every route the server registered, as {@code METHOD /path}. */
    List<String> routes() {
        return server.routes();
    }

    Response get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    /** Sends JSON (Content-Type: application/json) unless a Content-Type is among the headers. */
    Response send(String method, String path, String body, String... headers) {
        return sendBytes(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), false, headers);
    }

    /** Sends these bytes as they are, JSON unless a Content-Type is among the headers; with a Content-Length or (chunked) without one. */
    Response sendBytes(String method, String path, byte[] body, boolean chunked, String... headers) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
        boolean typed = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            typed |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (body != null && !typed) request.header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            var response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A bearer token for these credentials, from POST /auth/token. */
    String token(String nickName, String password) {
        Response r = send("POST", "/auth/token", null, "Authorization", basic(nickName, password));
        if (r.status() != 200) throw new IllegalStateException("token for " + nickName + ": " + r.status() + " " + r.body());
        return r.json().get("access_token").asText();
    }

    /** The value of an Authorization header with a bearer token. */
    static String bearer(String token) {
        return "Bearer " + token;
    }

    /** The value of an Authorization header with HTTP Basic credentials. */
    static String basic(String nickName, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((nickName + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Registers a user with valid data and returns its id. */
    long register(String nickName, String password) {
        Response r = send("POST", "/users", Api.userBody(nickName, password));
        if (r.status() != 201) throw new IllegalStateException("register " + nickName + ": " + r.status() + " " + r.body());
        return r.json().get("user_id").asLong();
    }

    @Override
    public void close() {
        server.close();
    }
}
