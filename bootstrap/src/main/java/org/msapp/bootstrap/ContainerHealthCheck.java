package org.msapp.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;

/**
 * The image's HEALTHCHECK: asks this container's service for {@code /health/ready} and exits 0 when it answers
 * 200, 1 otherwise (503, no answer, no answer in time). A class of its own in the jar, so that the check needs
 * nothing of the image but its java (curl or wget is not promised in a JRE image):
 * {@code java -cp ms-application.jar org.msapp.bootstrap.ContainerHealthCheck}. It reads HTTP_PORT as
 * the service does and touches nothing else of the service: no logging, no configuration beyond that.
 */
public final class ContainerHealthCheck {
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private ContainerHealthCheck() {
    }

    public static void main(String[] args) {
        String port = System.getenv().getOrDefault("HTTP_PORT", "8080").strip();
        System.exit(check(URI.create("http://127.0.0.1:" + port + "/health/ready"), TIMEOUT, System.out));
    }

    /** 0 when {@code ready} answers 200 within {@code timeout}, else 1; one line on {@code out} says which. */
    static int check(URI ready, Duration timeout, PrintStream out) {
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) ready.toURL().openConnection();
            connection.setConnectTimeout((int) timeout.toMillis());
            connection.setReadTimeout((int) timeout.toMillis());
            connection.setUseCaches(false);
            int status = connection.getResponseCode();
            drain(status < 400 ? connection.getInputStream() : connection.getErrorStream());
            out.println(ready.getPath() + " answered " + status);
            return status == 200 ? 0 : 1;
        } catch (IOException | RuntimeException e) {
            out.println(ready.getPath() + " did not answer: " + e);
            return 1;
        } finally {
            if (connection != null) connection.disconnect();
        }
    }

    private static void drain(InputStream body) throws IOException {
        if (body == null) return;
        try (body) {
            body.readAllBytes();
        }
    }
}
