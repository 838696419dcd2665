package org.msapp.adapters.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.msapp.application.access.Caller;
import org.msapp.application.access.InvalidCredentials;
import org.msapp.application.authentication.AuthenticateToken;
import org.msapp.application.authentication.AuthenticateUser;
import org.msapp.domain.user.Password;

/**
 * Who is calling, decided once per request, before the handler of every route registered with
 * {@link #CALLER}: a bearer token ({@code Authorization: Bearer}) or HTTP Basic credentials. What the
 * caller may then touch is the use cases' to decide, through {@link Caller}.
 */
final class Authentication {
    enum Access implements RouteRole { CALLER }

    static final RouteRole CALLER = Access.CALLER;
    static final String CHALLENGE = "Bearer realm=\"ms-application\", Basic realm=\"ms-application\", charset=\"UTF-8\"";
    static final String ATTRIBUTE = "msapp.caller";

    private final AuthenticateUser authenticateUser;
    private final AuthenticateToken authenticateToken;
    private final TrustedProxies proxies;

    Authentication(AuthenticateUser authenticateUser, AuthenticateToken authenticateToken, TrustedProxies proxies) {
        this.authenticateUser = authenticateUser;
        this.authenticateToken = authenticateToken;
        this.proxies = proxies;
    }

    void register(RoutesConfig routes) {
        routes.beforeMatched(ctx -> {
            if (ctx.routeRoles().contains(CALLER)) ctx.attribute(ATTRIBUTE, resolve(ctx));
        });
    }

    /** The caller of a route registered with {@link #CALLER}. */
    static Caller caller(Context ctx) {
        Caller caller = ctx.attribute(ATTRIBUTE);
        if (caller == null) throw new IllegalStateException(ctx.endpoint().path + " is not registered as needing a caller");
        return caller;
    }

    /** HTTP Basic credentials, when the request carries them, from the client {@code proxies} tell. */
    static Optional<AuthenticateUser.Command> basic(Context ctx, TrustedProxies proxies) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) return Optional.empty();
        String pair;
        try {
            pair = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw new InvalidCredentials("the Basic credentials are not base64");
        }
        int colon = pair.indexOf(':');
        if (colon < 1) throw new InvalidCredentials();
        Password password = Password.offered(pair.substring(colon + 1)).orElseThrow(InvalidCredentials::new);
        return Optional.of(new AuthenticateUser.Command(pair.substring(0, colon), password, proxies.clientAddress(ctx)));
    }

    private Caller resolve(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw new InvalidCredentials("credentials are required: a bearer token from POST /auth/token, or HTTP Basic");
        }
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).strip();
            if (token.isEmpty() || token.length() > 4096) throw new InvalidCredentials("the bearer token is not valid");
            return authenticateToken.handle(token);
        }
        return basic(ctx, proxies).map(c -> authenticateUser.handle(c).caller())
                .orElseThrow(() -> new InvalidCredentials("the Authorization scheme must be Bearer or Basic"));
    }
}
