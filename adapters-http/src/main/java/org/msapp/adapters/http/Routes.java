package org.msapp.adapters.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.security.RouteRole;

/**
 * Registers a GET route with its HEAD twin, so that HEAD answers exactly as GET would, without the
 * body (RFC 9110 9.3.2): the same access check, the same 404, the same ETag. Javalin alone answers
 * HEAD with an empty 200 and runs nothing.
 */
final class Routes {
    private Routes() {
    }

    static void get(RoutesConfig routes, String path, Handler handler, RouteRole... roles) {
        routes.get(path, handler, roles);
        routes.head(path, handler, roles);
    }
}
