package org.msapp.bootstrap;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * A backing service's URL ({@code postgres://user:password@host:5432/db}, {@code amqp://...},
 * {@code redis://...}) taken apart, its parts percent-decoded. Parameters are refused rather than
 * dropped (a dropped {@code sslmode} would silently weaken a connection), and no message repeats a password.
 */
record ServiceUrl(String scheme, String host, Optional<Integer> port, Optional<String> user, Optional<String> password, String path) {

    /** @param example how the variable should look, for the message when it does not */
    static ServiceUrl parse(String variable, String raw, Set<String> schemes, String example) {
        URI uri;
        try {
            uri = URI.create(raw.replaceFirst("^jdbc:", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(variable + " is not a URL (" + example + ")");
        }
        if (!schemes.contains(String.valueOf(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException(variable + " must look like " + example);
        }
        if (uri.getRawQuery() != null) {
            throw new IllegalArgumentException(variable + " parameters (?" + uri.getRawQuery().replaceAll("password=[^&]*", "password=***")
                    + ") are not supported: they would be dropped, TLS settings with them; use host, port, database and credentials only");
        }
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        String info = uri.getRawUserInfo();
        if (info != null) {
            String[] parts = info.split(":", 2);
            user = Optional.of(decode(parts[0])).filter(u -> !u.isEmpty());
            if (parts.length == 2) password = Optional.of(decode(parts[1]));
        }
        String path = uri.getRawPath() == null ? "" : decode(uri.getRawPath().replaceFirst("^/", ""));
        return new ServiceUrl(uri.getScheme(), uri.getHost(), uri.getPort() > 0 ? Optional.of(uri.getPort()) : Optional.empty(), user, password, path);
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
