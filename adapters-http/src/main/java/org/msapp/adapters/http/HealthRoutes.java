package org.msapp.adapters.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.msapp.application.health.CheckReadiness;

/**
 * Liveness (the process answers; no backing service is asked) and readiness (each backing service's
 * state, or DOWN "shutting down" once {@link #shuttingDown()} was called, without asking any).
 */
final class HealthRoutes {
    private final CheckReadiness checkReadiness;
    private volatile boolean shuttingDown;

    HealthRoutes(CheckReadiness checkReadiness) {
        this.checkReadiness = checkReadiness;
    }

    void register(RoutesConfig routes) {
        Routes.get(routes, "/health/live", ctx -> ctx.json(Map.of("status", "UP")));
        Routes.get(routes, "/health/ready", this::ready);
    }

    /** From now on readiness answers 503, so that load balancers send no more requests here. */
    void shuttingDown() {
        shuttingDown = true;
    }

    private void ready(Context ctx) {
        if (shuttingDown) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", "DOWN");
            body.put("detail", "shutting down");
            ctx.status(503).json(body);
            return;
        }
        CheckReadiness.Readiness readiness = checkReadiness.handle();
        boolean degraded = readiness.components().stream().anyMatch(c -> !c.up());
        Map<String, Object> components = new LinkedHashMap<>();
        readiness.components().forEach(c -> {
            Map<String, Object> component = new LinkedHashMap<>();
            component.put("status", c.up() ? "UP" : "DOWN");
            component.put("critical", c.critical());
            component.put("detail", c.detail());
            components.put(c.name(), component);
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", !readiness.ready() ? "DOWN" : degraded ? "DEGRADED" : "UP");
        body.put("components", components);
        ctx.status(readiness.ready() ? 200 : 503).json(body);
    }
}
