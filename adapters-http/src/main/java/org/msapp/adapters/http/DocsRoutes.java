package org.msapp.adapters.http;

import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Properties;

/**
 * The OpenAPI document at /openapi.json and Swagger UI (from its webjar, served locally) at /docs.
 * The page may run only this service's scripts and its own inline one (named by its hash), fetch
 * only from this service, and be framed by no one.
 */
final class DocsRoutes {
    static final String OPENAPI = "/org/msapp/adapters/http/openapi.json";
    static final String PAGE_PATH = "/docs";
    static final String DOCUMENT_PATH = "/openapi.json";
    private static final String SCRIPT = """
            window.onload = () => { window.ui = SwaggerUIBundle({url: '/openapi.json', dom_id: '#swagger-ui', validatorUrl: null,
              presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: 'StandaloneLayout'}); };""";
    private static final String PAGE = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>ms-application API</title>
            <link rel="stylesheet" href="%1$s/swagger-ui.css"></head>
            <body><div id="swagger-ui"></div>
            <script src="%1$s/swagger-ui-bundle.js"></script>
            <script src="%1$s/swagger-ui-standalone-preset.js"></script>
            <script>%2$s</script>
            </body></html>
            """;
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self' '" + sha256(SCRIPT) + "'; "
            + "style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final String document = resource(OPENAPI);
    private final String page = PAGE.formatted("/webjars/swagger-ui/" + swaggerUiVersion(), SCRIPT);

    void register(RoutesConfig routes) {
        Routes.get(routes, DOCUMENT_PATH, ctx -> ctx.contentType("application/json").result(document));
        Routes.get(routes, PAGE_PATH, ctx -> ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("Referrer-Policy", "no-referrer").html(page));
    }

    static String resource(String path) {
        try (InputStream in = DocsRoutes.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException(path + " is not on the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String swaggerUiVersion() {
        Properties props = new Properties();
        try (InputStream in = DocsRoutes.class.getResourceAsStream("/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) throw new IllegalStateException("the swagger-ui webjar is not on the classpath");
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props.getProperty("version");
    }

    /** A CSP source that allows the inline script with exactly this text. */
    private static String sha256(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
