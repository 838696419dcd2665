package org.msapp.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.msapp.adapters.http.ApiClient.Response;

/**
 * Every answer tells the browser not to guess its type, and none names the server; every answer but
 * the documentation's (the page, the document, Swagger UI's files) is never to be stored, as it
 * carries a user, an order, a token, a problem that may be about credentials, or a passing state. The
 * routes are read off the OpenAPI document, so that a route documented later is walked too.
 */
class SecurityHeadersIT extends AliceAndHerOrderOnTestServer {
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    private static final String[] NOBODY = {};
    private static final String[] BAD_TOKEN = {"Authorization", "Bearer not-a-token"};
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);

    /** One operation of the document: {@code method} in upper case, {@code body} the example request body or null. */
    private record Operation(String method, String path, String body) {
    }

    @Test
    void every_documented_route_answers_with_the_headers_whoever_calls_and_whatever_the_outcome() {
        List<Operation> operations = documentedOperations();
        SoftAssertions soft = new SoftAssertions();
        int answers = 0;
        int revalidated = 0;
        for (Operation op : operations) {
            String path = concrete(op.path());
            for (String[] caller : List.of(NOBODY, BAD_TOKEN, admin)) {
                String what = op.method() + " " + path + (caller == admin ? " as the administrator"
                        : caller == NOBODY ? " without credentials" : " with a bad token");
                Response r = service.send(op.method(), path, op.body(), caller);
                assertHeaders(soft, what, path, r);
                answers++;
                if (op.method().equals("GET")) {
                    assertHeaders(soft, "HEAD" + what.substring(3), path, service.send("HEAD", path, null, caller));
                    if (r.status() == 200 && r.header("ETag") != null) {
                        Response current = service.get(path, Api.with(caller, "If-None-Match", r.header("ETag")));
                        soft.assertThat(current.status()).as("%s, If-None-Match its ETag", what).isEqualTo(304);
                        assertHeaders(soft, what + ", If-None-Match its ETag", path, current);
                        revalidated++;
                    }
                }
            }
        }
        soft.assertAll();
        assertThat(operations).as("the operations of the document").hasSizeGreaterThanOrEqualTo(18);
        assertThat(answers).isEqualTo(3 * operations.size());
        assertThat(revalidated).as("reads answered 304 to If-None-Match").isGreaterThanOrEqualTo(2);
    }

    @Test
    void answers_to_what_the_document_does_not_name_carry_them_too() {
        String asset = assetsOfTheDocsPage().get(0);
        SoftAssertions soft = new SoftAssertions();

        assertHeaders(soft, "an unknown path", "/nothing/here", service.get("/nothing/here", admin));
        assertHeaders(soft, "a method the path has not", "/orders", service.send("PUT", "/orders", "{}", admin));
        assertHeaders(soft, "a body that is not JSON", "/users",
                service.send("POST", "/users", "nick_name=x", "Content-Type", "application/x-www-form-urlencoded"));
        assertHeaders(soft, "a body over 64 KiB", "/users", service.send("POST", "/users", "{\"a\":\"" + "x".repeat(70_000) + "\"}"));
        assertHeaders(soft, "an id that is not a number", "/users/x", service.get("/users/x", admin));
        assertHeaders(soft, "a file of Swagger UI", asset, service.get(asset));
        soft.assertAll();
    }

    @Test
    void what_jetty_refuses_before_javalin_sees_it_carries_them_too() {
        String[] refused = {
                "G@T /users/1 HTTP/1.1\r\nHost: 127.0.0.1\r\n",
                "GET /users/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 12abc\r\n",
                "GET /users/%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n",
                "GET /users/" + "9".repeat(10_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n",
                "GET /users/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + "p".repeat(20_000) + "\r\n"};
        SoftAssertions soft = new SoftAssertions();
        for (String head : refused) {
            RawHttp.Answer a = RawHttp.exchange(service.port(), head + "Connection: close\r\n");
            String what = head.substring(0, Math.min(40, head.indexOf('\r'))) + "...";

            soft.assertThat(a.status()).as("%s: status", what).isBetween(400, 499);
            soft.assertThat(a.header("X-Content-Type-Options")).as("%s: X-Content-Type-Options", what).isEqualTo("nosniff");
            soft.assertThat(a.header("Cache-Control")).as("%s: Cache-Control", what).isEqualTo("no-store");
            soft.assertThat(a.header("Server")).as("%s: Server", what).isNull();
        }
        soft.assertAll();
    }

    @Test
    void the_docs_page_may_be_framed_by_no_one_sends_no_referrer_and_runs_under_its_policy() {
        Response page = service.get("/docs");
        String policy = page.header("Content-Security-Policy");

        assertThat(page.status()).isEqualTo(200);
        assertThat(policy).contains("frame-ancestors 'none'").contains("default-src 'none'");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(directive(policy, "script-src")).as("scripts: this service's files, and the inline one by its hash")
                .containsExactly("'self'", "'" + sha256(inlineScript(page.body())) + "'");
        assertThat(directive(policy, "connect-src")).as("fetching the document").containsExactly("'self'");
        assertThat(assetsOfTheDocsPage()).as("every script and style comes from this service")
                .isNotEmpty().allMatch(asset -> asset.startsWith("/webjars/swagger-ui/"));
    }

    private static void assertHeaders(SoftAssertions soft, String what, String path, Response r) {
        soft.assertThat(r.header("X-Content-Type-Options")).as("%s (%d): X-Content-Type-Options", what, r.status()).isEqualTo("nosniff");
        soft.assertThat(r.header("Server")).as("%s (%d): Server", what, r.status()).isNull();
        soft.assertThat(r.header("X-Powered-By")).as("%s (%d): X-Powered-By", what, r.status()).isNull();
        if (!documentation(path)) {
            soft.assertThat(r.header("Cache-Control")).as("%s (%d): Cache-Control", what, r.status()).isEqualTo("no-store");
        }
    }

    private static boolean documentation(String path) {
        return Set.of("/docs", "/openapi.json").contains(path) || path.startsWith("/webjars/");
    }

    /** Reads first, then writes, deletions last, so that what a deletion removes was there for the others. */
    private List<Operation> documentedOperations() {
        JsonNode doc = service.get("/openapi.json").json();
        List<Operation> operations = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!METHODS.contains(op.getKey())) return;
            JsonNode example = op.getValue().path("requestBody").path("content").path("application/json").path("example");
            operations.add(new Operation(op.getKey().toUpperCase(), path.getKey(), example.isMissingNode() ? null : example.toString()));
        }));
        operations.sort(Comparator.comparingInt(op -> METHODS.indexOf(op.method().toLowerCase())));
        return operations;
    }

    /** alice's user and order for {@code {id}}; 1 for any other parameter. */
    private String concrete(String path) {
        return path.replace("/orders/{id}", "/orders/" + order).replace("{id}", Long.toString(alice)).replaceAll("\\{[^}]+}", "1");
    }

    private List<String> assetsOfTheDocsPage() {
        List<String> assets = new ArrayList<>();
        Matcher m = Pattern.compile("(?:href|src)=\"([^\"]+)\"").matcher(service.get("/docs").body());
        while (m.find()) assets.add(m.group(1));
        return assets;
    }

    private static List<String> directive(String policy, String name) {
        for (String directive : policy.split(";")) {
            List<String> words = List.of(directive.strip().split("\\s+"));
            if (words.get(0).equals(name)) return words.subList(1, words.size());
        }
        return List.of();
    }

    private static String inlineScript(String page) {
        Matcher m = INLINE_SCRIPT.matcher(page);
        assertThat(m.find()).as("an inline script in %s", page).isTrue();
        String script = m.group(1);
        assertThat(m.find()).as("one inline script only").isFalse();
        return script;
    }

    private static String sha256(String text) {
        try {
            return "sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
