package org.msapp.adapters.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests that java.net.http refuses to send (a malformed
 * Content-Length, a request line that is not HTTP, the method CONNECT). The request is sent as
 * given, byte for byte; the answer is read up to the end of its body, or until the server closes.
 */
final class RawHttp {
    private static final byte[] END_OF_HEAD = {'\r', '\n', '\r', '\n'};

    private RawHttp() {
    }

    /** An answer: its status, its headers (names in lower case, the last value of each) and its body as bytes. */
    record Answer(int status, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Sends {@code head} (the request line and headers, lines ending in CRLF, without the blank line) and {@code body}. */
    static Answer exchange(int port, String head, byte[] body) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            var out = socket.getOutputStream();
            out.write((head + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Answer exchange(int port, String head) {
        return exchange(port, head, new byte[0]);
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int headEnd = -1;
        Map<String, String> headers = new LinkedHashMap<>();
        int status = -1;
        long length = -1;
        for (int n; (n = in.read(buffer)) != -1; ) {
            received.write(buffer, 0, n);
            byte[] all = received.toByteArray();
            if (headEnd < 0 && (headEnd = indexOf(all, END_OF_HEAD)) >= 0) {
                String[] lines = new String(all, 0, headEnd, StandardCharsets.ISO_8859_1).split("\r\n");
                status = Integer.parseInt(lines[0].split(" ")[1]);
                for (int i = 1; i < lines.length; i++) {
                    int colon = lines[i].indexOf(':');
                    headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
                }
                if (headers.containsKey("content-length")) length = Long.parseLong(headers.get("content-length"));
                else if (status == 204 || status == 304) length = 0;
            }
            if (headEnd >= 0 && length >= 0 && all.length - headEnd - END_OF_HEAD.length >= length) break;
        }
        byte[] all = received.toByteArray();
        if (headEnd < 0) throw new IOException("no complete answer: " + new String(all, StandardCharsets.ISO_8859_1));
        byte[] body = Arrays.copyOfRange(all, headEnd + END_OF_HEAD.length, all.length);
        return new Answer(status, headers, "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? dechunk(body) : body);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOf(Arrays.copyOfRange(chunked, at, chunked.length), new byte[] {'\r', '\n'}) + at;
            int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].strip(), 16);
            if (size == 0) return body.toByteArray();
            body.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private static int indexOf(byte[] data, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= data.length; i++) {
            for (int j = 0; j < part.length; j++) if (data[i + j] != part[j]) continue outer;
            return i;
        }
        return -1;
    }
}
