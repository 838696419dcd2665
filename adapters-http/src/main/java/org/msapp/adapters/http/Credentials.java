package org.msapp.adapters.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.msapp.application.Caller;
import org.msapp.application.InvalidCredentials;
import org.msapp.application.user.AuthenticateUser;
import org.msapp.domain.user.Password;

/** HTTP Basic credentials ({@code nick_name:password}), checked against the stored hash. */
final class Credentials {
    private final AuthenticateUser authenticate;

    Credentials(AuthenticateUser authenticate) {
        this.authenticate = authenticate;
    }

    /** @throws InvalidCredentials (401) when they are missing, malformed or wrong */
    Caller require(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) throw new InvalidCredentials();
        String pair;
        try {
            pair = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw new InvalidCredentials();
        }
        int colon = pair.indexOf(':');
        if (colon < 1 || colon == pair.length() - 1 || pair.length() - colon > 1024) throw new InvalidCredentials();
        Password password = Password.candidate("password", pair.substring(colon + 1));
        return authenticate.handle(new AuthenticateUser.Command(pair.substring(0, colon), password));
    }
}
