package org.msapp.bootstrap.reliability;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Generates hostile requests from a seed: every route, with path values, queries, headers and bodies
 * drawn from what breaks parsers and stores: wrong types, huge and negative numbers, deep nesting,
 * long strings, bytes that are not UTF-8, SQL and script fragments, duplicate and unknown keys. A
 * path value is sometimes the real id of the caller's user or order, so that the request reaches
 * the use case (never for a DELETE, which would end the run's subject).
 */
final class HostileRequests {
    record Request(String method, String path, byte[] body, String[] headers) {
        @Override
        public String toString() {
            String shown = body == null ? "" : " body " + new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8)
                    + (body.length > 300 ? "... (" + body.length + " bytes)" : "");
            return method + " " + path + " headers " + Arrays.toString(headers) + shown;
        }
    }

    private record Route(String method, String path, List<String> fields) {
    }

    private static final List<String> USER_FIELDS = List.of("nick_name", "password", "full_name", "cpf", "email", "phone_number");
    private static final List<String> ORDER_FIELDS = List.of("item_description", "item_quantity", "item_price");
    private static final List<Route> ROUTES = List.of(
            new Route("POST", "/users", USER_FIELDS),
            new Route("POST", "/auth/token", List.of()),
            new Route("GET", "/users", List.of()),
            new Route("GET", "/users/{user}", List.of()),
            new Route("PATCH", "/users/{user}", List.of("full_name", "email", "phone_number", "nick_name")),
            new Route("PUT", "/users/{user}/password", List.of("password", "new_password")),
            new Route("DELETE", "/users/{user}", List.of()),
            new Route("PUT", "/users/{user}/roles/admin", List.of()),
            new Route("DELETE", "/users/{user}/roles/admin", List.of()),
            new Route("POST", "/users/{user}/orders", ORDER_FIELDS),
            new Route("GET", "/users/{user}/orders", List.of()),
            new Route("GET", "/orders", List.of()),
            new Route("GET", "/orders/{order}", List.of()),
            new Route("PATCH", "/orders/{order}", ORDER_FIELDS),
            new Route("DELETE", "/orders/{order}", List.of()),
            new Route("GET", "/health/ready", List.of()),
            new Route("OPTIONS", "/users", List.of()),
            new Route("TRACE", "/users", List.of()));
    private static final List<String> IDS = List.of("0", "-1", "9223372036854775807", "9223372036854775808",
            "99999999999999999999999", "1.5", "1e3", "abc", "' OR '1'='1", "1;DROP TABLE users", "<script>alert(1)</script>",
            "../../etc/passwd", "%00", "null", "undefined", "NaN", "Infinity", "\u0000", "٣", "１", " 1", "0x10", "");
    private static final List<String> STRINGS = List.of("", " ", "a", "Robert'); DROP TABLE users;--", "' OR 1=1 --",
            "<script>alert(1)</script>", "${jndi:ldap://x/y}", "{{7*7}}", "\u0000", "\uFEFF", "\u202E", "😀",
            "é", "ä".repeat(60), "%s%n%x", "../../", "\\", "\"", "null", "true", "529.982.247-25", "00000000000",
            "x@y", "not-an-email", "+55 (11) 9", "12345678901234567890123456789012345678901234567890123");
    private static final List<String> NUMBERS = List.of("0", "-1", "1", "1000000", "1000001", "100000000", "100000001",
            "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808", "1e400", "-1e400",
            "1.5", "0.0", "-0", "1E2", "123456789012345678901234567890");

    private final Random random;
    private final long user;
    private final long order;

    HostileRequests(long seed, long user, long order) {
        this.random = new Random(seed);
        this.user = user;
        this.order = order;
    }

    int below(int bound) {
        return random.nextInt(bound);
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    Request next(String[] authorization) {
        Route route = pick(ROUTES);
        boolean real = !route.method().equals("DELETE") && random.nextInt(3) > 0;
        String path = route.path()
                .replace("{user}", real ? Long.toString(user) : encoded(pick(IDS)))
                .replace("{order}", real ? Long.toString(order) : encoded(pick(IDS)));
        if (random.nextInt(4) == 0) path += "?" + query();
        List<String> headers = new ArrayList<>(Arrays.asList(authorization));
        headers.addAll(headers());
        byte[] body = route.method().equals("GET") || route.method().equals("DELETE") && random.nextInt(4) > 0 ? null : body(route);
        return new Request(route.method(), path, body, headers.toArray(String[]::new));
    }

    private String query() {
        String name = pick(List.of("limit", "after", "nick_name", "limit", "x"));
        String value = random.nextBoolean() ? pick(NUMBERS) : pick(STRINGS);
        String query = name + "=" + encoded(value);
        return random.nextInt(4) == 0 ? query + "&" + query : query;
    }

    private List<String> headers() {
        List<String> headers = new ArrayList<>();
        switch (random.nextInt(8)) {
            case 0 -> headers.addAll(List.of("Content-Type", pick(List.of("text/plain", "application/xml", "application/json; charset=latin1",
                    "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "*/*", "application/problem+json"))));
            case 1 -> headers.addAll(List.of("If-Match", pick(List.of("\"1\"", "*", "W/\"1\"", "garbage", "\"99999999999999999999\""))));
            case 2 -> headers.addAll(List.of("Idempotency-Key", pick(List.of("k", "x".repeat(300), "' OR 1=1", "<b>", "key with spaces"))));
            case 3 -> headers.addAll(List.of("If-None-Match", pick(List.of("*", "\"1\"", "garbage"))));
            case 4 -> headers.addAll(List.of("X-Forwarded-For", pick(List.of("1.2.3.4", "not-an-address", "::1, 10.0.0.1", "999.1.1.1"))));
            case 5 -> headers.addAll(List.of("Accept", pick(List.of("application/xml", "text/html", "*/*", "application/json;q=0"))));
            default -> { }
        }
        return headers;
    }

    private byte[] body(Route route) {
        return switch (random.nextInt(10)) {
            case 0 -> bytes(pick(List.of("", "null", "[]", "\"text\"", "42", "{", "{\"a\":}", "{'single':'quotes'}", "NaN")));
            case 1 -> invalidUtf8(route);
            case 2 -> bytes("[".repeat(2_000 + random.nextInt(20_000)) + "]".repeat(10));
            case 3 -> bytes("{\"" + field(route) + "\":\"" + "x".repeat(1_000 + random.nextInt(80_000)) + "\"}");
            case 4 -> bytes(duplicateKeys(route));
            default -> bytes(object(route, 0));
        };
    }

    private String field(Route route) {
        return route.fields().isEmpty() || random.nextInt(6) == 0 ? pick(List.of("unknown", "user_id", "version", "admin", "__proto__", ""))
                : pick(route.fields());
    }

    private String object(Route route, int depth) {
        StringBuilder json = new StringBuilder("{");
        int fields = random.nextInt(route.fields().size() + 2);
        for (int i = 0; i < fields; i++) {
            if (i > 0) json.append(',');
            json.append('"').append(field(route)).append("\":").append(value(route, depth));
        }
        return json.append('}').toString();
    }

    private String value(Route route, int depth) {
        return switch (random.nextInt(depth > 3 ? 4 : 6)) {
            case 0 -> pick(NUMBERS);
            case 1 -> quoted(pick(STRINGS));
            case 2 -> pick(List.of("true", "false", "null"));
            case 3 -> quoted(pick(STRINGS).repeat(1 + random.nextInt(4)));
            case 4 -> "[" + value(route, depth + 1) + "," + value(route, depth + 1) + "]";
            default -> object(route, depth + 1);
        };
    }

    private String duplicateKeys(Route route) {
        String name = route.fields().isEmpty() ? "a" : pick(route.fields());
        return "{\"" + name + "\":" + value(route, 4) + ",\"" + name + "\":" + value(route, 4) + "}";
    }

    private byte[] invalidUtf8(Route route) {
        byte[] start = bytes("{\"" + field(route) + "\":\"");
        byte[] bad = pick(List.of(new byte[] {(byte) 0xC3}, new byte[] {(byte) 0xFF, (byte) 0xFE}, new byte[] {(byte) 0xED, (byte) 0xA0,
                (byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80}));
        byte[] end = bytes("\"}");
        byte[] all = Arrays.copyOf(start, start.length + bad.length + end.length);
        System.arraycopy(bad, 0, all, start.length, bad.length);
        System.arraycopy(end, 0, all, start.length + bad.length, end.length);
        return all;
    }

    /** A value as it goes into a path or a query: percent-encoded, a space as %20. */
    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String quoted(String s) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') json.append('\\').append(c);
            else if (c < 0x20) json.append(String.format("\\u%04x", (int) c));
            else json.append(c);
        }
        return json.append('"').toString();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
