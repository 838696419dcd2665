package org.msapp.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A request refused before its body was read, whose body is still arriving when the answer is ready
 * (a client sending 40 KB to a wrong method, or without credentials): the answer reaches the client,
 * and the connection serves the next request, instead of being reset with the answer in it.
 */
class UnreadBodiesIT {
    private static TestServer service;

    @BeforeAll
    static void start() {
        service = TestServer.start();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void a_body_refused_unread_is_drained_so_the_answer_and_the_connection_survive() throws Exception {
        for (String request : new String[] {"OPTIONS /users", "PATCH /users/1", "POST /auth/token"}) {
            String answers = sendInTwoHalvesThenAnotherRequest(request);
            assertThat(answers).as(request).startsWith("HTTP/1.1 4").contains("application/problem+json")
                    .contains("HTTP/1.1 200");   // GET /health/live, on the same connection
        }
    }

    private static String sendInTwoHalvesThenAnotherRequest(String requestLine) throws IOException, InterruptedException {
        byte[] body = ("{\"full_name\":\"" + "x".repeat(40_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", service.port())) {
            socket.setSoTimeout(3_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + " HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, 0, body.length / 2);
            out.flush();
            Thread.sleep(300);   // the server decides while the rest is on its way
            out.write(body, body.length / 2, body.length - body.length / 2);
            out.write("GET /health/live HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) != -1; ) received.write(buffer, 0, n);
            } catch (SocketTimeoutException | java.net.SocketException ended) {
                // what came before the timeout or the reset is what the client got
            }
            return received.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
