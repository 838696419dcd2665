package org.msapp.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A small HTTP/1.1 client of one server running on 127.0.0.1: the adapter alone ({@link TestServer}),
 * or the whole service in bootstrap's end-to-end tests. A request that gets no answer within 10 s
 * fails the test instead of hanging it.
 */
public final class ApiClient {
    private static final Duration ANSWER = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public ApiClient(int port) {
        base = "http://127.0.0.1:" + port;
    }

    /** An answer; its body is kept as the bytes that came, so that {@link #json()} reads them as strict UTF-8. */
    public record Response(int status, HttpHeaders headers, byte[] bytes) {
        /** The body as text, any byte that is not UTF-8 shown as U+FFFD. */
        public String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        /** The body as JSON; bytes that are not UTF-8 fail it. */
        public JsonNode json() {
            try {
                return JSON.readTree(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON in UTF-8: " + body(), e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public String baseUrl() {
        return base;
    }

    public Response get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    /** Sends JSON (Content-Type: application/json) unless a Content-Type is among the headers. */
    public Response send(String method, String path, String body, String... headers) {
        return sendBytes(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), false, headers);
    }

    /** Sends these bytes as they are, JSON unless a Content-Type is among the headers; with a Content-Length or (chunked) without one. */
    public Response sendBytes(String method, String path, byte[] body, boolean chunked, String... headers) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(ANSWER);
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
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (HttpTimeoutException e) {
            throw new UncheckedIOException(method + " " + path + " hung: no answer within " + ANSWER.toSeconds() + " s", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A bearer token for these credentials, from POST /auth/token. */
    public String token(String nickName, String password) {
        Response r = send("POST", "/auth/token", null, "Authorization", basic(nickName, password));
        if (r.status() != 200) throw new IllegalStateException("token for " + nickName + ": " + r.status() + " " + r.body());
        return r.json().get("access_token").asText();
    }

    /** Registers a user with {@link Api#userJson valid data} and returns its id. */
    public long register(String nickName, String password) {
        Response r = send("POST", "/users", Api.userBody(nickName, password));
        if (r.status() != 201) throw new IllegalStateException("register " + nickName + ": " + r.status() + " " + r.body());
        return r.json().get("user_id").asLong();
    }

    /** The value of an Authorization header with a bearer token. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** The value of an Authorization header with HTTP Basic credentials. */
    public static String basic(String nickName, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((nickName + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
