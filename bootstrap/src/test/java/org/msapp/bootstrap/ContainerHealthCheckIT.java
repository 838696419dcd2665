package org.msapp.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The image's HEALTHCHECK command, run against a service here: 0 only for a 200 from /health/ready. */
class ContainerHealthCheckIT {
    private final ByteArrayOutputStream said = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(said, true, StandardCharsets.UTF_8);

    @Test
    void a_ready_service_passes() {
        try (TestService service = TestService.start()) {
            int exit = ContainerHealthCheck.check(URI.create("http://127.0.0.1:" + service.app.port() + "/health/ready"),
                    ContainerHealthCheck.TIMEOUT, out);
            assertThat(exit).isZero();
            assertThat(said.toString(StandardCharsets.UTF_8)).contains("/health/ready answered 200");
        }
    }

    @Test
    void a_service_that_answers_503_fails() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/health/ready", exchange -> {
            byte[] body = "{\"status\":\"DOWN\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            int exit = ContainerHealthCheck.check(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/health/ready"),
                    ContainerHealthCheck.TIMEOUT, out);
            assertThat(exit).isEqualTo(1);
            assertThat(said.toString(StandardCharsets.UTF_8)).contains("answered 503");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void nothing_listening_fails() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        assertThat(ContainerHealthCheck.check(URI.create("http://127.0.0.1:" + port + "/health/ready"), ContainerHealthCheck.TIMEOUT, out))
                .isEqualTo(1);
        assertThat(said.toString(StandardCharsets.UTF_8)).contains("did not answer");
    }

    @Test
    void a_service_that_does_not_answer_in_time_fails() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {   // accepts, never answers
            long started = System.nanoTime();
            int exit = ContainerHealthCheck.check(URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/health/ready"),
                    Duration.ofMillis(300), out);
            assertThat(exit).isEqualTo(1);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        }
    }
}
