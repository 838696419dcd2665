package org.msapp.adapters.rabbitmq;

import static java.util.Objects.requireNonNull;

/** Where the broker is, the credentials to reach it, and whether over TLS. {@link #toString()} never shows the password. */
public record RabbitSettings(String host, int port, String user, String password, String virtualHost, boolean tls) {
    public RabbitSettings {
        requireNonNull(host, "host");
        requireNonNull(user, "user");
        requireNonNull(password, "password");
        requireNonNull(virtualHost, "virtualHost");
        if (port < 1 || port > 65535) throw new IllegalArgumentException("port must be 1..65535");
    }

    /** {@code host:port/vhost}, for logs and health: never the credentials. */
    public String where() {
        return host + ":" + port + (virtualHost.startsWith("/") ? "" : "/") + virtualHost;
    }

    @Override
    public String toString() {
        return "RabbitSettings[" + user + "@" + where() + (tls ? ", TLS" : "") + "]";
    }
}
