package org.msapp.adapters.http;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.msapp.adapters.http.ApiClient.Response;
import org.msapp.application.fixtures.InMemoryServices;

/**
 * The HTTP adapter alone: {@link HttpServer} on 127.0.0.1 and a random port, on every use case wired
 * on the in-memory adapters ({@link InMemoryServices}), with an {@link ApiClient} to drive it. It starts
 * with one user, the administrator {@link Api#ADMIN}, made as the service makes the first one.
 */
final class TestServer implements AutoCloseable {
    private static final byte[] REQUEST_HASH_KEY = "a test key for the digests of idempotent requests".getBytes(StandardCharsets.UTF_8);

    final InMemoryServices services = new InMemoryServices();
    /** What the server's metrics are recorded in. */
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HttpServer server;
    /** The HTTP client of this server. */
    final ApiClient client;

    private TestServer() {
        server = new HttpServer(services.useCases, registry,
                new HttpServer.Settings("127.0.0.1", 0, 1_000, REQUEST_HASH_KEY)).start();
        client = new ApiClient(server.port());
        services.bootstrapAdmin.handle(Api.bootstrapAdmin());
    }

    static TestServer start() {
        return new TestServer();
    }

    int port() {
        return server.port();
    }

    /** Every route the server registered, as {@code METHOD /path}. */
    List<String> routes() {
        return server.routes();
    }

    Response get(String path, String... headers) {
        return client.get(path, headers);
    }

    /** Sends JSON (Content-Type: application/json) unless a Content-Type is among the headers. */
    Response send(String method, String path, String body, String... headers) {
        return client.send(method, path, body, headers);
    }

    /** Sends these bytes as they are, JSON unless a Content-Type is among the headers; with a Content-Length or (chunked) without one. */
    Response sendBytes(String method, String path, byte[] body, boolean chunked, String... headers) {
        return client.sendBytes(method, path, body, chunked, headers);
    }

    /** A bearer token for these credentials, from POST /auth/token. */
    String token(String nickName, String password) {
        return client.token(nickName, password);
    }

    /** Registers a user with valid data and returns its id. */
    long register(String nickName, String password) {
        return client.register(nickName, password);
    }

    @Override
    public void close() {
        server.close();
    }
}
