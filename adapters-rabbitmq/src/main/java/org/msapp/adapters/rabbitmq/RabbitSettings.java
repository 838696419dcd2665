package org.msapp.adapters.rabbitmq;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Where the broker is, the credentials to reach it, whether over TLS, and the audit queue to declare
 * (if any). {@link #toString()} never shows the password.
 */
public record RabbitSettings(String host, int port, String user, String password, String virtualHost, boolean tls,
                             Optional<String> auditQueue) {
    public RabbitSettings {
        requireNonNull(host, "host");
        requireNonNull(user, "user");
        requireNonNull(password, "password");
        requireNonNull(virtualHost, "virtualHost");
        requireNonNull(auditQueue, "auditQueue");
        if (port < 1 || port > 65535) throw new IllegalArgumentException("port must be 1..65535");
    }

    public RabbitSettings(String host, int port, String user, String password, String virtualHost, boolean tls) {
        this(host, port, user, password, virtualHost, tls, Optional.empty());
    }

    /** The same settings, with a durable quorum queue of that name bound to every event (none when empty). */
    public RabbitSettings withAuditQueue(Optional<String> queue) {
        return new RabbitSettings(host, port, user, password, virtualHost, tls, queue.map(String::strip).filter(q -> !q.isEmpty()));
    }

    /** {@code host:port}, and {@code /vhost} unless it is the default {@code /}, for logs: never the credentials. */
    public String where() {
        return host + ":" + port + (virtualHost.equals("/") ? "" : (virtualHost.startsWith("/") ? "" : "/") + virtualHost);
    }

    @Override
    public String toString() {
        return "RabbitSettings[" + user + "@" + where() + (tls ? ", TLS" : "") + auditQueue.map(q -> ", audit queue " + q).orElse("") + "]";
    }
}
