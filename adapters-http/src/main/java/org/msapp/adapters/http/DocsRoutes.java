package org.msapp.adapters.http;

import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** The OpenAPI document at /openapi.json and Swagger UI (from its webjar, served locally) at /docs. */
final class DocsRoutes {
    static final String OPENAPI = "/org/msapp/adapters/http/openapi.json";
    private static final String PAGE = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>ms-application API</title>
            <link rel="stylesheet" href="%1$s/swagger-ui.css"></head>
            <body><div id="swagger-ui"></div>
            <script src="%1$s/swagger-ui-bundle.js"></script>
            <script src="%1$s/swagger-ui-standalone-preset.js"></script>
            <script>window.onload = () => { window.ui = SwaggerUIBundle({url: '/openapi.json', dom_id: '#swagger-ui',
              presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: 'StandaloneLayout'}); };</script>
            </body></html>
            """;

    private final String document = resource(OPENAPI);
    private final String page = PAGE.formatted("/webjars/swagger-ui/" + swaggerUiVersion());

    void register(RoutesConfig routes) {
        Routes.get(routes, "/openapi.json", ctx -> ctx.contentType("application/json").result(document));
        Routes.get(routes, "/docs", ctx -> ctx.html(page));
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
}
